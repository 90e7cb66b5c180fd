"""Practice change from the follow-up surveys: each measure at the end of the module and
at each follow-up wave (``LATER_WAVES``), paired with the same learner's own baseline
answer.

Reads the report summary (``ResponseFigure``: each later answer beside the same learner's
baseline answer, kept by ``evaluations.reports.summary``). A learner is paired across
waves by ``respondent_key`` and module, never by name. The unit is the
person: a learner who answered for several modules has their modules' changes averaged
into one, so each person counts once per measure and wave, n is people, and the
confidence intervals rest on people. The applied-learning share is of people too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Q, When
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from evaluations.models import (
    FOLLOW_UP_WAVES,
    LATER_WAVES,
    WAVE_SHORT_LABELS,
    follow_up_months_text,
)
from evaluations.reports.charts import LineChart
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters, scoped
from evaluations.reports.grouping import flag, people_per_group
from evaluations.reports.paired_measures import PairedMeasure, measure_figures, paired_measure
from evaluations.reports.pairing import sum_pairs_by_wave
from evaluations.reports.pdf_layout import chart_flowables, para, table
from evaluations.reports.sections.base import Section
from learning_site import suppression as sc

# Statuses of an invitation that was actually sent to the learner.
INVITED_STATUSES = ("sent", "reminded", "responded", "expired", "opted_out")


@dataclass
class MeasureChange:
    measure: str
    kind: str
    waves: dict[str, PairedMeasure] = field(default_factory=dict)


@dataclass
class ResponseRate:
    wave: str
    invited: sc.Cell
    responded: sc.Cell
    rate: sc.Cell

    @property
    def label(self) -> str:
        return WAVE_SHORT_LABELS[self.wave]


@dataclass
class PracticeSection:
    measures: list[MeasureChange]
    applied: dict[str, sc.Cell]
    rates: list[ResponseRate]
    answered: dict[str, sc.Cell]

    def rows(self):
        """(measure, wave label, paired measure) for the page and the PDF."""
        for item in self.measures:
            for wave in LATER_WAVES:
                if wave in item.waves:
                    yield item.measure, WAVE_SHORT_LABELS[wave], item.waves[wave]

    def figures(self) -> list[Figure]:
        out = []
        for measure, wave_label, paired in self.rows():
            out += measure_figures(
                "practice change", paired, "wave", wave_label, ("baseline", "at wave")
            )
            del measure
        for wave, cell in self.applied.items():
            out.append(
                Figure("practice change", "reported applying the learning", "wave",
                       WAVE_SHORT_LABELS[wave], "percent", cell, "per cent of respondents")
            )  # fmt: skip
        for wave, cell in self.answered.items():
            out.append(
                Figure("practice change", "people who answered", "wave", WAVE_SHORT_LABELS[wave],
                       "count", cell, "people")
            )  # fmt: skip
        for rate in self.rates:
            out += [
                Figure("practice change", "invited", "wave", rate.label, "count", rate.invited, "people"),
                Figure("practice change", "responded", "wave", rate.label, "count", rate.responded, "people"),
                Figure("practice change", "response rate", "wave", rate.label, "percent", rate.rate, "per cent of invited"),
            ]  # fmt: skip
        return out

    def charts(self) -> list[LineChart]:
        if not self.measures:
            return []
        series = [
            (
                item.measure,
                [
                    item.waves[w].change.shown_value if w in item.waves else None
                    for w in LATER_WAVES
                ],
            )
            for item in self.measures[:3]
        ]
        chart = LineChart(
            "chart-practice",
            "Mean change since before the module, same learners, by wave",
            "Lines join each measure's mean change by wave ("
            + ", ".join(WAVE_SHORT_LABELS[w].lower() for w in LATER_WAVES)
            + "); zero means no change. Hidden figures are left out. "
            + "; ".join(
                f"{name}: "
                + ", ".join(
                    f"{WAVE_SHORT_LABELS[w]} {'hidden or no data' if v is None else f'{v:+.1f}'}"
                    for w, v in zip(LATER_WAVES, values, strict=True)
                )
                for name, values in series
            )
            + ".",
            [WAVE_SHORT_LABELS[w] for w in LATER_WAVES],
            series,
        )
        return [chart]

    def pdf_flowables(self, styles) -> list[Flowable]:
        rows = [
            [measure, wave, m.before.display, m.after.display, m.change.display, m.ci_display,
             m.n.display]
            for measure, wave, m in self.rows()
        ]  # fmt: skip
        out = [
            para(f"Practice change at {follow_up_months_text()} months", styles["Heading1"]),
            para(
                "Each row pairs learners' answers at a wave with the same learners' own "
                "baseline answers. n is the number of people: someone who took several "
                "modules counts once, with the mean of their modules' changes.",
                styles["Note"],
            ),
        ]
        if rows:
            out.append(
                table(["Measure", "Wave", "Baseline", "At wave", "Mean change", "95% CI", "n"], rows, styles)
            )  # fmt: skip
        else:
            out.append(para("No paired survey answers yet for these filters.", styles["BodyText"]))
        applied = [[WAVE_SHORT_LABELS[w], c.display] for w, c in self.applied.items()]
        if applied:
            out += [
                Spacer(1, 4),
                table(["Wave", "Reported applying the learning"], applied, styles),
            ]
        rates = [
            [r.label, r.invited.display, r.responded.display, r.rate.display] for r in self.rates
        ]
        out += [
            Spacer(1, 4),
            table(["Wave", "Invited", "Responded", "Response rate"], rates, styles),
            # The people who answered each survey, which the page shows too.
            Spacer(1, 4 * mm),
            table(
                ["Survey", "People who answered"],
                [[WAVE_SHORT_LABELS[wave], cell.display] for wave, cell in self.answered.items()],
                styles,
            ),
            Spacer(1, 4 * mm),
        ]
        for chart in self.charts():
            out += chart_flowables(chart, styles)
        return out


def _figures(filters: ReportFilters):
    """The report summary's measure rows of later-wave responses submitted in the period
    under the filters (``evaluations.reports.summary``)."""
    from evaluations.reports.models import ResponseFigure

    qs = ResponseFigure.objects.filter(figure=ResponseFigure.MEASURE)
    return scoped(
        qs, filters, partnership="partnership", agency="agency", learner="user",
        course="course_id", date="submitted_at",
    )  # fmt: skip


def paired_practice_rows(filters: ReportFilters, *, from_people: bool | None = None) -> list[dict]:
    """One pass over the summary rows, which already hold each later answer beside the
    same learner's baseline answer for the module and measure; the baseline must have been
    given in the same partnership (and agency, when filtered). The period picks the later
    answers; their baseline may be older. Sums per measure and wave, people as the unit.
    For the whole partnership, the people's combined rows give the same sums directly
    (``from_people``)."""
    from evaluations.reports import person_sums

    if from_people is None:
        from_people = filters.is_whole_partnership
    if from_people:
        return person_sums.practice_pairs(filters.partnership)
    qs = _figures(filters).filter(
        wave__in=LATER_WAVES,
        value__isnull=False,
        baseline__isnull=False,
        baseline_partnership=filters.partnership,
    )
    if filters.agency:
        qs = qs.filter(baseline_agency=filters.agency)
    per_learner = qs.values(
        "person",
        "baseline",
        measure_key=F("measure_id"),
        **{wave: Case(When(wave=wave, then=F("value"))) for wave in LATER_WAVES},
    )
    return sum_pairs_by_wave(per_learner, LATER_WAVES)


def practice_section(filters: ReportFilters) -> PracticeSection:
    """Five queries: paired changes, measure names, applied-learning shares, people who
    answered each wave, and response rates."""
    from evaluations.models import Measure

    rows = paired_practice_rows(filters)
    names = dict(Measure.objects.values_list("pk", "name"))
    for row in rows:
        row["measure_name"] = names.get(row["measure_key"], "")
    measures: dict[int, MeasureChange] = {}
    for row in sorted(rows, key=lambda r: (r["measure_name"], r["wave_key"])):
        item = measures.setdefault(row["measure_key"], MeasureChange(row["measure_name"], ""))
        people = row["people"]
        item.waves[row["wave_key"]] = paired_measure(
            row["measure_name"], people, row["pairs"],
            row["v_before"] / people, row["v_after"] / people,
            row["v_sum"], row["v_sq"], "mean answer",
        )  # fmt: skip

    applied = applied_shares(filters)

    answered = people_who_answered(filters)
    # People who answered each wave are not parts of one whole (the same people answer
    # several waves), so each is suppressed on its own.
    answered_cells = {
        w: sc.suppress_group({w: answered.get(w, 0)}, total_shown=False).count(w)
        for w in WAVE_SHORT_LABELS
    }

    return PracticeSection(
        measures=list(measures.values()),
        applied=applied,
        rates=response_rates(filters),
        answered=answered_cells,
    )


def people_who_answered(filters: ReportFilters, *, from_people: bool | None = None) -> dict:
    """People who sent a survey of each wave (one query): for the whole partnership from
    the people's ``answered`` rows (``from_people``), else from the responses, counted in
    two steps (one row per person and wave first), not ``COUNT(DISTINCT)``."""
    from evaluations.models import SurveyResponse
    from evaluations.reports import person_sums

    if from_people is None:
        from_people = filters.is_whole_partnership
    if from_people:
        return person_sums.answered(filters.partnership)
    responses = scoped(
        SurveyResponse.objects.submitted(), filters, partnership="partnership",
        agency="agency", learner="user", course="course_id", date="submitted_at",
    )  # fmt: skip
    per_person = responses.values("wave", "respondent_key").annotate(n=Count("pk"))
    return {row["wave"]: row["people"] for row in people_per_group(per_person, ["wave"], [])}


def applied_shares(
    filters: ReportFilters, *, from_people: bool | None = None
) -> dict[str, sc.Cell]:
    """Share of follow-up respondents reporting that they applied the learning, per wave.

    If the instrument has the measure named by ``REPORT_APPLIED_MEASURE_SLUG`` (a 1 to 5
    agreement, or a yes/no choice), "applied" means agree/strongly agree or yes. Otherwise
    it means at least one of the practice actions asked about (a practice measure answered
    with 1 or more). Both are shares of people: someone who answered for two modules
    counts once, as applying it if they said so for either. One grouped query computes
    both: for the whole partnership, over the people's combined rows (``from_people``).
    """
    from evaluations.reports import person_sums, summary

    if from_people is None:
        from_people = filters.is_whole_partnership
    if from_people:
        rows = person_sums.applied(filters.partnership)
    else:
        practice_answer = Q(measure__kind="practice", value__isnull=False)
        applied = Q(measure__slug=summary.applied_measure_slug())
        per_person = (
            _figures(filters)
            .filter(wave__in=FOLLOW_UP_WAVES)
            .filter(applied | practice_answer)
            .values("wave", "person")
            .annotate(
                asked=flag(applied),
                agreed=flag(applied & (Q(highest__gte=4) | Q(said_yes=True))),
                respondents=flag(practice_answer),
                acted=flag(practice_answer & Q(highest__gte=1)),
            )
        )
        rows = people_per_group(per_person, ["wave"], ["asked", "agreed", "respondents", "acted"])
    found = {}
    for row in rows:
        part, whole = (
            (row["agreed"], row["asked"]) if row["asked"] else (row["acted"], row["respondents"])
        )
        shares = sc.part_of_whole(part, whole)
        found[row["wave"]] = sc.rate_cell(shares.count("part"), shares.count("whole"))
    return {wave: found[wave] for wave in FOLLOW_UP_WAVES if wave in found}


def response_rates(filters: ReportFilters) -> list[ResponseRate]:
    """Follow-up invitations sent, and answered, per wave (one grouped query)."""
    from evaluations.models import FollowUpInvitation

    qs = scoped(
        FollowUpInvitation.objects.all(), filters, partnership="partnership", agency="agency",
        learner="user", course="course_id", date="due_at",
    )  # fmt: skip
    found = {
        row["wave"]: row
        for row in qs.values("wave")
        .annotate(
            invited=Count("id", filter=Q(status__in=INVITED_STATUSES)),
            responded=Count("id", filter=Q(status="responded")),
        )
        .order_by()
    }
    rates = []
    for wave in FOLLOW_UP_WAVES:
        row = found.get(wave, {"invited": 0, "responded": 0})
        counts = sc.part_of_whole(row["responded"], row["invited"])
        invited, responded = counts.count("whole"), counts.count("part")
        rates.append(
            ResponseRate(
                wave=wave,
                invited=invited,
                responded=responded,
                rate=sc.rate_cell(responded, invited),
            )
        )
    return rates


SECTION = Section(
    "practice", "Practice change", "impact_reports/sections/practice.html", practice_section
)
