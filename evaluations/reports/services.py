"""Report figures, aggregated in the database.

Each ``*_section`` function runs a fixed number of queries (grouped ``Count``/``Sum``/
``Avg`` with conditional aggregation and subqueries), whatever the size of the
partnership, then applies small-cell suppression (``learning_site.suppression``) to the
handful of grouped rows that come back. Nothing here loops over learners or answers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncQuarter
from django.utils import timezone

from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters, job_role_expression, job_role_label
from evaluations.reports.grouping import flag, people_per_group
from evaluations.reports.models import OutcomeIndicator, quarter_label, quarter_start
from evaluations.reports.pairing import paired_sums
from evaluations.reports.stats import paired_change
from learning_site import suppression as sc
from learning_site.models import Agency
from learning_site.suppression import TOTAL

# Agencies Ofsted (2014) found hardest to involve in work on neglect.
OFSTED_HARD_TO_REACH = (
    Agency.ADULT_MENTAL_HEALTH,
    Agency.DRUG_AND_ALCOHOL,
    Agency.HOUSING,
    Agency.POLICE,
)


def top_roles_shown() -> int:
    return int(getattr(settings, "REPORT_TOP_JOB_ROLES", 8))


# --- shared filtering -------------------------------------------------------------------
def filter_by_learner(qs, filters: ReportFilters, user_path: str):
    """Partnership, agency and job role: the filters that are about the learner."""
    qs = qs.filter(**{f"{user_path}__partnership": filters.partnership})
    if filters.agency:
        qs = qs.filter(**{f"{user_path}__agency": filters.agency})
    if filters.job_role:
        qs = qs.annotate(_role_key=job_role_expression(f"{user_path}__job_role")).filter(
            _role_key=filters.job_role
        )
    return qs


def filter_by_period(qs, filters: ReportFilters, date_path: str):
    if filters.starts_at:
        qs = qs.filter(**{f"{date_path}__gte": filters.starts_at})
    if filters.ends_before:
        qs = qs.filter(**{f"{date_path}__lt": filters.ends_before})
    return qs


def filtered_enrolments(filters: ReportFilters):
    """Enrolments of the partnership's learners that started in the period."""
    from courses.models import Enrolment

    qs = filter_by_learner(Enrolment.objects.all(), filters, "user")
    if filters.course_id:
        qs = qs.filter(course_id=filters.course_id)
    return filter_by_period(qs, filters, "enrolled_at")


# --- reach ------------------------------------------------------------------------------
@dataclass
class ReachRow:
    key: str
    label: str
    learners: sc.Cell
    completers: sc.Cell
    enrolments: sc.Cell
    completions: sc.Cell
    completion_rate: sc.Cell
    named_by_ofsted: bool = False

    @property
    def not_reached(self) -> bool:
        return self.learners.value == 0


@dataclass
class ReachSection:
    total: ReachRow
    by_agency: list[ReachRow]
    by_role: list[ReachRow]
    roles_grouped: int = 0  # distinct roles folded into "Other roles"

    @property
    def agencies_not_reached(self) -> list[ReachRow]:
        return [row for row in self.by_agency if row.not_reached]

    @property
    def hard_to_reach(self) -> list[ReachRow]:
        return [row for row in self.by_agency if row.named_by_ofsted]

    def figures(self) -> list[Figure]:
        out = []
        for breakdown, rows in (
            ("overall", [self.total]),
            ("agency", self.by_agency),
            ("job role", self.by_role),
        ):
            for row in rows:
                for measure, cell, unit in (
                    ("learners reached", row.learners, "people"),
                    ("learners who completed a module", row.completers, "people"),
                    ("enrolments", row.enrolments, "enrolments"),
                    ("completions", row.completions, "completions"),
                    ("completion rate", row.completion_rate, "per cent of enrolments"),
                ):
                    statistic = "percent" if cell.kind == "percent" else "count"
                    out.append(
                        Figure("reach", measure, breakdown, row.label, statistic, cell, unit)
                    )
        return out


REACH_COUNTS = ("learners", "completers", "enrolments", "completions", "still_enrolled")


def reach_counts(filters: ReportFilters) -> dict[tuple[str, str], dict[str, int]]:
    """One query: per agency and job role, the people with an enrolment in the filters
    (``learners``), of whom completed a module (``completers``) and had one not (yet)
    completed (``still_enrolled``), and their ``enrolments`` and ``completions``.

    Each person is added up first (one row per person), then people per agency and role:
    as each person has one agency and one role, the groups add up to any total without
    counting anyone twice, so one pass serves the total, the agencies and the roles."""
    per_person = (
        filtered_enrolments(filters)
        .values("user_id", agency=F("user__agency"), role_key=job_role_expression("user__job_role"))
        .annotate(
            enrolments=Count("id"),
            completions=Count("completion"),
            completed=flag(Q(completion__isnull=False)),
            incomplete=flag(Q(completion__isnull=True)),
        )
    )
    rows = people_per_group(
        per_person, ["agency", "role_key"], ["completed", "enrolments", "completions", "incomplete"]
    )
    return {
        (row["agency"], row["role_key"]): {
            "learners": row["people"],
            "completers": row["completed"],
            "enrolments": row["enrolments"],
            "completions": row["completions"],
            "still_enrolled": row["incomplete"],
        }
        for row in rows
    }


def _added_up(counts, key=lambda group: group) -> dict:
    """Counts per agency and role added up by ``key`` of (agency, role)."""
    out: dict = {}
    for group, row in counts.items():
        into = out.setdefault(key(group), dict.fromkeys(REACH_COUNTS, 0))
        for name in REACH_COUNTS:
            into[name] += row[name]
    return out


def _reach_rows(total: dict, breakdowns: dict[str, tuple[dict[str, dict], dict[str, str]]]):
    """Suppress the reach tables together: people (learners, of whom completed) and
    enrolments (of which completed), by agency and by job role, which share their
    totals. The people who did not complete, and the enrolments not completed, are never
    printed but follow from two printed columns, so they take part as hidden figures.

    Returns the total row and, per breakdown, its rows."""
    people_values, enrolment_values, enrolment_people = {}, {}, {}

    def put(row, g):
        people_values[(row, TOTAL)] = g["learners"]
        people_values[(row, "completed")] = g["completers"]
        people_values[(row, "not completed")] = g["learners"] - g["completers"]
        enrolment_values[(row, TOTAL)] = g["enrolments"]
        enrolment_values[(row, "completed")] = g["completions"]
        enrolment_values[(row, "not completed")] = g["enrolments"] - g["completions"]
        enrolment_people[(row, TOTAL)] = g["learners"]
        enrolment_people[(row, "completed")] = g["completers"]
        enrolment_people[(row, "not completed")] = g["still_enrolled"]

    put(TOTAL, total)
    groups = [((TOTAL, TOTAL), [(TOTAL, "completed"), (TOTAL, "not completed")])]
    for name, (rows, _) in breakdowns.items():
        for key, g in rows.items():
            put((name, key), g)
        groups += sc.two_way_groups([(name, key) for key in rows], ["completed", "not completed"])
    unpublished = [key for key in people_values if key[1] == "not completed"]
    people = sc.suppress(people_values, groups, unpublished=unpublished)
    enrolments = sc.suppress(
        enrolment_values, groups, people=enrolment_people, unpublished=unpublished
    )

    def reach_row(row, key, label):
        learners = people.count((row, TOTAL))
        enrolled = enrolments.count((row, TOTAL), counts_people=False)
        completions = enrolments.count((row, "completed"), counts_people=False)
        return ReachRow(
            key=key,
            label=label,
            learners=learners,
            completers=people.count((row, "completed")),
            enrolments=enrolled,
            completions=completions,
            completion_rate=sc.rate_cell(completions, enrolled),
            named_by_ofsted=key in OFSTED_HARD_TO_REACH,
        )

    total_row = reach_row(TOTAL, "total", "All learners")
    by_breakdown = {
        name: [reach_row((name, key), key, labels.get(key, key)) for key in rows]
        for name, (rows, labels) in breakdowns.items()
    }
    return total_row, by_breakdown


def reach_section(filters: ReportFilters) -> ReachSection:
    """One query (``reach_counts``): the total, by agency, and the top job roles."""
    counts = reach_counts(filters)
    zero = dict.fromkeys(REACH_COUNTS, 0)
    total = _added_up(counts, key=lambda group: TOTAL).get(TOTAL, zero)
    by_agency = _added_up(counts, key=lambda group: group[0])
    agencies = dict(Agency.choices)
    agencies[""] = "Agency not given"
    groups = {key: by_agency.get(key, zero) for key in agencies if key or key in by_agency}

    limit = top_roles_shown()
    by_role = _added_up(counts, key=lambda group: group[1])
    role_rows = sorted(by_role.items(), key=lambda item: (-item[1]["learners"], item[0]))
    shown = role_rows[:limit]
    role_groups = dict(shown)
    roles_grouped = 0
    if len(role_rows) > limit:
        # Every learner has one job role, so the rest is the total minus the top roles.
        rest = {name: total[name] - sum(r[name] for _, r in shown) for name in REACH_COUNTS}
        role_groups["__other__"] = rest
        roles_grouped = 1
    role_labels = {key: job_role_label(key) for key in role_groups}
    role_labels["__other__"] = "Other roles"

    total_row, rows = _reach_rows(
        total, {"agency": (groups, agencies), "role": (role_groups, role_labels)}
    )
    return ReachSection(
        total=total_row, by_agency=rows["agency"], by_role=rows["role"], roles_grouped=roles_grouped
    )


# --- learning (before -> after the module) ----------------------------------------------
@dataclass
class PairedMeasure:
    """One measure on the same people at two points, with the mean change.

    ``people`` is n: each person counts once, their modules' changes averaged (see
    ``pairing``); ``pairs`` is how many module pairs those people gave."""

    label: str
    people: int
    pairs: int
    before: sc.Cell
    after: sc.Cell
    change: sc.Cell
    ci_low: sc.Cell
    ci_high: sc.Cell
    unit: str = ""

    @property
    def n(self) -> sc.Cell:
        reason = sc.SMALL if self.change.reason == sc.BASE else self.change.reason
        return sc.Cell(self.people, self.people, reason)

    @property
    def ci_display(self) -> str:
        if self.change.hidden:
            return self.change.display
        if self.ci_low.value is None:
            return "not enough people"
        return f"{self.ci_low.value:+.1f} to {self.ci_high.value:+.1f}"


def paired_measure(
    label, people, pairs, before, after, sum_change, sum_squares, unit="", *, protect=False
):
    """Means before and after, the mean change and its 95% interval, from sums over
    ``people`` people (each person's own mean change, so people are the unit)."""
    result = paired_change(people, sum_change, sum_squares)

    def cell(value, kind):
        return sc.statistic_cell(_float(value), people, kind, protect=protect)

    return PairedMeasure(
        label=label,
        people=people,
        pairs=pairs,
        before=cell(before, "mean"),
        after=cell(after, "mean"),
        change=cell(result.mean_change, "change"),
        ci_low=cell(result.ci_low, "change"),
        ci_high=cell(result.ci_high, "change"),
        unit=unit,
    )


def _float(value):
    return None if value is None else float(value)


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


def measure_figures(section, measure: PairedMeasure, breakdown, group, labels=None):
    before, after = labels or ("before", "after")
    return [
        Figure(section, f"{measure.label}: people", breakdown, group, "count", measure.n, "people"),
        Figure(section, f"{measure.label}: {before}", breakdown, group, "mean", measure.before, measure.unit),
        Figure(section, f"{measure.label}: {after}", breakdown, group, "mean", measure.after, measure.unit),
        Figure(section, f"{measure.label}: mean change", breakdown, group, "change", measure.change, measure.unit),
        Figure(section, f"{measure.label}: 95% CI lower", breakdown, group, "ci_low", measure.ci_low, measure.unit),
        Figure(section, f"{measure.label}: 95% CI upper", breakdown, group, "ci_high", measure.ci_high, measure.unit),
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

    qs = ResponseFigure.objects.filter(
        figure=ResponseFigure.LEARNING, wave=WaveKind.POST, partnership=filters.partnership
    )
    if filters.agency:
        qs = qs.filter(agency=filters.agency)
    if filters.job_role:
        qs = filter_by_learner(qs, filters, "user")
    if filters.course_id:
        qs = qs.filter(course_id=filters.course_id)
    if filters.starts_at or filters.ends_before:
        enrolments = filter_by_period(
            Enrolment.objects.filter(user=OuterRef("user"), course=OuterRef("course")),
            filters,
            "enrolled_at",
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
    from evaluations.reports import person_sums

    if from_people is None:
        from_people = filters.is_whole_partnership
    pairs = learning_pairs(filters).values(
        "person",
        course_key=F("course_id"),
        course_title=F("course__title"),
        k_before=F("baseline"),
        k_after=F("value"),
        c_before=F("baseline_confidence"),
        c_after=F("confidence"),
    )
    overall, rows = paired_sums(
        pairs,
        group_by=["course_key", "course_title"],
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
    for row in sorted(rows, key=lambda r: r["course_title"]):
        k, c = _learning_measures(row, protect=row["course_key"] in protected)
        by_module.append((row["course_title"], k, c))
    return LearningSection(knowledge, confidence, by_module, filters.module_label)


# --- scenario decisions -----------------------------------------------------------------
@dataclass
class ScenarioRow:
    title: str
    learners: sc.Cell
    tested: sc.Cell
    recognised: sc.Cell  # percent of learners whose first attempt reached a DC decision
    completed: sc.Cell
    median_weeks: sc.Cell
    outcomes: list[tuple[str, sc.Cell]]


@dataclass
class ScenarioSection:
    rows: list[ScenarioRow]

    def figures(self) -> list[Figure]:
        out = []
        for row in self.rows:
            g = row.title
            out += [
                Figure("scenarios", "learners who played", "scenario", g, "count", row.learners, "people"),
                Figure("scenarios", "learners who met a disguised-compliance decision", "scenario", g, "count", row.tested, "people"),
                Figure("scenarios", "chose the child-focused option at the first disguised-compliance decision", "scenario", g, "percent", row.recognised, "per cent of learners tested"),
                Figure("scenarios", "learners who reached an ending", "scenario", g, "count", row.completed, "people"),
                Figure("scenarios", "median weeks the child waited", "scenario", g, "median", row.median_weeks, "weeks"),
            ]  # fmt: skip
            for label, cell in row.outcomes:
                out.append(
                    Figure("scenarios", f"ending: {label}", "scenario", g, "percent", cell, "per cent of endings")
                )  # fmt: skip
        return out


def first_attempts(filters: ReportFilters):
    """Each learner's first attempt at each scenario (later attempts are practice): the
    attempts with no earlier one by the same learner at the same scenario (an anti-join,
    which the database answers from the learner-and-scenario index)."""
    from scenarios.models import ScenarioAttempt

    earlier = ScenarioAttempt.objects.filter(
        Q(started_at__lt=OuterRef("started_at"))
        | Q(started_at=OuterRef("started_at"), pk__lt=OuterRef("pk")),
        user=OuterRef("user"),
        scenario=OuterRef("scenario"),
    )
    qs = filter_by_learner(ScenarioAttempt.objects.all(), filters, "user")
    qs = filter_by_period(qs, filters, "started_at")
    if filters.course_id:
        qs = qs.filter(user__enrolments__course_id=filters.course_id)
    return qs.filter(~Exists(earlier))


def _median_from_histogram(counts: dict[int, int]) -> float | None:
    """Median of a distribution given as {value: how many} (grouped in SQL)."""
    n = sum(counts.values())
    if not n:
        return None
    ordered = sorted(counts.items())

    def nth(k):  # 0-based
        seen = 0
        for value, c in ordered:
            seen += c
            if k < seen:
                return value
        return ordered[-1][0]

    if n % 2:
        return float(nth(n // 2))
    return (nth(n // 2 - 1) + nth(n // 2)) / 2


def scenario_section(filters: ReportFilters) -> ScenarioSection:
    """Three queries: per-scenario counts (with the first disguised-compliance decision
    as a subquery), first attempts grouped by weeks waited and ending, and the endings
    each scenario has."""
    from learning_site.concepts import Concept
    from scenarios.models import Outcome, Rating, ScenarioDecision, ScenarioNode

    first_dc = ScenarioDecision.objects.filter(
        attempt=OuterRef("pk"), concepts__contains=Concept.DISGUISED_COMPLIANCE.value
    ).order_by("sequence")
    attempts = first_attempts(filters).annotate(
        first_dc_rating=Subquery(first_dc.values("rating")[:1])
    )
    counts = list(
        attempts.values("scenario_id", "scenario__title")
        .annotate(
            learners=Count("user", distinct=True),
            tested=Count("pk", filter=Q(first_dc_rating__isnull=False)),
            recognised=Count("pk", filter=Q(first_dc_rating=Rating.CHILD_FOCUSED)),
            completed=Count("pk", filter=Q(completed_at__isnull=False)),
        )
        .order_by("scenario__title")
    )
    finished = first_attempts(filters).filter(completed_at__isnull=False)
    # One grouped query gives both the weeks histogram and the endings count.
    weeks: dict[int, dict[int, int]] = {}
    endings: dict[int, dict[str, int]] = {}
    grouped = finished.values("scenario_id", "weeks_elapsed", "ending_outcome").annotate(
        c=Count("pk")
    )
    for row in grouped.order_by():
        by_weeks = weeks.setdefault(row["scenario_id"], {})
        by_weeks[row["weeks_elapsed"]] = by_weeks.get(row["weeks_elapsed"], 0) + row["c"]
        by_end = endings.setdefault(row["scenario_id"], {})
        by_end[row["ending_outcome"]] = by_end.get(row["ending_outcome"], 0) + row["c"]

    # The endings each scenario has (a third query): a scenario with no "left in
    # neglect" ending is not listed with 0% of it. An outcome a first attempt reached is
    # listed too, even if the scenario's endings have since been edited.
    possible: dict[int, set[str]] = {}
    for page_id, outcome in (
        ScenarioNode.objects.filter(page_id__in=[row["scenario_id"] for row in counts])
        .exclude(outcome="")
        .values_list("page_id", "outcome")
        .distinct()
    ):
        possible.setdefault(page_id, set()).add(outcome)

    rows = []
    for row in counts:
        done = row["completed"]
        reached = endings.get(row["scenario_id"], {})
        has = possible.get(row["scenario_id"], set()) | {key for key, n in reached.items() if n}
        outcome_counts = {key: reached.get(key, 0) for key in Outcome.values if key in has}
        # Every count is of people (one first attempt each). "Tested", "recognised" and
        # "reached an ending" are parts of "learners"; the endings, shown as shares of
        # those who reached one, are parts of that.
        values = {
            "learners": row["learners"], "tested": row["tested"],
            "not tested": row["learners"] - row["tested"], "recognised": row["recognised"],
            "not recognised": row["tested"] - row["recognised"], "completed": done,
            "not completed": row["learners"] - done,
            **{("ending", key): n for key, n in outcome_counts.items()},
        }  # fmt: skip
        hidden = sc.suppress(
            values,
            [
                ("learners", ["tested", "not tested"]),
                ("tested", ["recognised", "not recognised"]),
                ("learners", ["completed", "not completed"]),
                ("completed", [("ending", key) for key in outcome_counts]),
            ],
            unpublished=["not tested", "not recognised", "not completed"],
        )
        completed = hidden.count("completed")
        rows.append(
            ScenarioRow(
                title=row["scenario__title"],
                learners=hidden.count("learners"),
                tested=hidden.count("tested"),
                recognised=sc.rate_cell(hidden.count("recognised"), hidden.count("tested")),
                completed=completed,
                median_weeks=sc.statistic_cell(
                    _median_from_histogram(weeks.get(row["scenario_id"], {})), done, "median",
                    protect=completed.hidden,
                ),
                outcomes=[
                    (label, sc.rate_cell(hidden.count(("ending", key)), completed))
                    for key, label in Outcome.choices
                    if key in has
                ],
            )
        )  # fmt: skip
    return ScenarioSection(rows)


# --- local outcome indicators -----------------------------------------------------------
@dataclass
class IndicatorSeries:
    indicator: OutcomeIndicator
    points: list[tuple[datetime.date, float]]

    @property
    def latest(self):
        return self.points[-1] if self.points else None


def indicator_text(value: float) -> str:
    """A partnership's own figure as they entered it: 58, 61.5 (not 58.0)."""
    return f"{value:g}"


@dataclass
class IndicatorSection:
    series: list[IndicatorSeries]
    quarters: list[datetime.date]
    completions_by_quarter: dict[datetime.date, sc.Cell]

    @property
    def table_rows(self) -> list[dict]:
        rows = []
        for quarter in self.quarters:
            cell = self.completions_by_quarter.get(quarter) or sc.Cell(0, 0)
            cells = [cell.display]
            for item in self.series:
                value = dict(item.points).get(quarter)
                cells.append("" if value is None else indicator_text(value))
            rows.append({"label": quarter_label(quarter), "cells": cells})
        return rows

    def figures(self) -> list[Figure]:
        out = []
        for quarter in self.quarters:
            cell = self.completions_by_quarter.get(quarter) or sc.Cell(0, 0)
            out.append(Figure("context", "module completions", "quarter", quarter_label(quarter), "count", cell, "completions"))  # fmt: skip
        for item in self.series:
            for quarter, value in item.points:
                out.append(
                    Figure(
                        "context", f"local indicator: {item.indicator.name}", "quarter",
                        quarter_label(quarter), "count", sc.Cell(value, 0, "", "mean"),
                        item.indicator.unit, indicator_text(value),
                    )
                )  # fmt: skip
        return out


def indicator_section(filters: ReportFilters) -> IndicatorSection:
    """Three queries: indicators, their values, and completions per quarter.

    The indicators are the partnership's own published figures (not about individual
    people), so they are not suppressed; completions per quarter are.
    """
    values = filters.partnership.outcome_indicators.prefetch_related("values")
    start = quarter_start(filters.date_from) if filters.date_from else None
    end = filters.date_to
    series = []
    quarters = set()
    for indicator in values:
        points = [
            (v.quarter_start, float(v.value))
            for v in indicator.values.all()
            if (start is None or v.quarter_start >= start)
            and (end is None or v.quarter_start <= end)
        ]
        quarters.update(q for q, _ in points)
        series.append(IndicatorSeries(indicator, points))

    completions = filter_by_learner(_completions(), filters, "user")
    if filters.course_id:
        completions = completions.filter(course_id=filters.course_id)
    completions = filter_by_period(completions, filters, "completed_at")
    tz = timezone.get_current_timezone()
    counted = {}
    for row in (
        completions.annotate(quarter=TruncQuarter("completed_at", tzinfo=tz))
        .values("quarter")
        .annotate(people=Count("user", distinct=True), n=Count("pk"))
        .order_by("quarter")
    ):
        q = row["quarter"]
        counted[q.date() if isinstance(q, datetime.datetime) else q] = row
    # The quarters add up to the module completions in the period, so one hidden quarter
    # would be that total minus the others. The counts are of completions; the rule
    # looks at the people behind each.
    hidden = sc.suppress_group(
        {q: row["n"] for q, row in counted.items()},
        people={q: row["people"] for q, row in counted.items()},
    )
    per_quarter = {q: hidden.count(q, counts_people=False) for q in counted}
    quarters.update(counted)
    return IndicatorSection(series, sorted(quarters), per_quarter)


def _completions():
    from courses.models import CourseCompletion

    return CourseCompletion.objects.all()
