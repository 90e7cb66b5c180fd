"""The whole partnership's paired figures from the people's combined rows
(``PersonFigure``, one per person, figure and wave), shaped as ``pairing`` returns them
from the per-module rows, so a section does not care which it was given.

Only the unfiltered report reads these: a filter on module, agency, job role or dates
changes which of a person's modules count, so filtered reports combine the per-module
rows (``ResponseFigure``) themselves.
"""

from __future__ import annotations

from django.db.models import Count, F, Q, Sum

from evaluations.models import WaveKind
from evaluations.reports.models import PersonFigure

SUMS = {
    "pairs": Sum("pairs"),
    "people": Count("id"),
    "before": Sum("before"),
    "after": Sum("after"),
    "total": Sum("change"),
    "squares": Sum(F("change") * F("change")),
}


def _summed(partnership, **which):
    return PersonFigure.objects.filter(partnership=partnership, **which).order_by()


def practice_pairs(partnership) -> list[dict]:
    """Per measure and later wave, as ``pairing.sum_pairs_by_wave`` returns them."""
    rows = _summed(partnership, figure=PersonFigure.MEASURE).values("measure_id", "wave")
    return [
        {
            "measure_key": row["measure_id"],
            "wave_key": row["wave"],
            "pairs": row["pairs"],
            "people": row["people"],
            "v_before": row["before"],
            "v_after": row["after"],
            "v_sum": row["total"],
            "v_sq": row["squares"],
        }
        for row in rows.annotate(**SUMS)
        if row["people"]
    ]


def learning_overall(partnership) -> dict:
    """The learning section's overall row, as ``pairing.paired_sums`` returns it with
    pairs ``k`` (knowledge) and ``c`` (confidence)."""
    found = {
        row["figure"]: row
        for row in _summed(
            partnership,
            figure__in=[PersonFigure.KNOWLEDGE, PersonFigure.CONFIDENCE],
            wave=WaveKind.POST,
        )
        .values("figure")
        .annotate(**SUMS)
    }
    out = {"pairs": 0, "people": 0}
    for name, figure in (("k", PersonFigure.KNOWLEDGE), ("c", PersonFigure.CONFIDENCE)):
        row = found.get(figure, {})
        # Every learning pair has both figures, so both count the same people and pairs.
        out["pairs"] = max(out["pairs"], row.get("pairs") or 0)
        out["people"] = max(out["people"], row.get("people") or 0)
        out[f"{name}_n"] = row.get("people") or 0
        out[f"{name}_before"] = row.get("before")
        out[f"{name}_after"] = row.get("after")
        out[f"{name}_sum"] = row.get("total")
        out[f"{name}_sq"] = row.get("squares")
    return out


def applied(partnership) -> list[dict]:
    """Per follow-up wave, as ``applied_shares`` adds up the per-module rows: ``people``
    and how many were asked the applied-learning measure, agreed, answered a practice
    measure, and did something it asks about."""
    rows = (
        PersonFigure.objects.filter(partnership=partnership, figure=PersonFigure.APPLIED)
        .order_by()
        .values("wave")
        .annotate(
            people=Count("id"),
            asked=Count("id", filter=Q(asked=True)),
            agreed=Count("id", filter=Q(agreed=True)),
            respondents=Count("id", filter=Q(reported=True)),
            acted=Count("id", filter=Q(acted=True)),
        )
    )
    return list(rows)


def answered(partnership) -> dict[str, int]:
    """People who sent a survey of each wave in the partnership, as the practice section
    counts them from the responses."""
    rows = (
        PersonFigure.objects.filter(partnership=partnership, figure=PersonFigure.ANSWERED)
        .order_by()
        .values("wave")
        .annotate(people=Count("id"))
    )
    return {row["wave"]: row["people"] for row in rows}
