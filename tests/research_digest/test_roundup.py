import datetime
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from learning_site.roles import Role
from research_digest.models import DigestSubscription, RoundupDelivery
from research_digest.roundup import RoundupPeriod, send_monthly_roundup
from tests.factories import make_user
from tests.research_digest.factories import make_digest, make_index

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
# The beat task runs on the 1st; the round-up covers October 2026.
RUN_AT = datetime.datetime(2026, 11, 1, 7, 30, tzinfo=LONDON)
IN_OCTOBER = datetime.datetime(2026, 10, 14, 10, 0, tzinfo=LONDON)
IN_SEPTEMBER = datetime.datetime(2026, 9, 20, 10, 0, tzinfo=LONDON)


def publish_digest_at(index, when, **kwargs):
    with time_machine.travel(when, tick=False):
        return make_digest(index, **kwargs)


@pytest.fixture
def index(home_page):
    return make_index(home_page)


@pytest.fixture
def subscribers(learner, other_learner):
    for user in (learner, other_learner):
        DigestSubscription.objects.create(user=user, subscribed=True)
    return [learner, other_learner]


def test_period_is_the_calendar_month_before_in_london_time():
    period = RoundupPeriod.month_before(RUN_AT)
    assert period.key == "2026-10"
    assert period.label == "October 2026"
    assert period.start == datetime.datetime(2026, 10, 1, tzinfo=LONDON)
    assert period.end == datetime.datetime(2026, 11, 1, tzinfo=LONDON)
    # Just after midnight on New Year's Day the round-up is for December.
    assert RoundupPeriod.month_before(datetime.datetime(2027, 1, 1, 0, 5, tzinfo=LONDON)).key == (
        "2026-12"
    )
    # 00:30 on 1 April in summer time is 23:30 UTC on 31 March; still April in London.
    april = datetime.datetime(2026, 3, 31, 23, 30, tzinfo=datetime.UTC)
    assert RoundupPeriod.month_before(april).key == "2026-03"


def test_roundup_sends_last_months_new_digests_with_html_and_text(index, subscribers):
    publish_digest_at(index, IN_SEPTEMBER, title="Old news")
    publish_digest_at(
        index, IN_OCTOBER, title="Disguised compliance", takeaway="Judge change, not promises."
    )

    result = send_monthly_roundup(RUN_AT)

    assert result.digest_count == 1
    assert sorted(result.sent) == sorted(user.email for user in subscribers)
    assert len(mail.outbox) == 2
    message = mail.outbox[0]
    assert "October 2026" in message.subject
    assert "Disguised compliance" in message.body
    assert "Judge change, not promises." in message.body
    assert "Old news" not in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Disguised compliance</a>" in html
    token = DigestSubscription.objects.get(user__email=message.to[0]).token
    unsubscribe = "http://testserver" + reverse("research_digest:unsubscribe", args=[token])
    assert unsubscribe in message.body
    assert unsubscribe in html
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_every_link_in_the_roundup_is_on_the_sites_base_url(index, subscribers, settings):
    """The links used the Wagtail Site record, http://localhost on port 80 by default,
    so every one of them failed to open; the follow-up emails were already right."""
    settings.WAGTAILADMIN_BASE_URL = "https://learning.example.org/"
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    publish_digest_at(index, IN_OCTOBER, title="Disguised compliance")

    send_monthly_roundup(RUN_AT)

    message = mail.outbox[0]
    html = message.alternatives[0][0]
    links = re.findall(r"https?://[^\s\"<>]+", message.body + html)
    links += re.findall(r"<(https?://[^>]+)>", message.extra_headers["List-Unsubscribe"])
    assert len(links) >= 6  # digest, stop and change-your-choice, in both parts
    assert all(link.startswith("https://learning.example.org/") for link in links), links
    assert "https://learning.example.org/research-digests/" in message.body
    assert "localhost" not in message.body + html


def test_running_twice_sends_one_roundup_each(index, subscribers):
    publish_digest_at(index, IN_OCTOBER, title="New in October")

    first = send_monthly_roundup(RUN_AT)
    second = send_monthly_roundup(RUN_AT + datetime.timedelta(hours=2))

    assert len(first.sent) == 2
    assert second.sent == [] and second.already_sent == 2
    assert len(mail.outbox) == 2
    assert RoundupDelivery.objects.filter(period="2026-10", sent_at__isnull=False).count() == 2


def test_a_claim_made_by_a_concurrent_run_is_respected(index, subscribers, learner):
    # Another worker claimed this learner a moment ago and is sending now.
    RoundupDelivery.objects.create(user=learner, period="2026-10")
    publish_digest_at(index, IN_OCTOBER)

    result = send_monthly_roundup(RUN_AT)

    assert result.already_sent == 1
    assert [message.to for message in mail.outbox] == [[subscribers[1].email]]


def test_nothing_new_means_nothing_sent(index, subscribers):
    publish_digest_at(index, IN_SEPTEMBER, title="Published the month before")

    result = send_monthly_roundup(RUN_AT)

    assert result.digest_count == 0
    assert mail.outbox == []
    assert not RoundupDelivery.objects.exists()


def test_unsubscribed_and_never_subscribed_people_get_nothing(index, learner, other_learner):
    DigestSubscription.objects.create(user=learner, subscribed=False)
    publish_digest_at(index, IN_OCTOBER)

    send_monthly_roundup(RUN_AT)

    assert mail.outbox == []


def test_a_failed_send_is_released_for_the_next_run(index, subscribers, monkeypatch):
    publish_digest_at(index, IN_OCTOBER)
    from django.core.mail import EmailMultiAlternatives

    def broken_send(self, fail_silently=False):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailMultiAlternatives, "send", broken_send)
    result = send_monthly_roundup(RUN_AT)
    assert len(result.failed) == 2
    assert not RoundupDelivery.objects.exists()

    monkeypatch.undo()
    assert len(send_monthly_roundup(RUN_AT).sent) == 2


def test_management_command_dry_run_then_send(index, subscribers):
    publish_digest_at(index, IN_OCTOBER)
    out = StringIO()

    call_command("send_digest_roundup", "--now", "2026-11-01T07:30", "--dry-run", stdout=out)
    assert "Would send to 2 people" in out.getvalue()
    assert mail.outbox == []

    out = StringIO()
    call_command("send_digest_roundup", "--now", "2026-11-01T07:30", stdout=out)
    assert "Sent 2; already sent 0" in out.getvalue()
    call_command("send_digest_roundup", "--now", "2026-11-01T09:00", stdout=StringIO())
    assert len(mail.outbox) == 2


def test_beat_task_is_scheduled_monthly(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["research-digest-monthly-roundup"]
    assert entry["task"] == "research_digest.tasks.send_monthly_digest_roundup"
    assert entry["schedule"].day_of_month == {1}


def test_beat_task_runs_the_roundup(index, subscribers):
    from research_digest.tasks import send_monthly_digest_roundup

    publish_digest_at(index, IN_OCTOBER)
    with time_machine.travel(RUN_AT, tick=False):
        assert send_monthly_digest_roundup.delay().get() == 2
    assert len(mail.outbox) == 2


# --- Opting in and out ------------------------------------------------------------------


def test_learner_opts_in_and_out_on_the_subscription_page(client, learner):
    client.force_login(learner)
    url = reverse("research_digest:subscription")
    assert "You are <strong>not getting</strong>" in client.get(url).content.decode()

    response = client.post(url, {"subscribed": "yes"}, follow=True)
    assert "You will get the research digest round-up monthly." in response.content.decode()
    assert DigestSubscription.objects.get(user=learner).subscribed

    client.post(url, {"subscribed": "no"})
    assert not DigestSubscription.objects.get(user=learner).subscribed


def test_subscription_form_without_a_choice_shows_an_error(client, learner):
    client.force_login(learner)
    response = client.post(reverse("research_digest:subscription"), {})
    assert response.status_code == 200
    assert "Choose yes or no" in response.content.decode()


def test_the_stop_link_asks_first_and_the_button_stops_it(client, index, subscribers, learner):
    publish_digest_at(index, IN_OCTOBER)
    send_monthly_roundup(RUN_AT)
    message = next(m for m in mail.outbox if m.to == [learner.email])
    link = next(line for line in message.body.split() if "/round-up/stop/" in line)
    path = link.removeprefix("http://testserver")

    # Opening the link (as a mail system's link checker does) only asks.
    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Stop the research digest round-up</h1>" in html
    assert f'<form method="post" action="{path}">' in html
    assert DigestSubscription.objects.get(user=learner).subscribed

    # Pressing the button stops it, without signing in.
    response = client.post(path)
    assert response.status_code == 200
    assert "You will not get the research digest round-up" in response.content.decode()
    assert not DigestSubscription.objects.get(user=learner).subscribed
    assert DigestSubscription.objects.get(user=subscribers[1]).subscribed


def test_opening_the_stop_link_any_number_of_times_changes_nothing(client, learner):
    subscription = DigestSubscription.objects.create(user=learner, subscribed=True)
    url = reverse("research_digest:unsubscribe", args=[subscription.token])
    for _ in range(3):
        assert client.get(url).status_code == 200
    client.force_login(learner)
    client.get(url)
    client.head(url)
    subscription.refresh_from_db()
    assert subscription.subscribed


def test_the_stop_link_of_someone_already_stopped_says_so(client, learner):
    subscription = DigestSubscription.objects.create(user=learner, subscribed=False)
    html = client.get(reverse("research_digest:unsubscribe", args=[subscription.token]))
    html = html.content.decode()
    assert "You are not getting the research digest round-up" in html
    assert reverse("research_digest:resubscribe", args=[subscription.token]) in html
    subscription.refresh_from_db()
    assert not subscription.subscribed


def test_mail_programs_can_unsubscribe_with_a_post(client, learner):
    subscription = DigestSubscription.objects.create(user=learner, subscribed=True)
    # RFC 8058: the mail program POSTs this body, with no cookie and no CSRF token.
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(
        reverse("research_digest:unsubscribe", args=[subscription.token]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert not subscription.subscribed


def test_a_token_only_ever_changes_its_owners_choice(client, learner, other_learner):
    mine = DigestSubscription.objects.create(user=learner, subscribed=True)
    theirs = DigestSubscription.objects.create(user=other_learner, subscribed=True)

    # Signed in as the other learner, pressing stop on my link: it changes only mine.
    client.force_login(other_learner)
    client.post(reverse("research_digest:unsubscribe", args=[mine.token]))

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert not mine.subscribed
    assert theirs.subscribed
    assert mine.token != theirs.token


def test_a_made_up_or_altered_token_is_refused(client, learner):
    subscription = DigestSubscription.objects.create(user=learner, subscribed=True)
    altered = subscription.token[:-1] + ("A" if subscription.token[-1] != "A" else "B")
    response = client.get(reverse("research_digest:unsubscribe", args=[altered]))
    assert response.status_code == 404
    assert client.post(reverse("research_digest:unsubscribe", args=[altered])).status_code == 404
    subscription.refresh_from_db()
    assert subscription.subscribed


def test_undo_from_the_confirmation_page(client, learner):
    subscription = DigestSubscription.objects.create(user=learner, subscribed=False)
    response = client.post(reverse("research_digest:resubscribe", args=[subscription.token]))
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.subscribed


def test_inactive_people_get_nothing(index):
    user = make_user(Role.LEARNER, is_active=False)
    DigestSubscription.objects.create(user=user, subscribed=True)
    publish_digest_at(index, IN_OCTOBER)
    assert send_monthly_roundup(RUN_AT).sent == []
