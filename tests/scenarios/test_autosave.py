"""Autosave while a scenario's graph is unfinished (issue 16, item 3): no page before the
first Save, no banners piling up from autosaves, one current account of the problems."""

import re

import pytest
from django.urls import reverse

from scenarios.models import ScenarioPage
from scenarios.spec import create_or_update_scenario
from tests.scenarios.admin_forms import editor_post_data
from tests.scenarios.factories import make_index, small_spec
from tests.scenarios.test_models import broken_spec

pytestmark = pytest.mark.django_db

DRAFT_BANNER = "Saved as a draft"
AUTOSAVE = {"HTTP_ACCEPT": "application/json"}  # how Wagtail's autosave posts the form


def test_a_new_scenario_is_not_created_until_the_author_saves(client, trainer, home_page):
    index = make_index(home_page)
    client.force_login(trainer)
    add_url = reverse("wagtailadmin_pages:add", args=["scenarios", "scenariopage", index.pk])

    form_page = client.get(add_url).content.decode()
    form_controllers = re.search(
        r'id="page-edit-form".*?data-controller="([^"]*)"', form_page, re.S
    )
    assert "w-unsaved" in form_controllers.group(1)  # still warns before leaving unsaved
    assert "w-autosave" not in form_controllers.group(1)
    assert "w-autosave-indicator" not in form_page

    # An autosave from a form opened before this change, then the author gives up.
    response = client.post(add_url, editor_post_data(broken_spec()), **AUTOSAVE)
    assert response.json()["success"] is False
    assert not ScenarioPage.objects.exists()

    # The next attempt with the same title and slug saves: no "slug already in use".
    response = client.post(add_url, editor_post_data(broken_spec()))
    assert response.status_code == 302
    assert ScenarioPage.objects.get().slug == broken_spec().slug


@pytest.fixture
def draft(trainer, home_page):
    return create_or_update_scenario(make_index(home_page), broken_spec(), publish=False)


def test_autosaves_of_an_invalid_graph_leave_no_banners_behind(client, trainer, draft):
    client.force_login(trainer)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    for _ in range(3):
        response = client.post(edit_url, editor_post_data(broken_spec(), page=draft), **AUTOSAVE)
        assert response.json()["success"] is True
        # The Graph tab's list, redrawn as just saved; the banner stays until it passes.
        redrawn = response.json()["html"]
        assert "data-scenario-graph-check" in redrawn
        assert "choice “Convene a strategy meeting”: No node has the key" in redrawn
        assert "w-messages:clear" not in redrawn

    html = client.get(edit_url).content.decode()
    assert DRAFT_BANNER not in html
    assert "Before this scenario can be published (2 problems in the saved version)" in html


def test_the_banner_is_cleared_by_the_autosave_that_fixes_the_graph(client, trainer, draft):
    client.force_login(trainer)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    response = client.post(edit_url, editor_post_data(small_spec(), page=draft), **AUTOSAVE)

    redrawn = response.json()["html"]
    assert "The saved version passes every check." in redrawn
    assert 'data-w-init-event-value="w-messages:clear"' in redrawn


def test_saving_a_draft_again_shows_one_current_banner(client, trainer, draft):
    client.force_login(trainer)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    for _ in range(2):
        response = client.post(edit_url, editor_post_data(broken_spec(), page=draft), follow=True)
        assert response.content.decode().count(DRAFT_BANNER) == 1

    fixed = client.post(edit_url, editor_post_data(small_spec(), page=draft), follow=True)
    assert DRAFT_BANNER not in fixed.content.decode()


def test_publishing_after_autosaves_shows_only_the_published_banner(client, trainer, draft):
    client.force_login(trainer)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    client.post(edit_url, editor_post_data(broken_spec(), page=draft), **AUTOSAVE)
    client.post(edit_url, editor_post_data(small_spec(), page=draft), **AUTOSAVE)

    response = client.post(
        edit_url,
        editor_post_data(small_spec(), page=draft, **{"action-publish": "1"}),
        follow=True,
    )

    html = response.content.decode()
    assert "published" in html
    assert DRAFT_BANNER not in html
    draft.refresh_from_db()
    assert draft.live
