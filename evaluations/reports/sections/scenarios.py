"""Scenario decisions: from each learner's first attempt at each scenario, who met a
disguised-compliance decision and chose the child-focused option there, how long the
child waited and how the attempts ended."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from evaluations.reports.charts import Bar, BarChart
from evaluations.reports.figures import Figure
from evaluations.reports.filters import ReportFilters, scoped
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
    qs = scoped(
        ScenarioAttempt.objects.all(), filters, learner="user",
        course="user__enrolments__course_id", date="started_at",
    )  # fmt: skip
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
            # One first attempt per learner and scenario: attempts are people.
            learners=Count("pk"),
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


SECTION = Section(
    "scenarios", "Scenario decisions", "impact_reports/sections/scenarios.html", scenario_section
)
