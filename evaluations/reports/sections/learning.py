"""Learning: knowledge and confidence before and after the module, paired on the same
learners, overall and by module (one query over the report summary's learning rows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from evaluations.reports.charts import Bar, BarChart
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters, scoped
from evaluations.reports.paired_measures import PairedMeasure, measure_figures, paired_measure
from evaluations.reports.pairing import paired_sums
from evaluations.reports.pdf_layout import chart_flowables, para, table
from evaluations.reports.sections.base import Section
from learning_site import suppression as sc
from learning_site.suppression import TOTAL


def _paired_row(group: str, m) -> list[str]:
    return [group, m.label, m.n.display, m.before.display, m.after.display,
            m.change.display, m.ci_display]  # fmt: skip


PAIRED_HEADER = ["Pairs", "Before", "After", "Mean change", "95% confidence interval"]


@dataclass
class LearningSection:
    knowledge: PairedMeasure
    confidence: PairedMeasure
    by_module: list[tuple[str, PairedMeasure, PairedMeasure]] = field(default_factory=list)
    # What the overall row covers: "All modules", or the one module filtered to.
    overall_label: str = "All modules"

    @property
    def rows(self) -> list[tuple[str, str, PairedMeasure, PairedMeasure]]:
        """(breakdown, group, knowledge, confidence) as the page, PDF and CSV list them.
        One module alone is the overall row again, so it is not repeated."""
        out = [("overall", self.overall_label, self.knowledge, self.confidence)]
        if len(self.by_module) > 1:
            out += [("module", title, k, c) for title, k, c in self.by_module]
        return out

    def figures(self) -> list[Figure]:
        out = []
        for breakdown, group, knowledge, confidence in self.rows:
            for measure in (knowledge, confidence):
                out += measure_figures("learning", measure, breakdown, group)
        return out

    def charts(self) -> list[BarChart]:
        rows = [("Knowledge score (%)", self.knowledge)]
        bars = [Bar.from_cells(label, [m.before, m.after]) for label, m in rows]
        conf = self.confidence
        bars.append(
            Bar(
                "Confidence (1 to 5, ×20)",
                [None if conf.before.hidden or conf.before.value is None else conf.before.value * 20,
                 None if conf.after.hidden or conf.after.value is None else conf.after.value * 20],
                [conf.before.reason, conf.after.reason],
            )
        )  # fmt: skip
        chart = BarChart(
            "chart-learning",
            "Knowledge and confidence before and after the module, same learners",
            "Horizontal bars: solid before the module, hatched after. Confidence is scaled "
            "by 20 to share the 0 to 100 axis.",
            bars,
            ["Before", "After"],
            max_value=100,
        )
        return [chart]

    def pdf_flowables(self, styles) -> list[Flowable]:
        rows = []
        for _breakdown, group, knowledge, confidence in self.rows:
            rows += [_paired_row(group, knowledge), _paired_row(group, confidence)]
        return [
            para("Learning: before and after the module", styles["Heading1"]),
            para("Each learner's answers after the module are paired with their own answers before it.", styles["Note"]),
            *chart_flowables(self.charts()[0], styles),
            table(["Module", "Measure", *PAIRED_HEADER], rows, styles),
            Spacer(1, 6 * mm),
        ]  # fmt: skip


def _learning_measures(row, *, protect=False) -> tuple[PairedMeasure, PairedMeasure]:
    def measure(name, label, unit):
        people = row[f"{name}_n"]

        def mean(total):
            return None if not people or total is None else float(total) / people

        return paired_measure(
            label, people, row["pairs"] or 0, mean(row[f"{name}_before"]),
            mean(row[f"{name}_after"]), row[f"{name}_sum"], row[f"{name}_sq"], unit,
            protect=protect,
        )  # fmt: skip

    return (
        measure("k", "Knowledge score", "per cent correct"),
        measure("c", "Confidence", "mean rating, 1 to 5"),
    )


def learning_pairs(filters: ReportFilters):
    """Each learner's 'after' survey of a module beside their 'before' survey of the same
    module, both with a knowledge score and a confidence mean (the report summary's
    learning rows), given in the partnership (and agency), of learners whose enrolment on
    the module started in the period."""
    from courses.models import Enrolment
    from evaluations.models import WaveKind
    from evaluations.reports.models import ResponseFigure

    qs = ResponseFigure.objects.filter(figure=ResponseFigure.LEARNING, wave=WaveKind.POST)
    qs = scoped(
        qs, filters, partnership="partnership", agency="agency", learner="user",
        course="course_id",
    )  # fmt: skip
    if filters.starts_at or filters.ends_before:
        enrolments = scoped(
            Enrolment.objects.filter(user=OuterRef("user"), course=OuterRef("course")),
            filters,
            date="enrolled_at",
        )
        qs = qs.filter(Exists(enrolments))
    return qs


def learning_section(filters: ReportFilters, *, from_people: bool | None = None) -> LearningSection:
    """One query: overall and by module. Each learner's 'after' survey of a module is put
    beside their 'before' survey of the same module (the module's one before/after
    instrument, ``evaluations.before_after``; one of each per learner and module, a unique
    constraint); learners without both are left out. Overall, a person with several
    modules counts once, with the mean of their modules' changes: for the whole
    partnership that row is read from the people's combined rows (``from_people``, a
    second, small query), otherwise added up with the modules'."""
    from courses.models import CoursePage
    from evaluations.reports import person_sums

    if from_people is None:
        from_people = filters.is_whole_partnership
    pairs = learning_pairs(filters).values(
        "person",
        course_key=F("course_id"),
        k_before=F("baseline"),
        k_after=F("value"),
        c_before=F("baseline_confidence"),
        c_after=F("confidence"),
    )
    overall, rows = paired_sums(
        pairs,
        group_by=["course_key"],
        person="person",
        pairs={"k": ("k_before", "k_after"), "c": ("c_before", "c_after")},
        overall=not from_people,
    )
    if from_people:
        overall = person_sums.learning_overall(filters.partnership)
    # Without people in two modules, the modules' sums add up to the overall row, and a
    # single hidden module's means would be the overall minus the rest: so the modules'
    # people are suppressed as parts of a whole whenever the overall is shown.
    protected = sc.suppress_group(
        {row["course_key"]: row["people"] for row in rows},
        total_shown=overall["people"] >= sc.threshold(),
    )
    knowledge, confidence = _learning_measures(overall, protect=TOTAL in protected)
    by_module = []
    # The modules' titles are looked up apart: joining the page table to every pair
    # only to group by its title cost more than the pairing.
    titles = dict(
        CoursePage.objects.filter(pk__in=[row["course_key"] for row in rows]).values_list(
            "pk", "title"
        )
    )
    for row in rows:
        row["course_title"] = titles.get(row["course_key"], "A deleted module")
    for row in sorted(rows, key=lambda r: r["course_title"]):
        k, c = _learning_measures(row, protect=row["course_key"] in protected)
        by_module.append((row["course_title"], k, c))
    return LearningSection(knowledge, confidence, by_module, filters.module_label)


SECTION = Section("learning", "Learning", "impact_reports/sections/learning.html", learning_section)
