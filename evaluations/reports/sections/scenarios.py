"""Scenario decisions: from each learner's first attempt at each scenario, who met a
disguised-compliance decision and chose the child-focused option there, how long the
child waited and how the attempts ended."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Exists, F, Min, OuterRef, Q, Value, When
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from evaluations.reports.charts import Bar, BarChart
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters, scoped
from evaluations.reports.grouping import people_per_group
from evaluations.reports.pdf_layout import chart_flowables, para, table
from evaluations.reports.sections.base import Section
from learning_site import suppression as sc


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

    def charts(self) -> list[BarChart]:
        bars = [Bar.from_cells(row.title, [row.recognised]) for row in self.rows]
        chart = BarChart(
            "chart-scenarios",
            "Share who chose the child-focused option at the first disguised-compliance decision",
            "One bar per scenario, as a percentage of learners who reached such a decision "
            "on their first attempt.",
            bars,
            ["Child-focused"],
            unit="%",
            max_value=100,
        )
        return [chart]

    def pdf_flowables(self, styles) -> list[Flowable]:
        rows = [
            [r.title, r.learners.display, r.tested.display, r.recognised.display,
             r.completed.display, r.median_weeks.display]
            for r in self.rows
        ]  # fmt: skip
        if not rows:
            return [
                para("Scenario decisions", styles["Heading1"]),
                para("No scenario was played in this period.", styles["BodyText"]),
            ]
        endings = [[r.title, label, cell.display] for r in self.rows for label, cell in r.outcomes]
        return [
            para("Scenario decisions", styles["Heading1"]),
            *chart_flowables(self.charts()[0], styles),
            table(
                ["Scenario", "Learners", "Met a disguised-compliance decision", "Chose the child-focused option there", "Reached an ending", "Median weeks the child waited"],
                rows, styles,
            ),
            Spacer(1, 4 * mm),
            para("How first attempts ended", styles["Heading3"]),
            table(["Scenario", "Ending", "Share of first attempts that ended"], endings, styles),
            Spacer(1, 6 * mm),
        ]  # fmt: skip


def first_attempts(filters: ReportFilters):
    """Each learner's first attempt at each scenario (later attempts are practice): marked
    on the attempt when it is made (``ScenarioAttempt.is_first``). A module filter keeps
    the attempts of learners enrolled on that module."""
    from courses.models import Enrolment
    from scenarios.models import ScenarioAttempt

    qs = scoped(
        ScenarioAttempt.objects.filter(is_first=True), filters, learner="user", date="started_at"
    )
    if filters.course_id:
        # EXISTS rather than a join through the learner's enrolments: one learner has one
        # enrolment per module, but the planner need not know it.
        qs = qs.filter(
            Exists(Enrolment.objects.filter(user=OuterRef("user"), course=filters.course_id))
        )
    return qs


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


def first_attempt_counts(filters: ReportFilters) -> list[dict]:
    """One query: the first attempts in the filters, each added up with its decisions
    first (whether it met a disguised-compliance decision, and whether the first such
    decision was the child-focused choice), then counted per scenario, weeks the child
    waited, ending and whether it was finished.

    Returns rows of ``scenario_id``, ``weeks_elapsed``, ``ending_outcome``, ``done``,
    ``people`` (first attempts: one per learner and scenario), ``tested`` and
    ``recognised``. The first disguised-compliance decision was child-focused when the
    earliest such decision and the earliest child-focused one are the same step (steps
    are unique within an attempt), which saves looking the decision up per attempt."""
    from learning_site.concepts import Concept
    from scenarios.models import Rating

    dc = Q(decisions__concepts__contains=Concept.DISGUISED_COMPLIANCE.value)
    good = dc & Q(decisions__rating=Rating.CHILD_FOCUSED)
    per_attempt = (
        first_attempts(filters)
        .values(
            "pk", "scenario_id", "weeks_elapsed", "ending_outcome",
            done=Case(When(completed_at__isnull=False, then=Value(1)), default=Value(0)),
        )
        .annotate(first_dc=Min("decisions__sequence", filter=dc),
                  first_good=Min("decisions__sequence", filter=good))
        .annotate(
            tested=Case(When(first_dc__isnull=False, then=Value(1)), default=Value(0)),
            recognised=Case(When(first_dc=F("first_good"), then=Value(1)), default=Value(0)),
        )
    )  # fmt: skip
    return people_per_group(
        per_attempt,
        ["scenario_id", "weeks_elapsed", "ending_outcome", "done"],
        ["tested", "recognised"],
    )


def scenario_section(filters: ReportFilters) -> ScenarioSection:
    """Three queries: the first attempts counted per scenario, weeks waited and ending
    (``first_attempt_counts``), the scenarios' titles, and the endings each scenario
    has."""
    from scenarios.models import Outcome, ScenarioNode, ScenarioPage

    totals: dict[int, dict[str, int]] = {}
    # The weeks histogram and the endings of the first attempts that reached one.
    weeks: dict[int, dict[int, int]] = {}
    endings: dict[int, dict[str, int]] = {}
    for row in first_attempt_counts(filters):
        scenario, people = row["scenario_id"], row["people"]
        into = totals.setdefault(
            scenario, dict.fromkeys(("learners", "tested", "recognised", "completed"), 0)
        )
        into["learners"] += people
        into["tested"] += row["tested"]
        into["recognised"] += row["recognised"]
        if row["done"]:
            into["completed"] += people
            by_weeks = weeks.setdefault(scenario, {})
            by_weeks[row["weeks_elapsed"]] = by_weeks.get(row["weeks_elapsed"], 0) + people
            by_end = endings.setdefault(scenario, {})
            by_end[row["ending_outcome"]] = by_end.get(row["ending_outcome"], 0) + people
    titles = dict(ScenarioPage.objects.filter(pk__in=totals).values_list("pk", "title"))
    counts = sorted(
        ({"scenario_id": key, "scenario__title": titles.get(key, ""), **row} for key, row in totals.items()),
        key=lambda row: row["scenario__title"],
    )  # fmt: skip

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


SECTION = Section(
    "scenarios", "Scenario decisions", "impact_reports/sections/scenarios.html", scenario_section
)
