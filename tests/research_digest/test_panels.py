import pytest
from django.urls import reverse

from research_digest.models import DigestSubscription
from tests.research_digest.factories import make_digest, make_index

pytestmark = pytest.mark.django_db


def test_my_learning_shows_new_digests_and_the_round_up_choice(client, learner, home_page):
    index = make_index(home_page)
    make_digest(index, title="Newest digest on drift")
    client.force_login(learner)

    html = client.get(reverse("my_learning")).content.decode()

    panel = html.split('id="my-digests-heading"')[1]
    assert "Newest digest on drift" in panel
    assert "You do not get the monthly round-up" in panel
    assert reverse("research_digest:subscription") in panel

    DigestSubscription.objects.create(user=learner, subscribed=True)
    html = client.get(reverse("my_learning")).content.decode()
    assert "You get the monthly round-up of new digests by email." in html


def test_no_panel_without_a_research_section(client, learner, home_page):
    client.force_login(learner)
    assert "my-digests-heading" not in client.get(reverse("my_learning")).content.decode()
