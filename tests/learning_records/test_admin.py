"""Setting up a learning record store in the admin: scoped to the partnership, and the
secret never shown back."""

import pytest
from django.urls import reverse

from learning_site.learning_records.models import LearningRecordStore
from learning_site.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

SECRET = "eastborough-lrs-secret-9f3b"


@pytest.fixture
def partnership_admin(partnership):
    return make_user(Role.PARTNERSHIP_ADMIN, partnership, full_name="Pat Partnership-Admin")


def form(partnership, **fields):
    return {
        "partnership": partnership.pk,
        "is_enabled": "on",
        "endpoint": "https://lrs.northshire.example/xAPI/",
        "username": "learning-platform",
        "secret": SECRET,
        **fields,
    }


def test_partnership_administrator_sets_up_their_own_store_and_the_secret_stays_hidden(
    client, partnership_admin, partnership
):
    client.force_login(partnership_admin)
    response = client.post(reverse("learning_record_stores:add"), form(partnership))
    assert response.status_code == 302
    store = LearningRecordStore.objects.get()
    assert (store.partnership, store.secret) == (partnership, SECRET)

    edit = reverse("learning_record_stores:edit", args=[store.pk])
    page = client.get(edit).content.decode()
    assert "https://lrs.northshire.example/xAPI/" in page
    assert SECRET not in page
    assert "A secret is saved" in page
    inspect = client.get(reverse("learning_record_stores:inspect", args=[store.pk]))
    assert SECRET not in inspect.content.decode()

    # Saving without typing the secret keeps it; typing one replaces it.
    client.post(edit, form(partnership, secret="", username="renamed"))
    store.refresh_from_db()
    assert (store.username, store.secret) == ("renamed", SECRET)
    client.post(edit, form(partnership, secret="a-new-secret"))
    store.refresh_from_db()
    assert store.secret == "a-new-secret"


def test_a_new_store_needs_a_secret_and_an_endpoint_without_statements(
    client, partnership_admin, partnership
):
    client.force_login(partnership_admin)
    response = client.post(
        reverse("learning_record_stores:add"),
        form(partnership, secret="", endpoint="https://lrs.northshire.example/xAPI/statements"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "without &#x27;statements&#x27; at the end" in page or "without 'statements'" in page
    assert "This field is required" in page
    assert "learning-platform" in page  # what they typed is kept
    assert not LearningRecordStore.objects.exists()


def test_partnership_administrator_cannot_see_or_touch_another_partnerships_store(
    client, partnership_admin, partnership, other_partnership
):
    theirs = LearningRecordStore.objects.create(
        partnership=other_partnership,
        endpoint="https://lrs.riverside.example/xAPI/",
        username="riverside",
        secret=SECRET,
    )
    client.force_login(partnership_admin)
    listing = client.get(reverse("learning_record_stores:index")).content.decode()
    assert "lrs.riverside.example" not in listing
    for name in ("edit", "inspect", "delete"):
        response = client.get(reverse(f"learning_record_stores:{name}", args=[theirs.pk]))
        assert response.status_code in (302, 403, 404), name
        assert SECRET not in response.content.decode()
    client.post(
        reverse("learning_record_stores:edit", args=[theirs.pk]),
        form(other_partnership, endpoint="https://evil.example/xAPI/"),
    )
    theirs.refresh_from_db()
    assert theirs.endpoint == "https://lrs.riverside.example/xAPI/"
    # Nor can they add one for the other partnership.
    response = client.post(reverse("learning_record_stores:add"), form(other_partnership))
    assert response.status_code == 200
    assert LearningRecordStore.objects.count() == 1


def test_trainers_and_learners_cannot_reach_the_stores(client, trainer, learner):
    for person in (trainer, learner):
        client.force_login(person)
        response = client.get(reverse("learning_record_stores:index"))
        assert response.status_code in (302, 403)
