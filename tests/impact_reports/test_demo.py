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


def test_board_member_reads_the_demo_report_and_csv(client, settings):
    """The whole demo (modules, scenarios, surveys, indicators) adds up into a report."""
    from django.core.management import call_command
    from django.urls import reverse

    from learning_site.models import User

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    client.force_login(User.objects.get(email="board@northshire.example"))
    response = client.get(reverse("reports_home"))
    html = response.content.decode()
    assert "Practice change at 3 and 12 months" in html
    # The share who applied the learning comes from the follow-up question itself: the
    # same figure worked out from the answers (4 or 5 on the scale counts as applied), of
    # people: each demo learner answered for two modules and counts once, as applying it
    # if they said so for either.
    from evaluations.models import SurveyAnswer

    answers = SurveyAnswer.objects.filter(
        measure__slug="applied-learning", response__wave="three_months"
    )
    people = set(answers.values_list("response__respondent_key", flat=True))
    agreed = set(
        answers.filter(number_value__gte=4).values_list("response__respondent_key", flat=True)
    )
    applied = response.context["report"].practice.applied["three_months"]
    assert answers.count() > len(people) >= 5
    assert applied.value == pytest.approx(100 * len(agreed) / len(people))
    assert "Reported applying the learning" in html
    assert "Children re-registered under the category of neglect" in html
    assert "Example" not in html  # demo learners are "<name> Example": no names appear
    csv = client.get(reverse("reports_csv")).content.decode()
    assert csv.startswith("\ufeffFilters applied,Value\r\nPartnership,Northshire")
    assert "practice change" in csv and "local indicator" in csv
