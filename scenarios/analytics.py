"""Trainer analytics for one scenario, scoped to the trainer's partnership.

Counts come from SQL aggregates (a fixed handful of queries, however many attempts).
Nobody is named. Any count under ``settings.SMALL_CELL_THRESHOLD`` is shown as "fewer
than 5", and so is any share worked out from it; when a group (the endings, or the
options at one decision) has exactly one hidden cell, the next smallest is hidden too so
the hidden one cannot be found by subtraction from the total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q

from learning_site.spreadsheets import SafeCsvWriter
from scenarios.models import NodeKind, Outcome, ScenarioAttempt, ScenarioDecision, ScenarioPage


def threshold() -> int:
    return int(getattr(settings, "SMALL_CELL_THRESHOLD", 5))


@dataclass
class Cell:
    count: int
    denominator: int | None = None
    hidden: bool = False

    def __post_init__(self):
        if self.count < threshold():
            self.hidden = True

    @property
    def display(self) -> str:
        if self.count < threshold():
            return f"fewer than {threshold()}"
        # Hidden only so that a small neighbour cannot be worked out by subtraction.
        return "not shown" if self.hidden else str(self.count)

    @property
    def share(self) -> str:
        if self.denominator is None:
            return ""
        if self.hidden or self.denominator < threshold():
            return "not shown"
        return f"{round(100 * self.count / self.denominator)}%"


def _protect_group(cells: list[Cell]) -> None:
    hidden = [c for c in cells if c.hidden]
    shown = [c for c in cells if not c.hidden]
    if len(hidden) == 1 and shown:
        min(shown, key=lambda c: c.count).hidden = True


@dataclass
class Row:
    label: str
    cell: Cell
    detail: str = ""


@dataclass
class DecisionBreakdown:
    title: str
    key: str
    total: Cell
    options: list[Row] = field(default_factory=list)


@dataclass
class ScenarioAnalytics:
    scenario: ScenarioPage
    attempts: Cell
    completed: Cell
    median_weeks: str
    endings: list[Row]
    decisions: list[DecisionBreakdown]
    scope_label: str

    @property
    def completion_rate(self) -> str:
        return self.completed.share


def scope_for(user):
    """The attempts this person may see in aggregate: their partnership's. An
    administrator who belongs to no partnership sees every partnership's."""
    attempts = ScenarioAttempt.objects.all()
    if user.partnership_id:
        return attempts.for_partnership(user.partnership_id), str(user.partnership)
    if user.is_administrator:
        return attempts, "All partnerships"
    return attempts.none(), "No partnership"


def _median(values_qs, n: int) -> float | None:
    if n == 0:
        return None
    ordered = values_qs.order_by("weeks_elapsed").values_list("weeks_elapsed", flat=True)
    if n % 2:
        return float(ordered[n // 2])
    low, high = list(ordered[n // 2 - 1 : n // 2 + 1])
    return (low + high) / 2


def scenario_analytics(page: ScenarioPage, scope) -> ScenarioAnalytics:
    attempts_qs, scope_label = scope
    attempts_qs = attempts_qs.filter(scenario=page)
    totals = attempts_qs.aggregate(
        attempts=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False))
    )
    attempts = Cell(totals["attempts"])
    completed = Cell(totals["completed"], totals["attempts"])
    if attempts.hidden:
        completed.hidden = True

    n_completed = totals["completed"]
    if n_completed >= threshold():
        median = _median(attempts_qs.completed(), n_completed)
        median_text = f"{median:g} weeks"
    else:
        median_text = f"not shown (fewer than {threshold()} completed attempts)"

    nodes = list(page.nodes.all().prefetch_related("choices"))
    by_ending = dict(
        attempts_qs.completed()
        .values_list("ending_key")
        .annotate(n=Count("pk"))
        .values_list("ending_key", "n")
    )
    outcome_labels = dict(Outcome.choices)
    endings = [
        Row(
            node.title,
            Cell(by_ending.get(node.key, 0), n_completed),
            outcome_labels.get(node.outcome, ""),
        )
        for node in nodes
        if node.kind == NodeKind.ENDING
    ]
    _protect_group([row.cell for row in endings])

    decision_counts: dict[tuple[str, int], int] = {}
    for key, choice_id, n in (
        ScenarioDecision.objects.filter(attempt__in=attempts_qs)
        .values("from_node_key", "choice_id")
        .annotate(n=Count("pk"))
        .values_list("from_node_key", "choice_id", "n")
    ):
        decision_counts[(key, choice_id)] = n
    decisions = []
    for node in nodes:
        if node.kind != NodeKind.DECISION:
            continue
        node_total = sum(n for (key, _), n in decision_counts.items() if key == node.key)
        breakdown = DecisionBreakdown(node.title, node.key, Cell(node_total))
        for choice in node.choices.all():
            breakdown.options.append(
                Row(
                    choice.label,
                    Cell(decision_counts.get((node.key, choice.pk), 0), node_total),
                    choice.get_rating_display(),
                )
            )
        _protect_group([row.cell for row in breakdown.options])
        decisions.append(breakdown)
    return ScenarioAnalytics(
        scenario=page,
        attempts=attempts,
        completed=completed,
        median_weeks=median_text,
        endings=endings,
        decisions=decisions,
        scope_label=scope_label,
    )


def write_csv(report: ScenarioAnalytics, out) -> None:
    writer = SafeCsvWriter(out, ["Section", "Item", "Detail", "Count", "Share"])
    writer.writerow(["scope", report.scope_label, "", "", ""])
    writer.writerow(["attempts", "Attempts started", "", report.attempts.display, ""])
    writer.writerow(
        ["attempts", "Attempts completed", "", report.completed.display, report.completed.share]
    )
    writer.writerow(["attempts", "Median weeks for the child", "", report.median_weeks, ""])
    for row in report.endings:
        writer.writerow(["ending", row.label, row.detail, row.cell.display, row.cell.share])
    for breakdown in report.decisions:
        writer.writerow(["decision", breakdown.title, "all choices", breakdown.total.display, ""])
        for row in breakdown.options:
            writer.writerow(
                [
                    f"decision: {breakdown.title}",
                    row.label,
                    row.detail,
                    row.cell.display,
                    row.cell.share,
                ]
            )
