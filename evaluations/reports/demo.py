"""Demo data for the reports: three years of quarterly local indicators for Northshire,
and a few free-text survey answers approved for sharing, so the board report has
context and comments to show.

The indicator list follows Blackburn with Darwen Safeguarding Children Board's neglect
strategy (2015). The figures are invented for the demo (a mid-sized partnership) and say
so in their notes. Idempotent: values are keyed on indicator and quarter.
"""

import datetime
from decimal import Decimal

from evaluations.reports.indicators import ensure_default_indicators
from evaluations.reports.models import ApprovedComment, IndicatorValue

FIRST_QUARTER = datetime.date(2023, 10, 1)
QUARTERS = 12
NOTE = "Illustrative figure for the demo, not real data."

# slug: (first quarter's figure, change per quarter, seasonal swing)
TRENDS = {
    "neglect-re-registrations": (14, -0.4, 2),
    "neglect-re-referrals": (58, -1.2, 5),
    "looked-after-children": (312, -1.5, 3),
    "persistent-school-absence": (1840, -22, 160),
    "early-help-assessments": (205, 4.5, 18),
    "two-year-offer-uptake": (68.0, 0.6, 1.5),
    "step-downs-outcomes-met": (21, 0.8, 3),
}
# Autumn and winter quarters run higher for absence and referrals; a fixed pattern keeps
# the demo figures the same on every run.
SEASON = {1: 1, 4: 0, 7: -1, 10: 0.5}


def _quarters():
    year, month = FIRST_QUARTER.year, FIRST_QUARTER.month
    for _ in range(QUARTERS):
        yield datetime.date(year, month, 1)
        month += 3
        if month > 12:
            year, month = year + 1, month - 12


def seed_indicator_values(partnership) -> int:
    written = 0
    for indicator in ensure_default_indicators(partnership):
        trend = TRENDS.get(indicator.slug)
        if trend is None:
            continue
        start, step, swing = trend
        for index, quarter in enumerate(_quarters()):
            value = start + step * index + swing * SEASON[quarter.month]
            value = round(Decimal(str(max(value, 0))), 1 if indicator.unit == "per cent" else 0)
            row, created = IndicatorValue.objects.get_or_create(
                indicator=indicator,
                quarter_start=quarter,
                defaults={"value": value, "note": NOTE},
            )
            # Save only a real change, so a second run leaves updated_at alone.
            if not created and (row.value != value or row.note != NOTE):
                row.value, row.note = value, NOTE
                row.save()
            written += 1
    return written


def approve_demo_comments(partnership, trainer, limit: int = 4) -> int:
    """Approve the first few free-text answers of the demo surveys, as a trainer would."""
    from evaluations.reports.comment_approval import free_text_answers

    answers = list(free_text_answers(partnership).order_by("pk")[:limit])
    for answer in answers:
        ApprovedComment.objects.get_or_create(
            answer=answer,
            defaults={
                "partnership": partnership,
                "approved_by": trainer,
                "approved_at": answer.response.submitted_at,
            },
        )
    return len(answers)


def seed(context) -> None:
    partnership = context.partnerships["northshire"]
    values = seed_indicator_values(partnership)
    for other in context.partnerships.values():
        ensure_default_indicators(other)
    trainer = context.users.get("trainer@northshire.example")
    approved = approve_demo_comments(partnership, trainer)
    context.log.append(
        f"Reports: {values} quarterly indicator figures and {approved} approved comments "
        f"for {partnership.name}."
    )
