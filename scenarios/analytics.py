"""Trainer analytics for one scenario, scoped to the trainer's partnership.

Counts come from SQL aggregates (a fixed handful of queries, however many attempts).
Nobody is named. Small counts are hidden by the one rule in ``learning_site.suppression``
(the endings add up to the finished attempts, and each decision's options to its total,
so no hidden count can be worked out by subtraction); a share is hidden with its count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from learning_site import suppression as sc
from learning_site.spreadsheets import SafeCsvWriter
from scenarios.models import NodeKind, Outcome, ScenarioAttempt, ScenarioDecision, ScenarioPage


@dataclass
class Row:
    label: str
    cell: sc.Cell
    share: sc.Cell
    detail: str = ""


@dataclass
class DecisionBreakdown:
    title: str
    key: str
    total: sc.Cell
    options: list[Row] = field(default_factory=list)


@dataclass
class ScenarioAnalytics:
    scenario: ScenarioPage
    attempts: sc.Cell
    completed: sc.Cell
    completion_rate: sc.Cell
    median_weeks: str
    endings: list[Row]
    decisions: list[DecisionBreakdown]
    scope_label: str


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
    n_completed = totals["completed"]
    if n_completed >= sc.threshold():
        median = _median(attempts_qs.completed(), n_completed)
        median_text = f"{median:g} weeks"
    else:
        median_text = f"not shown (fewer than {sc.threshold()} finished attempts)"

    nodes = list(page.nodes.all().prefetch_related("choices"))
    by_ending = dict(
        attempts_qs.completed()
        .values_list("ending_key")
        .annotate(n=Count("pk"))
        .values_list("ending_key", "n")
    )
    outcome_labels = dict(Outcome.choices)
    ending_nodes = [node for node in nodes if node.kind == NodeKind.ENDING]
    # Attempts are finished or not; the finished ones end at one ending each.
    values = {
        "attempts": totals["attempts"],
        "completed": n_completed,
        "not completed": totals["attempts"] - n_completed,
        **{("ending", node.key): by_ending.get(node.key, 0) for node in ending_nodes},
    }
    counts = sc.suppress(
        values,
        [
            ("attempts", ["completed", "not completed"]),
            ("completed", [("ending", node.key) for node in ending_nodes]),
        ],
        unpublished=["not completed"],
    )
    attempts, completed = counts.count("attempts"), counts.count("completed")
    endings = [
        Row(
            node.title,
            counts.count(("ending", node.key)),
            sc.rate_cell(counts.count(("ending", node.key)), completed),
            outcome_labels.get(node.outcome, ""),
        )
        for node in ending_nodes
    ]

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
        choices = list(node.choices.all())
        counts = sc.suppress_group(
            {choice.pk: decision_counts.get((node.key, choice.pk), 0) for choice in choices}
        )
        total = counts.count(sc.TOTAL)
        breakdown = DecisionBreakdown(node.title, node.key, total)
        for choice in choices:
            cell = counts.count(choice.pk)
            breakdown.options.append(
                Row(choice.label, cell, sc.rate_cell(cell, total), choice.get_rating_display())
            )
        decisions.append(breakdown)
    return ScenarioAnalytics(
        scenario=page,
        attempts=attempts,
        completed=completed,
        completion_rate=sc.rate_cell(completed, attempts),
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
        [
            "attempts",
            "Attempts completed",
            "",
            report.completed.display,
            report.completion_rate.display,
        ]
    )
    writer.writerow(["attempts", "Median weeks for the child", "", report.median_weeks, ""])
    for row in report.endings:
        writer.writerow(["ending", row.label, row.detail, row.cell.display, row.share.display])
    for breakdown in report.decisions:
        writer.writerow(["decision", breakdown.title, "all choices", breakdown.total.display, ""])
        for row in breakdown.options:
            writer.writerow(
                [
                    f"decision: {breakdown.title}",
                    row.label,
                    row.detail,
                    row.cell.display,
                    row.share.display,
                ]
            )
