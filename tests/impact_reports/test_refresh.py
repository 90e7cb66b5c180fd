"""Each partnership's whole report is added up ahead of time by Celery beat, so the
first board member to open it does not wait for the database."""

import pytest
from django.conf import settings
from django.urls import reverse

from evaluations.reports.tasks import refresh_partnership_reports, warm_partnership_report
from learning_site.celery import app
from tests.impact_reports.test_query_counts import add_activity, count_queries

pytestmark = pytest.mark.django_db


def test_beat_refreshes_the_reports_every_few_minutes():
    entry = settings.CELERY_BEAT_SCHEDULE["impact-reports-refresh"]
    assert entry["task"] in app.tasks
    assert entry["schedule"].minute == set(range(3, 60, settings.REPORT_REFRESH_MINUTES))


def test_the_refreshed_report_is_served_without_adding_up(
    client, board_member, partnership, course, settings
):
    settings.REPORT_CACHE_SECONDS = 600
    add_activity(partnership, course, 6)
    client.force_login(board_member)
    # Nothing kept yet: the first visit adds the report up.
    settings.REPORT_CACHE_SECONDS = 0
    client.get(reverse("reports_home"))  # warm Django's own caches (content types, site)
    adding_up = count_queries(lambda: client.get(reverse("reports_home")))
    settings.REPORT_CACHE_SECONDS = 600

    assert refresh_partnership_reports.delay().get() >= 1

    responses = []
    served = count_queries(lambda: responses.append(client.get(reverse("reports_home"))))
    assert served < adding_up - 10
    (response,) = responses
    # It is the real report, with the six learners who enrolled.
    assert response.context["report"].reach.total.learners.value == 6


def test_each_partnership_gets_only_its_own_report(
    client, board_member, other_board_member, partnership, other_partnership, course, settings
):
    settings.REPORT_CACHE_SECONDS = 600
    add_activity(partnership, course, 6)
    refresh_partnership_reports.delay().get()
    client.force_login(other_board_member)
    report = client.get(reverse("reports_home")).context["report"]
    assert report.filters.partnership == other_partnership
    assert report.reach.total.learners.value == 0


def test_inactive_partnerships_and_caching_off_are_left_alone(partnership, settings):
    settings.REPORT_CACHE_SECONDS = 600
    partnership.is_active = False
    partnership.save()
    assert warm_partnership_report.delay(partnership.pk).get() is False
    partnership.is_active = True
    partnership.save()
    assert warm_partnership_report.delay(partnership.pk).get() is True
    settings.REPORT_CACHE_SECONDS = 0
    assert warm_partnership_report.delay(partnership.pk).get() is False


def test_editing_an_indicator_has_the_report_added_up_again_in_the_background(
    client,
    board_member,
    partnership,
    course,
    settings,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    import datetime

    from evaluations.reports.models import IndicatorValue

    settings.REPORT_CACHE_SECONDS = 600
    add_activity(partnership, course, 6)
    client.force_login(board_member)
    settings.REPORT_CACHE_SECONDS = 0
    client.get(reverse("reports_home"))
    adding_up = count_queries(lambda: client.get(reverse("reports_home")))
    settings.REPORT_CACHE_SECONDS = 600

    queued = []
    real_apply_async = warm_partnership_report.apply_async
    monkeypatch.setattr(
        warm_partnership_report,
        "apply_async",
        lambda *args, **kwargs: queued.append(args) or real_apply_async(*args, **kwargs),
    )
    indicator = partnership.outcome_indicators.first()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for month in (1, 4, 7):  # three edits in a row queue one refresh
            IndicatorValue.objects.create(
                indicator=indicator, quarter_start=datetime.date(2025, month, 1), value=654321
            )
    assert len(callbacks) == 3 and queued == [((partnership.pk,),)]

    responses = []
    served = count_queries(lambda: responses.append(client.get(reverse("reports_home"))))
    assert served < adding_up - 10
    assert "654321" in responses[0].content.decode()
