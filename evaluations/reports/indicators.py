"""Local outcome indicators: the defaults every partnership starts with, and the figures
over time the report shows beside training reach.

The defaults follow the evidence of success listed in Blackburn with Darwen Safeguarding
Children Board's neglect strategy (2015); each partnership can rename, describe or add to
them.
"""

from dataclasses import dataclass

from django.db import transaction

from evaluations.reports.models import OutcomeIndicator

BWD_SOURCE = "Blackburn with Darwen Safeguarding Children Board, neglect strategy (2015)"


@dataclass(frozen=True)
class DefaultIndicator:
    slug: str
    name: str
    description: str
    unit: str
    higher_is_better: bool


DEFAULT_INDICATORS = [
    DefaultIndicator(
        "neglect-re-registrations",
        "Children re-registered under the category of neglect",
        "Children who become subject to a child protection plan for neglect again, counted "
        "in the quarter the new plan starts. The strategy looks for this to fall.",
        "children",
        False,
    ),
    DefaultIndicator(
        "neglect-re-referrals",
        "Re-referrals for neglect after a single assessment",
        "Referrals for neglect about a child who had a single assessment before. The "
        "strategy looks for this to fall.",
        "referrals",
        False,
    ),
    DefaultIndicator(
        "looked-after-children",
        "Looked-after children",
        "Children looked after by the local authority at the end of the quarter.",
        "children",
        False,
    ),
    DefaultIndicator(
        "persistent-school-absence",
        "Children frequently absent from school",
        "Pupils recorded as persistently absent in the quarter.",
        "pupils",
        False,
    ),
    DefaultIndicator(
        "early-help-assessments",
        "Early help assessments (CAFs) completed",
        "Common Assessment Framework (early help) assessments completed by all agencies; a "
        "proxy for agencies acting earlier. The strategy looks for this to rise.",
        "assessments",
        True,
    ),
    DefaultIndicator(
        "two-year-offer-uptake",
        "Uptake of the two-year-old early education offer",
        "Share of eligible two-year-olds taking up funded early education.",
        "per cent",
        True,
    ),
    DefaultIndicator(
        "step-downs-outcomes-met",
        "Cases stepped down because desired outcomes were met",
        "Plans stepped down (for example from child protection to child in need) because "
        "the outcomes set for the child were achieved.",
        "cases",
        True,
    ),
]


@transaction.atomic
def ensure_default_indicators(partnership) -> list[OutcomeIndicator]:
    """Create any default indicator the partnership lacks; never overwrite edits."""
    made = []
    for order, spec in enumerate(DEFAULT_INDICATORS):
        indicator, _ = OutcomeIndicator.objects.get_or_create(
            partnership=partnership,
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "description": f"{spec.description} Source: {BWD_SOURCE}.",
                "unit": spec.unit,
                "higher_is_better": spec.higher_is_better,
                "sort_order": order,
            },
        )
        made.append(indicator)
    return made
