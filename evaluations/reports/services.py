"""Report figures, aggregated in the database.

Each ``*_section`` function runs a fixed number of queries (grouped ``Count``/``Sum``/
``Avg`` with conditional aggregation and subqueries), whatever the size of the
partnership, then applies small-cell suppression to the handful of grouped rows that come
back. Nothing here loops over learners or answers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, F, FloatField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, TruncQuarter
from django.utils import timezone

from evaluations.reports import suppression as sc
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters, job_role_expression, job_role_label
from evaluations.reports.models import OutcomeIndicator, quarter_label, quarter_start
from evaluations.reports.pairing import paired_sums
from evaluations.reports.stats import paired_change
from learning_site.models import Agency

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


_REACH_AGGREGATES = {
    "learners": Count("user", distinct=True),
    "completers": Count("user", distinct=True, filter=Q(completion__isnull=False)),
    "enrolments": Count("id"),
    "completions": Count("completion"),
}


def _reach_rows(groups: dict[str, dict], labels: dict[str, str], total_shown=True):
    """Turn grouped counts into suppressed rows (complementary suppression per column,
    then a row hides every column when its people count is hidden)."""
    learners = {k: g["learners"] for k, g in groups.items()}
    completers = {k: g["completers"] for k, g in groups.items()}
    hidden_learners = sc.suppress_parts(learners, total_shown=total_shown)
    # A row hidden for its people hides its completers too; completers shown beside
    # learners reveal the non-completers, so hide them when that difference is small.
    hidden_completers = {k for k, n in completers.items() if sc.is_small(n)} | {
        k
        for k, g in groups.items()
        if k in hidden_learners or sc.part_of_whole_hidden(g["completers"], g["learners"])
    }
    hidden_completers = sc.add_complementary(completers, hidden_completers, total_shown=total_shown)
    rows = []
    for key, g in groups.items():
        row_hidden = key in hidden_learners
        comp_hidden = key in hidden_completers
        rows.append(
            ReachRow(
                key=key,
                label=labels.get(key, key),
                learners=sc.count_cell(g["learners"], hidden=row_hidden),
                completers=sc.count_cell(g["completers"], hidden=comp_hidden),
                enrolments=sc.count_cell(g["enrolments"], hidden=row_hidden),
                completions=sc.count_cell(g["completions"], hidden=comp_hidden),
                completion_rate=sc.Cell(
                    100 * g["completions"] / g["enrolments"] if g["enrolments"] else None,
                    g["learners"],
                    row_hidden or comp_hidden or sc.statistic_hidden(g["learners"]),
                    "percent",
                ),
                named_by_ofsted=key in OFSTED_HARD_TO_REACH,
            )
        )
    return rows


def reach_section(filters: ReportFilters) -> ReachSection:
    """Three queries: the total, one grouped by agency, the top job roles."""
    enrolments = filtered_enrolments(filters)
    total = enrolments.aggregate(**_REACH_AGGREGATES)
    by_agency = {
        row["user__agency"]: row
        for row in enrolments.values("user__agency").annotate(**_REACH_AGGREGATES).order_by()
    }
    agencies = dict(Agency.choices)
    agencies[""] = "Agency not given"
    zero = dict.fromkeys(_REACH_AGGREGATES, 0)
    groups = {key: by_agency.get(key, zero) for key in agencies if key or key in by_agency}

    limit = top_roles_shown()
    role_rows = list(
        enrolments.annotate(role_key=job_role_expression("user__job_role"))
        .values("role_key")
        .annotate(**_REACH_AGGREGATES, roles=Count("role_key", distinct=True))
        .order_by("-learners", "role_key")[: limit + 1]
    )
    shown = role_rows[:limit]
    role_groups = {row["role_key"]: row for row in shown}
    roles_grouped = 0
    if len(role_rows) > limit:
        # Every learner has one job role, so the rest is the total minus the top roles.
        rest = {name: total[name] - sum(r[name] for r in shown) for name in _REACH_AGGREGATES}
        role_groups["__other__"] = rest
        roles_grouped = 1
    role_labels = {key: job_role_label(key) for key in role_groups}
    role_labels["__other__"] = "Other roles"

    total_row = _reach_rows({"total": total}, {"total": "All learners"}, total_shown=False)[0]
    return ReachSection(
        total=total_row,
        by_agency=_reach_rows(groups, agencies),
        by_role=_reach_rows(role_groups, role_labels),
        roles_grouped=roles_grouped,
    )


# --- learning (before -> after the module) ----------------------------------------------
@dataclass
class PairedMeasure:
    """One measure on the same people at two (or more) points, with the mean change."""

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
    def ci_display(self) -> str:
        if self.change.hidden:
            return sc.suppressed_text()
        if self.ci_low.value is None:
            return "not enough pairs"
        return f"{self.ci_low.value:+.1f} to {self.ci_high.value:+.1f}"


def paired_measure(
    label, people, pairs, before, after, sum_change, sum_squares, unit="", *, hidden=False
):
    result = paired_change(pairs, sum_change, sum_squares)
    hidden = hidden or sc.statistic_hidden(people)
    return PairedMeasure(
        label=label,
        people=people,
        pairs=pairs,
        before=sc.statistic_cell(_float(before), people, "mean", hidden=hidden),
        after=sc.statistic_cell(_float(after), people, "mean", hidden=hidden),
        change=sc.statistic_cell(result.mean_change, people, "change", hidden=hidden),
        ci_low=sc.statistic_cell(result.ci_low, people, "change", hidden=hidden),
        ci_high=sc.statistic_cell(result.ci_high, people, "change", hidden=hidden),
        unit=unit,
    )


def _float(value):
    return None if value is None else float(value)


@dataclass
class LearningSection:
    knowledge: PairedMeasure
    confidence: PairedMeasure
    by_module: list[tuple[str, PairedMeasure, PairedMeasure]] = field(default_factory=list)

    def figures(self) -> list[Figure]:
        out = []
        rows = [("overall", "All modules", self.knowledge, self.confidence)]
        rows += [("module", title, k, c) for title, k, c in self.by_module]
        for breakdown, group, knowledge, confidence in rows:
            for measure in (knowledge, confidence):
                out += measure_figures("learning", measure, breakdown, group)
        return out


def measure_figures(section, measure: PairedMeasure, breakdown, group, labels=None):
    before, after = labels or ("before", "after")
    return [
        Figure(section, f"{measure.label}: {before}", breakdown, group, "mean", measure.before, measure.unit),
        Figure(section, f"{measure.label}: {after}", breakdown, group, "mean", measure.after, measure.unit),
        Figure(section, f"{measure.label}: mean change", breakdown, group, "change", measure.change, measure.unit),
        Figure(section, f"{measure.label}: 95% CI lower", breakdown, group, "ci_low", measure.ci_low, measure.unit),
        Figure(section, f"{measure.label}: 95% CI upper", breakdown, group, "ci_high", measure.ci_high, measure.unit),
    ]  # fmt: skip


def _learning_measures(row, *, hidden=False) -> tuple[PairedMeasure, PairedMeasure]:
    pairs = row["pairs"] or 0

    def mean(total):
        return None if not pairs or total is None else float(total) / pairs

    knowledge = paired_measure(
        "Knowledge score", row["people"] or 0, pairs, mean(row["k_before"]), mean(row["k_after"]),
        row["k_sum"], row["k_sq"], "per cent correct", hidden=hidden,
    )  # fmt: skip
    confidence = paired_measure(
        "Confidence", row["people"] or 0, pairs, mean(row["c_before"]), mean(row["c_after"]),
        row["c_sum"], row["c_sq"], "mean rating, 1 to 5", hidden=hidden,
    )  # fmt: skip
    return knowledge, confidence


def _before_and_after(filters: ReportFilters, wave: str):
    """Sent 'before' (baseline) or 'after' (post) surveys that carry both a knowledge
    score and a confidence mean, of learners whose enrolment on the module started in
    the period."""
    from courses.models import Enrolment
    from evaluations.models import SurveyResponse

    qs = SurveyResponse.objects.submitted().filter(
        wave=wave, knowledge_score__isnull=False, mean_confidence__isnull=False
    )
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


def learning_section(filters: ReportFilters) -> LearningSection:
    """Two queries: overall, and by module. Each learner's 'after' survey of a module is
    joined to their 'before' survey of the same module (the module's one before/after
    instrument, ``evaluations.before_after``); learners without both are left out."""
    from evaluations.models import WaveKind

    after = {
        "learner": F("user_id"),
        "module": F("course_id"),
        "person": F("user_id"),
        "k_after": F("knowledge_score"),
        "c_after": Cast("mean_confidence", FloatField()),
    }
    later = _before_and_after(filters, WaveKind.POST).values(**after)
    later_by_module = _before_and_after(filters, WaveKind.POST).values(
        **after, course_key=F("course_id"), course_title=F("course__title")
    )
    earlier = _before_and_after(filters, WaveKind.BASELINE).values(
        learner=F("user_id"),
        module=F("course_id"),
        k_before=F("knowledge_score"),
        c_before=Cast("mean_confidence", FloatField()),
    )
    spec = {
        "on": ["learner", "module"],
        "person": "person",
        "pairs": {"k": ("k_before", "k_after"), "c": ("c_before", "c_after")},
        # One response per learner, module and wave (a unique constraint in evaluations).
        "earlier_unique": True,
    }
    (overall,) = paired_sums(later, earlier, group_by=[], **spec)
    knowledge, confidence = _learning_measures(overall)
    rows = paired_sums(later_by_module, earlier, group_by=["course_key", "course_title"], **spec)
    # The modules' pairs and sums add up to the overall row, so a single hidden module's
    # means could be worked out from the overall figures: hide the next smallest too.
    hidden = sc.add_complementary(
        {row["course_key"]: row["pairs"] for row in rows},
        {row["course_key"] for row in rows if sc.statistic_hidden(row["people"])},
        total_shown=not knowledge.change.hidden,
    )
    by_module = []
    for row in sorted(rows, key=lambda r: r["course_title"]):
        k, c = _learning_measures(row, hidden=row["course_key"] in hidden)
        by_module.append((row["course_title"], k, c))
    return LearningSection(knowledge, confidence, by_module)


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
    """Each learner's first attempt at each scenario (later attempts are practice)."""
    from scenarios.models import ScenarioAttempt

    earliest = ScenarioAttempt.objects.filter(
        user=OuterRef("user"), scenario=OuterRef("scenario")
    ).order_by("started_at", "pk")
    qs = filter_by_learner(ScenarioAttempt.objects.all(), filters, "user")
    qs = filter_by_period(qs, filters, "started_at")
    if filters.course_id:
        qs = qs.filter(user__enrolments__course_id=filters.course_id)
    return qs.filter(pk=Subquery(earliest.values("pk")[:1]))


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
    """Two queries: per-scenario counts (with the first disguised-compliance decision
    as a subquery), and first attempts grouped by weeks waited and ending."""
    from learning_site.concepts import Concept
    from scenarios.models import Outcome, Rating, ScenarioDecision

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

    rows = []
    for row in counts:
        learners_hidden = sc.is_small(row["learners"])
        tested_hidden = learners_hidden or sc.part_of_whole_hidden(row["tested"], row["learners"])
        outcome_counts = {
            key: endings.get(row["scenario_id"], {}).get(key, 0) for key in Outcome.values
        }
        hidden_outcomes = sc.suppress_parts(outcome_counts)
        done = row["completed"]
        rows.append(
            ScenarioRow(
                title=row["scenario__title"],
                learners=sc.count_cell(row["learners"], hidden=learners_hidden),
                tested=sc.count_cell(row["tested"], hidden=tested_hidden),
                recognised=sc.rate_cell(row["recognised"], row["tested"])
                if not tested_hidden
                else sc.Cell(None, row["tested"], True, "percent"),
                completed=sc.count_cell(done, hidden=learners_hidden or sc.part_of_whole_hidden(done, row["learners"])),
                median_weeks=sc.statistic_cell(
                    _median_from_histogram(weeks.get(row["scenario_id"], {})), done, "median",
                    hidden=learners_hidden,
                ),
                outcomes=[
                    (
                        label,
                        sc.Cell(
                            100 * outcome_counts[key] / done if done else None,
                            done,
                            learners_hidden or key in hidden_outcomes or sc.statistic_hidden(done),
                            "percent",
                        ),
                    )
                    for key, label in Outcome.choices
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


@dataclass
class IndicatorSection:
    series: list[IndicatorSeries]
    quarters: list[datetime.date]
    completions_by_quarter: dict[datetime.date, sc.Cell]

    @property
    def table_rows(self) -> list[dict]:
        rows = []
        for quarter in self.quarters:
            cell = self.completions_by_quarter.get(quarter) or sc.count_cell(0)
            cells = [cell.display]
            for item in self.series:
                value = dict(item.points).get(quarter)
                cells.append("" if value is None else f"{value:g}")
            rows.append({"label": quarter_label(quarter), "cells": cells})
        return rows

    def figures(self) -> list[Figure]:
        out = []
        for quarter in self.quarters:
            cell = self.completions_by_quarter.get(quarter) or sc.count_cell(0)
            out.append(Figure("context", "module completions", "quarter", quarter_label(quarter), "count", cell, "completions"))  # fmt: skip
        for item in self.series:
            for quarter, value in item.points:
                out.append(
                    Figure(
                        "context", f"local indicator: {item.indicator.name}", "quarter",
                        quarter_label(quarter), "count", sc.Cell(value, 0, False, "mean"),
                        item.indicator.unit,
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
    # The quarters add up to the completions shown under Reach, so one hidden quarter
    # would be that total minus the others: hide the next smallest quarter too.
    hidden = sc.add_complementary(
        {q: row["n"] for q, row in counted.items()},
        {q for q, row in counted.items() if sc.is_small(row["people"])},
    )
    per_quarter = {
        q: sc.Cell(row["n"], row["people"], q in hidden, "count") for q, row in counted.items()
    }
    quarters.update(counted)
    return IndicatorSection(series, sorted(quarters), per_quarter)


def _completions():
    from courses.models import CourseCompletion

    return CourseCompletion.objects.all()
