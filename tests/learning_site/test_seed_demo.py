import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command

from learning_site.models import User

pytestmark = pytest.mark.django_db

# Tables whose contents must not change on a second run (sessions, logs and revisions are
# history, not state).
SKIP = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "sessions.session",
    "wagtailcore.referenceindex",
    "wagtailsearch.indexentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
}
VOLATILE_FIELDS = {
    "password",
    "last_login",
    "latest_revision",
    "latest_revision_created_at",
    "last_published_at",
    "live_revision",
    "has_unpublished_changes",
    "first_published_at",
    "draft_title",
    "data",
    "last_used_at",
    "created_at",
}


def snapshot():
    state = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in SKIP:
            continue
        rows = serializers.serialize("python", model._default_manager.order_by("pk"))
        for row in rows:
            for name in VOLATILE_FIELDS:
                row["fields"].pop(name, None)
        state[label] = rows
    return state


def test_seed_demo_twice_gives_the_same_database(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    first = snapshot()
    call_command("seed_demo", verbosity=0)
    second = snapshot()
    changed = [label for label in first if first[label] != second[label]]
    assert not changed
    assert User.objects.filter(email="learner@northshire.example").exists()


def test_seed_demo_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=0"):
        call_command("seed_demo")
    call_command("seed_demo", "--force", verbosity=0)
    from learning_site.demo import DEMO_USERS

    assert User.objects.filter(email__in=[u.email for u in DEMO_USERS]).count() == len(DEMO_USERS)


def test_demo_users_can_sign_in_and_land_by_role(client, settings):
    from learning_site.demo import DEMO_PASSWORD, demo_totp_code

    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    client.post(
        "/accounts/login/", {"login": "learner@northshire.example", "password": DEMO_PASSWORD}
    )
    assert "_auth_user_id" in client.session
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "trainer@northshire.example", "password": DEMO_PASSWORD}
    )
    client.post(response.url, {"code": demo_totp_code()})
    assert client.get("/start/").url == "/admin/"
