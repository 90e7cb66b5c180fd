"""The scenario editor's script (issue 16, items 1 and 2): the map's node links open the
node in the editor, the "leads to" lists follow added and renamed nodes, and fields show
only for the kinds of node they apply to. Nothing is saved here: tests/scenarios covers
what the server does with the form."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.browser import sign_in_with_cookie

pytestmark = pytest.mark.browser


def test_the_map_opens_a_node_in_the_editor_and_the_lists_follow_the_nodes(new_context, world):
    context = new_context()
    sign_in_with_cookie(context, world.base_url, world.trainer)
    page = context.new_page()
    page.goto(world.url(reverse("scenarios_admin_map", args=[world.scenario.pk])))

    page.get_by_role("link", name=re.compile("^open it in the full editor.*Assessment")).click()
    page.wait_for_load_state("load")
    assessment = page.locator("#inline_child_nodes-1")
    expect(page.locator("#tab-graph")).to_be_visible()
    expect(assessment).to_be_in_viewport()
    expect(page.locator('[name="nodes-1-key"]')).to_be_focused()

    # Ending fields only on endings; no choices on an ending that has none.
    expect(assessment.locator(".scenario-ending-only")).to_be_hidden()
    ending = page.locator("#inline_child_nodes-4")
    expect(ending.locator(".scenario-ending-only")).to_be_visible()
    expect(ending.locator(".scenario-not-ending")).to_be_hidden()
    page.select_option('[name="nodes-1-kind"]', "ending")
    expect(assessment.locator(".scenario-ending-only")).to_be_visible()
    page.select_option('[name="nodes-1-kind"]', "decision")

    # A renamed key takes the choice that pointed at it.
    page.fill('[name="nodes-3-key"]', "mother-relapses")
    page.locator('[name="nodes-3-key"]').dispatch_event("change")
    expect(page.locator('[name="nodes-2-choices-0-target_key"]')).to_have_value("mother-relapses")

    # A node added in this unsaved form can be picked at once, under its title.
    page.get_by_role("button", name=re.compile("^Add node$", re.I)).click()
    page.fill('[name="nodes-7-title"]', "Strategy meeting")
    page.locator('[name="nodes-7-title"]').dispatch_event("change")
    target = page.locator('[name="nodes-1-choices-0-target_key"]')
    target.select_option(label="Strategy meeting (strategy-meeting)")
    expect(target).to_have_value("strategy-meeting")


def test_a_trainer_builds_a_scenario_without_typing_a_key(new_context, world):
    from tests.scenarios.browser_registry import author_in_the_editor

    context = new_context()
    sign_in_with_cookie(context, world.base_url, world.trainer)
    author_in_the_editor(context.new_page(), world)


def test_a_step_is_edited_on_its_own_screen_from_the_map(new_context, world):
    context = new_context()
    sign_in_with_cookie(context, world.base_url, world.trainer)
    page = context.new_page()
    page.goto(world.url(reverse("scenarios_admin_map", args=[world.scenario.pk])))

    page.get_by_role("link", name="Edit “Assessment”").first.click()
    expect(page.locator("#header-title")).to_have_text("Edit step: Assessment")
    expect(page.locator('[name="nodes-0-title"]')).to_have_count(0)  # not the whole form
    # Ending fields only when the step is an ending.
    expect(page.locator(".scenario-ending-only").first).to_be_hidden()
    page.select_option('[name="kind"]', "ending")
    expect(page.locator(".scenario-ending-only").first).to_be_visible()
    page.select_option('[name="kind"]', "decision")

    page.fill('[name="title"]', "Assessment with the nursery")
    # A choice added here picks its target from the scenario's nodes by title.
    page.get_by_role("button", name=re.compile("^Add choice$", re.I)).click()
    new_target = page.locator('[name="choices-2-target_key"]')
    new_target.select_option(label="Still waiting (end-bad)")
    page.fill('[name="choices-2-label"]', "Wait for the health visitor")
    page.get_by_role("button", name="Save draft").click()

    expect(page.get_by_text("in a new draft of")).to_be_visible()
    listing = page.locator(".scenario-outline")
    expect(listing).to_contain_text("Assessment with the nursery")
    expect(listing).to_contain_text("Wait for the health visitor")
