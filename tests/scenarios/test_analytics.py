"""Trainer analytics on a known data set: numbers, suppression, scope, CSV, access."""

import csv
import io

import pytest
from django.urls import reverse

from learning_site.roles import Role
from scenarios.services import make_move, start_attempt
from tests.factories import make_user
from tests.scenarios.factories import make_scenario

pytestmark = pytest.mark.django_db

GOOD = [("start", "Start an assessment now"), ("assess", "Convene a strategy meeting")]
BAD = [
    ("start", "Give the family time"),
    ("wait", "Continue"),
    ("relapse", "Accept her explanation"),
]


def play(user, page, route):
    attempt = start_attempt(user, page)
    for at, label in route:
        choice = next(c for c in page.nodes_by_key[at].choices.all() if c.label == label)
        make_move(attempt, at_node_key=at, step=attempt.step, choice_id=choice.pk)
    return attempt


@pytest.fixture
def data(home_page, partnership, other_partnership):
    page = make_scenario(home_page)
    for route, count in ((GOOD, 7), (BAD, 5), ([], 2)):
        for _ in range(count):
            play(make_user(Role.LEARNER, partnership), page, route)
    for _ in range(5):
        play(make_user(Role.LEARNER, other_partnership), page, BAD)
    return page


def rows(report):
    return {row.label: (row.cell.display, row.share.display) for row in report.endings}


def test_numbers_and_suppression_for_the_trainers_partnership(client, trainer, data):
    client.force_login(trainer)
    response = client.get(reverse("scenario_analytics", args=[data.pk]))
    assert response.status_code == 200
    report = response.context["report"]
    assert report.attempts.display == "14"
    # 12 of 14 finished: the 2 who did not could be worked out, so 12 is not shown (and
    # is not "fewer than 5"), nor is any share of it.
    assert report.completed.display == "not shown"
    assert report.completion_rate.display == "not shown"
    assert report.median_weeks == "3 weeks"
    # Endings are counts of finished attempts; zero is shown, it names nobody. Shown in
    # full they would add up to the hidden 12, so the smallest non-zero one goes too.
    assert rows(report) == {
        "Protected": ("7", "not shown"),
        "Protected late": ("0", "not shown"),
        "Still waiting": ("not shown", "not shown"),
    }
    by_node = {b.key: b for b in report.decisions}
    start = {r.label: (r.cell.display, r.share.display) for r in by_node["start"].options}
    assert start == {"Start an assessment now": ("7", "58%"), "Give the family time": ("5", "42%")}
    assess = {r.label: r.cell.display for r in by_node["assess"].options}
    assert assess == {"Convene a strategy meeting": "7", "Close and refer to early help": "0"}
    html = response.content.decode()
    assert "not shown" in html and "Lee Learner" not in html and "@" not in html


def test_another_partnerships_trainer_sees_only_their_own(client, other_trainer, data):
    client.force_login(other_trainer)
    report = client.get(reverse("scenario_analytics", args=[data.pk])).context["report"]
    assert report.attempts.display == "5" and report.completed.display == "5"
    assert report.median_weeks == "20 weeks"


def test_small_groups_hide_the_median(client, trainer, home_page, partnership):
    page = make_scenario(home_page)
    for _ in range(3):
        play(make_user(Role.LEARNER, partnership), page, GOOD)
    client.force_login(trainer)
    report = client.get(reverse("scenario_analytics", args=[page.pk])).context["report"]
    assert report.attempts.display == "fewer than 5"
    assert report.completion_rate.display == "not shown: fewer than 5 people"
    assert report.median_weeks.startswith("not shown")


def test_csv_export(client, trainer, data, django_assert_max_num_queries):
    client.force_login(trainer)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("scenario_analytics_csv", args=[data.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response.content.startswith("\ufeff".encode())
    assert table[0] == ["Section", "Item", "Detail", "Count", "Share"]
    assert ["attempts", "Attempts started", "", "14", ""] in table
    assert ["attempts", "Attempts completed", "", "not shown", "not shown"] in table
    assert ["ending", "Protected late", "Child protected, but late", "0", "not shown"] in table
    assert not any("@" in cell for row in table for cell in row)


@pytest.mark.parametrize("who", ["learner", "board_member"])
def test_learners_and_board_members_are_refused(client, request, who, data):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("scenario_analytics", args=[data.pk])).status_code == 403
    assert client.get(reverse("scenario_analytics_csv", args=[data.pk])).status_code == 403


def test_trainers_see_the_analytics_link_on_the_scenario(client, trainer, learner, data):
    client.force_login(trainer)
    assert reverse("scenario_analytics", args=[data.pk]) in client.get(data.url).content.decode()
    client.force_login(learner)
    assert (
        reverse("scenario_analytics", args=[data.pk]) not in client.get(data.url).content.decode()
    )
