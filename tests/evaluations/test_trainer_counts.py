"""Trainer view: counts per module and wave, own partnership only, no answers or names."""

import datetime

import pytest
from django.urls import reverse

from evaluations.models import FollowUpInvitation, InvitationStatus
from evaluations.services import wave_counts
from tests.evaluations.conftest import COMPLETED
from tests.evaluations.factories import complete_module
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(partnership, other_partnership, module, instrument):
    people = [make_user(partnership=partnership) for _ in range(4)]
    for person in people:
        complete_module(person, module, COMPLETED)
    complete_module(make_user(partnership=other_partnership), module, COMPLETED)
    invitations = list(
        FollowUpInvitation.objects.filter(partnership=partnership, wave="three_months")
    )
    sent = COMPLETED + datetime.timedelta(days=90)
    statuses = [
        InvitationStatus.RESPONDED,
        InvitationStatus.EXPIRED,
        InvitationStatus.OPTED_OUT,
        InvitationStatus.SENT,
    ]
    for invitation, status in zip(invitations, statuses, strict=True):
        FollowUpInvitation.objects.filter(pk=invitation.pk).update(status=status, sent_at=sent)
    return people


def test_counts_per_module_and_wave_for_one_partnership(activity, partnership, module):
    rows = {r.wave: r for r in wave_counts(partnership)}
    three = rows["three_months"]
    assert (three.invited, three.sent, three.responded, three.expired, three.opted_out) == (
        4,
        4,
        1,
        1,
        1,
    )
    assert three.response_rate == 25
    twelve = rows["twelve_months"]
    assert (twelve.invited, twelve.scheduled, twelve.sent, twelve.response_rate) == (4, 4, 0, None)
    assert rows["post"].invited == 4


def test_trainer_page_shows_own_partnership_counts_without_names(
    client, activity, trainer, other_trainer
):
    client.force_login(trainer)
    page = client.get(reverse("evaluations:trainer_counts"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "25%" in html
    for person in activity:
        assert person.full_name not in html and person.email not in html
    client.force_login(other_trainer)
    rows = client.get(reverse("evaluations:trainer_counts")).context["rows"]
    three = next(r for r in rows if r.wave == "three_months")
    assert three.invited == 1


def test_trainer_page_needs_the_analytics_permission(client, learner, board_member):
    for person in (learner, board_member):
        client.force_login(person)
        assert client.get(reverse("evaluations:trainer_counts")).status_code == 403


def test_trainer_page_query_count_does_not_grow_with_data(
    client, activity, trainer, django_assert_max_num_queries
):
    client.force_login(trainer)
    with django_assert_max_num_queries(20):
        client.get(reverse("evaluations:trainer_counts"))
