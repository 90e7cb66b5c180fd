"""Administrators enter local outcome indicators; the report shows them as context."""

import datetime

import pytest
from django.urls import reverse

from evaluations.reports.indicators import DEFAULT_INDICATORS
from evaluations.reports.models import IndicatorValue, OutcomeIndicator

pytestmark = pytest.mark.django_db


def test_every_partnership_starts_with_the_default_indicators(partnership):
    slugs = list(partnership.outcome_indicators.values_list("slug", flat=True))
    assert slugs == [spec.slug for spec in DEFAULT_INDICATORS]
    assert "Blackburn with Darwen" in partnership.outcome_indicators.first().description


def test_administrator_adds_and_corrects_a_quarter(client, administrator, partnership):
    indicator = partnership.outcome_indicators.get(slug="neglect-re-referrals")
    url = reverse("reports_indicator", args=[indicator.pk])
    client.force_login(administrator)
    response = client.post(url, {"action": "value", "year": "2025", "quarter": "4", "value": "42"})
    assert response.status_code == 302
    client.post(url, {"action": "value", "year": "2025", "quarter": "4", "value": "40.5"})
    value = IndicatorValue.objects.get(indicator=indicator)
    assert value.quarter_start == datetime.date(2025, 4, 1) and float(value.value) == 40.5


def test_indicator_list_shows_the_latest_figure(client, administrator, partnership):
    indicator = partnership.outcome_indicators.get(slug="looked-after-children")
    for month, value in ((1, 210), (4, 205)):
        IndicatorValue.objects.create(
            indicator=indicator, quarter_start=datetime.date(2025, month, 1), value=value
        )
    client.force_login(administrator)
    html = client.get(reverse("reports_indicators")).content.decode()
    assert "205 children (Apr to Jun 2025)" in html


def test_bad_figures_get_a_clear_message_and_keep_what_was_typed(
    client, administrator, partnership
):
    indicator = partnership.outcome_indicators.first()
    client.force_login(administrator)
    response = client.post(
        reverse("reports_indicator", args=[indicator.pk]),
        {"action": "value", "year": "2025", "quarter": "7", "value": "forty"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter the figure as a number, for example 42 or 61.5." in html
    assert 'value="forty"' in html and 'value="2025"' in html
    negative = client.post(
        reverse("reports_indicator", args=[indicator.pk]),
        {"action": "value", "year": "2025", "quarter": "7", "value": "-3"},
    )
    assert "greater than or equal to 0" in negative.content.decode()
    assert not IndicatorValue.objects.exists()


def test_administrator_adds_an_indicator_with_a_unique_name(client, administrator, partnership):
    client.force_login(administrator)
    url = reverse("reports_indicator_new") + f"?partnership={partnership.pk}"
    data = {
        "name": "Neglect audits completed",
        "description": "",
        "unit": "audits",
        "sort_order": "9",
    }
    response = client.post(url, data)
    made = OutcomeIndicator.objects.get(partnership=partnership, name="Neglect audits completed")
    assert response.url == reverse("reports_indicator", args=[made.pk])
    again = client.post(url, data)
    assert "already has an indicator with this name" in again.content.decode()


def test_report_labels_indicators_as_context(client, board_member, partnership):
    indicator = partnership.outcome_indicators.get(slug="looked-after-children")
    for month, value in ((1, 210), (4, 205), (7, 199)):
        IndicatorValue.objects.create(
            indicator=indicator, quarter_start=datetime.date(2025, month, 1), value=value
        )
    client.force_login(board_member)
    html = client.get(reverse("reports_home")).content.decode()
    assert "context, not caused by training" in html
    assert "Jan to Mar 2025" in html and "199" in html
    assert 'id="chart-indicator-2-title"' in html


def test_board_member_cannot_edit_another_partnerships_indicator(
    client, trainer, other_partnership
):
    indicator = other_partnership.outcome_indicators.first()
    client.force_login(trainer)
    assert client.get(reverse("reports_indicator", args=[indicator.pk])).status_code == 403
