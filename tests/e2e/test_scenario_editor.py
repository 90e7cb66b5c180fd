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


def test_done_when_a_trainer_builds_fixes_previews_publishes_and_a_learner_plays_both_ways(
    new_context, world
):
    """Issue 16's "done when": ten nodes, two endings and one conditional choice built in
    the editor without typing a key; a link broken by deleting its node is shown on the
    map and fixed on the step's own screen; the draft is played from the map, published,
    and a learner plays it both ways."""
    from scenarios.models import ScenarioPage
    from tests.scenarios.browser_registry import (
        editor_add_choice,
        editor_add_node,
        open_a_new_scenario,
    )

    context = new_context()
    sign_in_with_cookie(context, world.base_url, world.trainer)
    page = context.new_page()
    open_a_new_scenario(page, world, "Kai's year", "A nursery is worried about Kai.")

    steps = ["Nursery call", "Health visitor", "School nurse", "GP letter", "Police check"]
    editor_add_node(page, 0, "First visit", "decision", "His mother answers.", start=True)
    for i, title in enumerate(steps, start=1):
        editor_add_node(page, i, title, "information", f"{title}: more worry.")
    editor_add_node(page, 6, "Housing", "information", "The flat is cold.")
    editor_add_node(page, 7, "Case conference", "decision", "What has Kai said?")
    editor_add_node(page, 8, "Kai is safe", "ending", "Safe.", outcome="protected_in_time")
    editor_add_node(page, 9, "Kai waits", "ending", "Waiting.", outcome="left_in_neglect")
    editor_add_node(page, 10, "Spare", "information", "Not needed after all.")
    editor_add_choice(
        page, 0, 0, "See Kai alone", "Nursery call (nursery-call)", 2, sets_facts="saw-kai-alone"
    )
    editor_add_choice(page, 0, 1, "Talk to his parents only", "Nursery call (nursery-call)", 1)
    for i in range(1, 6):
        following = ([*steps, "Housing"])[i]
        editor_add_choice(page, i, 0, "Continue", f"{following} ({_slug(following)})", 1)
    editor_add_choice(page, 6, 0, "Continue", "Spare (spare)", 1)
    editor_add_choice(
        page,
        7,
        0,
        "Tell them what Kai told you",
        "Kai is safe (kai-is-safe)",
        1,
        requires_facts="saw-kai-alone",
    )
    editor_add_choice(page, 7, 1, "Accept the parents' account", "Kai waits (kai-waits)", 10)
    editor_add_choice(page, 10, 0, "Continue", "Case conference (case-conference)", 1)
    # The spare node goes; the choice that led to it is kept, marked missing.
    page.locator("#id_nodes-10-DELETE-button").click()
    expect(page.locator("#id_nodes-6-choices-0-target_key")).to_have_value("spare")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    built = ScenarioPage.objects.get(title="Kai's year")
    assert not built.live

    # The map shows the broken link; the step's own screen fixes it.
    page.goto(world.url(reverse("scenarios_admin_map", args=[built.pk])))
    expect(page.locator("svg.scenario-map")).to_contain_text("Missing: spare")
    expect(page.locator(".scenario-outline")).to_contain_text("missing node “spare”")
    page.get_by_role("link", name=re.compile("^Edit this step.*Housing")).click()
    page.select_option('[name="choices-0-target_key"]', label="Case conference (case-conference)")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("main")).to_contain_text("The graph passes every check.")

    # Played from the start of the draft, by the trainer only.
    page.get_by_role("link", name=re.compile("^Play from here.*First visit")).click()
    page.get_by_role("link", name="See Kai alone").click()
    for _ in range(6):
        page.get_by_role("link", name="Continue").click()
    expect(page.locator(".scenario-trial-choices")).to_contain_text("Tell them what Kai told you")

    # Published from the editor.
    page.goto(world.url(reverse("wagtailadmin_pages:edit", args=[built.pk])))
    with page.expect_navigation():
        page.locator("button[name=action-publish]").evaluate("button => button.click()")
    expect(page.locator("body")).to_contain_text(f"'{built.title}' has been published")
    built.refresh_from_db()
    assert built.live and len(built.node_list()) == 10

    # A learner plays it both ways: the conditional choice only after seeing Kai alone.
    learner = new_context()
    sign_in_with_cookie(learner, world.base_url, world.learner)
    play = learner.new_page()
    for first, shown, hidden, ending in (
        ("See Kai alone", "Tell them what Kai told you", None, "protected in good time"),
        ("Talk to his parents only", "Accept the parents' account", "Tell them", "neglect"),
    ):
        play.goto(world.url(built.url))
        play.get_by_role("button", name=re.compile("^Start")).first.click()
        play.get_by_role("button", name=first).click()
        for _ in range(6):
            play.get_by_role("button", name="Continue").click()
        expect(play.locator("h1")).to_have_text("Case conference")
        if hidden:
            expect(play.get_by_role("button", name=re.compile(hidden))).to_have_count(0)
        play.get_by_role("button", name=shown).click()
        expect(play).to_have_url(re.compile(r"/debrief/$"))
        expect(play.locator("h1")).to_contain_text(re.compile(ending, re.I))


def _slug(title: str) -> str:
    from django.utils.text import slugify

    return slugify(title)
