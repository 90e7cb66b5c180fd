"""The access log: who opened which report, export, analytics page or survey answers,
a platform administrator's choice of another partnership, and how long it is all kept."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.urls import resolve, reverse

from evaluations.reports.models import ExportStatus, OutcomeIndicator, ReportExport
from learning_site.models import AuditEvent, record_event
from learning_site.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

Action = AuditEvent.Action
BANNER = "as a platform administrator. It is not your own partnership"


@pytest.fixture
def course(home_page):
    from tests.courses.conftest import build_course

    return build_course(home_page)[0]


@pytest.fixture
def scenario(home_page):
    from tests.scenarios.factories import make_scenario

    return make_scenario(home_page)


def events(action=None):
    qs = AuditEvent.objects.order_by("pk")
    return list(qs.filter(action=action) if action else qs)


# --- which views are audited ------------------------------------------------------------
EVIDENCE_VIEWS = {
    "reports_home": ({}, Action.REPORT_VIEWED),
    "reports_csv": ({}, Action.EXPORT_DOWNLOADED),
    "reports_export_download": (
        {"export_id": "00000000-0000-0000-0000-000000000000"},
        Action.EXPORT_DOWNLOADED,
    ),
    "reports_comments": ({}, Action.ANSWERS_VIEWED),
    "scenario_analytics": ({"page_id": 1}, Action.ANALYTICS_VIEWED),
    "scenario_analytics_csv": ({"page_id": 1}, Action.ANALYTICS_VIEWED),
    "evaluations:trainer_counts": ({}, Action.ANALYTICS_VIEWED),
}


def _audit_action(view):
    while view is not None:
        if hasattr(view, "audit_action"):
            return view.audit_action
        view = getattr(view, "__wrapped__", None)
    return None


@pytest.mark.parametrize("name", sorted(EVIDENCE_VIEWS))
def test_every_view_of_evidence_is_audited(name):
    kwargs, action = EVIDENCE_VIEWS[name]
    assert _audit_action(resolve(reverse(name, kwargs=kwargs)).func) == action


# --- reports ----------------------------------------------------------------------------
def test_opening_the_board_report_is_recorded_once_with_its_filters(
    client, board_member, partnership, course
):
    client.force_login(board_member)
    response = client.get(reverse("reports_home"), {"agency": "health"})
    assert response.status_code == 200
    (event,) = events()
    assert event.action == Action.REPORT_VIEWED
    assert event.actor == board_member and event.actor_email == board_member.email
    assert event.partnership == partnership
    assert event.detail["filters"] == {"partnership": str(partnership.pk), "agency": "health"}
    assert event.path.startswith(reverse("reports_home"))


def test_report_csv_and_board_pack_downloads_are_recorded(
    client, board_member, partnership, course, django_capture_on_commit_callbacks
):
    client.force_login(board_member)
    assert client.get(reverse("reports_csv")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports_export_new"), {"export_format": "pdf"})
    export = ReportExport.objects.get()
    # Asking for the pack and watching its progress open nothing yet.
    client.get(reverse("reports_export", args=[export.pk]))
    download = client.get(reverse("reports_export_download", args=[export.pk]))
    b"".join(download.streaming_content)
    csv_event, pdf_event = events()
    assert csv_event.action == pdf_event.action == Action.EXPORT_DOWNLOADED
    assert csv_event.detail["format"] == "csv" and csv_event.partnership == partnership
    assert pdf_event.detail["format"] == "pdf"
    assert pdf_event.detail["export"] == str(export.pk)
    assert pdf_event.partnership == partnership


def test_refused_or_unready_requests_record_nothing(
    client, learner, board_member, other_board_member, partnership
):
    client.force_login(learner)
    assert client.get(reverse("reports_home")).status_code == 403
    assert client.get(reverse("reports_comments")).status_code == 403
    export = ReportExport.objects.create(
        requested_by=board_member,
        partnership=partnership,
        export_format="pdf",
        status=ExportStatus.RUNNING,
    )
    client.force_login(board_member)
    assert client.get(reverse("reports_export_download", args=[export.pk])).status_code == 404
    client.force_login(other_board_member)
    assert client.get(reverse("reports_export_download", args=[export.pk])).status_code == 404
    assert events() == []


def test_the_comment_queue_is_recorded_as_survey_answers_opened(client, trainer, partnership):
    client.force_login(trainer)
    assert client.get(reverse("reports_comments"), {"show": "all"}).status_code == 200
    (event,) = events()
    assert event.action == Action.ANSWERS_VIEWED
    assert event.partnership == partnership and event.detail["show"] == "all"


# --- trainer analytics --------------------------------------------------------------------
def test_trainer_analytics_pages_and_csv_are_recorded(client, trainer, partnership, scenario):
    client.force_login(trainer)
    assert client.get(reverse("scenario_analytics", args=[scenario.pk])).status_code == 200
    assert client.get(reverse("scenario_analytics_csv", args=[scenario.pk])).status_code == 200
    assert client.get(reverse("evaluations:trainer_counts")).status_code == 200
    page, csv_file, counts = events()
    assert {page.action, csv_file.action, counts.action} == {Action.ANALYTICS_VIEWED}
    assert page.detail["scenario"] == scenario.pk and "format" not in page.detail
    assert csv_file.detail["format"] == "csv"
    assert counts.detail["page"] == "survey response counts"
    assert {page.partnership, csv_file.partnership, counts.partnership} == {partnership}


def test_a_learner_refused_analytics_leaves_no_record(client, learner, scenario):
    client.force_login(learner)
    assert client.get(reverse("scenario_analytics", args=[scenario.pk])).status_code == 403
    assert client.get(reverse("evaluations:trainer_counts")).status_code == 403
    assert events() == []


# --- an administrator choosing a partnership ----------------------------------------------
def test_administrator_choosing_another_partnership_is_recorded_and_told(
    client, administrator, partnership, other_partnership, course
):
    client.force_login(administrator)
    own = client.get(reverse("reports_home")).content.decode()
    assert BANNER not in own
    assert events(Action.PARTNERSHIP_VIEWED_AS) == []

    chosen = client.get(reverse("reports_home"), {"partnership": other_partnership.pk})
    html = chosen.content.decode()
    assert f"You are viewing {other_partnership.name} {BANNER}" in html
    (viewed_as,) = events(Action.PARTNERSHIP_VIEWED_AS)
    assert viewed_as.actor == administrator and viewed_as.partnership == other_partnership
    assert viewed_as.detail == {"own_partnership": partnership.name}
    report = events(Action.REPORT_VIEWED)[-1]
    assert report.partnership == other_partnership


def test_administrator_without_a_partnership_is_told_which_one_they_see(
    client, partnership, other_partnership, course
):
    admin = make_user(Role.ADMINISTRATOR, None)
    client.force_login(admin)
    html = client.get(reverse("reports_home")).content.decode()
    # The first partnership by name is shown: that is recorded and said, not silent.
    assert f"You are viewing {partnership.name} {BANNER}" in html
    assert events(Action.PARTNERSHIP_VIEWED_AS)[0].partnership == partnership


def test_a_board_member_cannot_choose_another_partnership(
    client, board_member, partnership, other_partnership, course
):
    client.force_login(board_member)
    html = client.get(reverse("reports_home"), {"partnership": other_partnership.pk}).content
    assert other_partnership.name.encode() not in html
    assert events(Action.PARTNERSHIP_VIEWED_AS) == []
    assert events(Action.REPORT_VIEWED)[0].partnership == partnership


def test_export_from_the_page_keeps_the_chosen_partnership_and_filters(
    client, administrator, other_partnership, course, django_capture_on_commit_callbacks
):
    """The export form's address carries the page's filters (it carried a garbled copy,
    so an administrator's board pack was of their own partnership, unfiltered)."""
    import re
    from html import unescape

    client.force_login(administrator)
    html = client.get(
        reverse("reports_home"), {"partnership": other_partnership.pk, "agency": "police"}
    ).content.decode()
    action = unescape(re.search(r'action="([^"]*/exports/new/[^"]*)"', html).group(1))
    assert action.startswith(reverse("reports_export_new") + "?")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(action, {"export_format": "csv"})
    export = ReportExport.objects.get()
    assert export.partnership == other_partnership
    assert export.filters == {"partnership": str(other_partnership.pk), "agency": "police"}


def test_administrator_opening_another_partnerships_indicators_is_recorded(
    client, administrator, other_partnership
):
    from evaluations.reports.indicators import ensure_default_indicators

    ensure_default_indicators(other_partnership)
    indicator = OutcomeIndicator.objects.filter(partnership=other_partnership).first()
    client.force_login(administrator)
    listing = client.get(reverse("reports_indicators"), {"partnership": other_partnership.pk})
    assert BANNER in listing.content.decode()
    detail = client.get(reverse("reports_indicator", args=[indicator.pk]))
    assert BANNER in detail.content.decode()
    assert [e.partnership for e in events(Action.PARTNERSHIP_VIEWED_AS)] == [
        other_partnership,
        other_partnership,
    ]


def test_board_pack_of_another_partnership_is_recorded_when_an_administrator_opens_it(
    client, administrator, other_partnership
):
    export = ReportExport.objects.create(
        requested_by=administrator, partnership=other_partnership, export_format="csv"
    )
    client.force_login(administrator)
    page = client.get(reverse("reports_export", args=[export.pk])).content.decode()
    assert f"You are viewing {other_partnership.name}" in page
    assert events(Action.PARTNERSHIP_VIEWED_AS)[0].partnership == other_partnership


# --- keeping the log for a configurable period --------------------------------------------
def test_events_older_than_the_retention_period_are_deleted_nightly(settings, board_member):
    from learning_site.tasks import delete_expired_audit_events

    settings.AUDIT_LOG_RETENTION_DAYS = 30
    start = datetime.datetime(2026, 1, 1, 12, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        old = record_event(Action.REPORT_VIEWED, actor=board_member)
    with time_machine.travel(start + datetime.timedelta(days=1), tick=False):
        recent = record_event(Action.REPORT_VIEWED, actor=board_member)
    # 30 days and a minute after the first: it goes, the next day's stays.
    with time_machine.travel(start + datetime.timedelta(days=30, minutes=1), tick=False):
        assert delete_expired_audit_events.delay().get() == 1
    assert list(AuditEvent.objects.all()) == [recent]
    assert not AuditEvent.objects.filter(pk=old.pk).exists()


def test_a_retention_of_zero_keeps_everything(settings, board_member):
    from learning_site.auditing import delete_expired_events

    settings.AUDIT_LOG_RETENTION_DAYS = 0
    with time_machine.travel(datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)):
        record_event(Action.REPORT_VIEWED, actor=board_member)
    assert delete_expired_events() == 0
    assert AuditEvent.objects.count() == 1


def test_the_retention_task_runs_every_night():
    entry = settings.CELERY_BEAT_SCHEDULE["audit-log-retention-nightly"]
    assert entry["task"] == "learning_site.tasks.delete_expired_audit_events"
    assert entry["schedule"].hour == {3} and entry["schedule"].minute == {40}
