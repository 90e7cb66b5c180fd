import pytest

from evaluations.reports import demo
from evaluations.reports.models import IndicatorValue
from learning_site.demo import seed_foundation

pytestmark = pytest.mark.django_db


def test_demo_seeds_three_years_of_quarterly_indicators_once():
    context = seed_foundation()
    demo.seed(context)
    northshire = context.partnerships["northshire"]
    first = list(
        IndicatorValue.objects.order_by("pk").values_list(
            "indicator__slug", "quarter_start", "value"
        )
    )
    assert len(first) == 7 * 12
    assert IndicatorValue.objects.filter(indicator__partnership=northshire).count() == 84
    demo.seed(context)
    again = list(
        IndicatorValue.objects.order_by("pk").values_list(
            "indicator__slug", "quarter_start", "value"
        )
    )
    assert again == first
    assert all(
        "Illustrative" in note for note in IndicatorValue.objects.values_list("note", flat=True)
    )
