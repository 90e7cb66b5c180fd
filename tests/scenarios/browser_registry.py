"""Scenario pages in the browser tests: axe-core on each page type, and a learner journey
that plays a scenario to its debrief (with and without JavaScript)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.registry import JourneyStep, KeyboardPage, PageType, Visit


def build_world(world) -> None:
    from scenarios.services import make_move, start_attempt
    from tests.scenarios.factories import make_scenario

    scenario = make_scenario(world.home_page)
    world.objects["scenario"] = scenario
    world.objects["scenario_open_attempt"] = start_attempt(world.learner, scenario)
    finished = start_attempt(world.learner, scenario)
    for at, label in (
        ("start", "Give the family time"),
        ("wait", "Continue"),
        ("relapse", "Escalate now"),
    ):
        choice = next(c for c in scenario.nodes_by_key[at].choices.all() if c.label == label)
        make_move(finished, at_node_key=at, step=finished.step, choice_id=choice.pk)
    # One step in, so the player shows feedback, the clock and the record.
    open_attempt = world.objects["scenario_open_attempt"]
    choice = next(
        c for c in scenario.nodes_by_key["start"].choices.all() if c.label == "Give the family time"
    )
    make_move(open_attempt, at_node_key="start", step=0, choice_id=choice.pk)
    world.objects["scenario_finished_attempt"] = finished


PAGES = [
    PageType("scenario index", lambda w: Visit(w.scenario.get_parent().url)),
    PageType("scenario page (signed out)", lambda w: Visit(w.scenario.url)),
    PageType("scenario page (learner with attempts)", lambda w: Visit(w.scenario.url, "learner")),
    PageType(
        "scenario player",
        lambda w: Visit(f"/scenarios/play/attempt/{w.scenario_open_attempt.pk}/", "learner"),
    ),
    PageType(
        "scenario debrief",
        lambda w: Visit(
            f"/scenarios/play/attempt/{w.scenario_finished_attempt.pk}/debrief/", "learner"
        ),
    ),
    PageType(
        "scenario analytics",
        lambda w: Visit(f"/scenarios/play/{w.scenario.pk}/analytics/", "trainer"),
    ),
]

KEYBOARD_PAGES = [
    KeyboardPage(
        "scenario player",
        lambda w: Visit(f"/scenarios/play/attempt/{w.scenario_open_attempt.pk}/", "learner"),
        must_reach=("button.scenario-choice",),
    ),
]


def play_a_scenario(page: Page, world) -> None:
    page.goto(world.url(world.scenario.url))
    page.get_by_role("button", name=re.compile("Start the scenario")).click()
    expect(page.locator("h1")).to_have_text("First visit")
    expect(page.locator(".child-clock")).to_contain_text("no time yet")
    page.get_by_role("button", name="Start an assessment now").click()
    expect(page.locator(".scenario-feedback")).to_contain_text("You chose: Start an assessment now")
    expect(page.locator(".child-clock")).to_contain_text("2 weeks")
    page.get_by_role("button", name="Convene a strategy meeting").click()
    expect(page).to_have_url(re.compile(r"/debrief/$"))
    expect(page.locator("h1")).to_contain_text("Child protected in good time")
    expect(page.locator("main")).to_contain_text("A child-focused path")


LEARNER_JOURNEY = [JourneyStep("play a scenario to its debrief", play_a_scenario)]


def import_publish_and_read_analytics(page: Page, world) -> None:
    """The trainer's "done when": import from Twine, see the map, publish, read analytics."""
    from scenarios.models import ScenarioPage
    from scenarios.twee import export_twee

    twee = export_twee(world.scenario).replace("A test case", "Imported case", 1)
    page.goto(world.url("/admin/scenarios/import-twee/"))
    page.fill("textarea[name=text]", twee)
    page.get_by_role("button", name="Import").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(page.locator("body")).to_contain_text("Imported “Imported case” as a draft.")
    imported = ScenarioPage.objects.get(title="Imported case")
    page.goto(world.url(f"/admin/scenarios/{imported.pk}/map/"))
    expect(page.locator("main")).to_contain_text("The graph passes every check.")
    expect(page.locator("svg.scenario-map")).to_be_visible()
    page.goto(world.url(f"/admin/pages/{imported.pk}/edit/"))
    # Publish sits in the editor's action menu (a script-driven dropdown).
    page.evaluate("document.querySelector('button[name=action-publish]').click()")
    page.wait_for_load_state()
    expect(page.locator("body")).to_contain_text("'Imported case' has been published")
    imported.refresh_from_db()
    assert imported.live
    page.goto(world.url(f"/scenarios/play/{imported.pk}/analytics/"))
    expect(page.locator("h1")).to_have_text("Imported case")
    expect(page.locator("main")).to_contain_text("fewer than 5")


def editor_add_node(page: Page, i, title, kind, text, start=False, outcome="") -> None:
    """In the page editor's Graph tab: add node ``i``; its key comes from its title."""
    page.get_by_role("button", name=re.compile("^Add node$", re.I)).click()
    page.fill(f"#id_nodes-{i}-title", title)
    page.locator(f"#id_nodes-{i}-title").dispatch_event("change")
    page.select_option(f"#id_nodes-{i}-kind", kind)
    if start:
        page.check(f"#id_nodes-{i}-is_start")
    if outcome:
        page.select_option(f"#id_nodes-{i}-outcome", outcome)
    page.locator(f"#inline_child_nodes-{i} [contenteditable=true]").first.click()
    page.keyboard.type(text)


def editor_add_choice(page: Page, i, j, label, target, weeks, **facts) -> None:
    """Add choice ``j`` to node ``i``, picking its node from the list ("Title (key)");
    ``facts``: sets_facts, requires_facts or unless_facts, as typed."""
    node = page.locator(f"#inline_child_nodes-{i}")
    node.get_by_role("button", name=re.compile("^Add choice$", re.I)).last.click()
    page.fill(f"#id_nodes-{i}-choices-{j}-label", label)
    if target:
        page.select_option(f"#id_nodes-{i}-choices-{j}-target_key", label=target)
    page.fill(f"#id_nodes-{i}-choices-{j}-weeks", str(weeks))
    for name, value in facts.items():
        page.fill(f"#id_nodes-{i}-choices-{j}-{name}", value)


def editor_publish(page: Page) -> None:
    # Publish sits in the editor's action menu (a script-driven dropdown).
    with page.expect_navigation():
        page.locator("button[name=action-publish]").evaluate("button => button.click()")


def open_a_new_scenario(page: Page, world, title: str, introduction: str) -> None:
    """The editor of a new scenario beside the world's one, titled and introduced, on
    its Graph tab."""
    index = world.scenario.get_parent()
    page.goto(world.url(f"/admin/pages/add/scenarios/scenariopage/{index.pk}/"))
    page.fill("#id_title", title)
    page.locator("[contenteditable=true]").first.click()
    page.keyboard.type(introduction)
    page.get_by_role("tab", name="Graph").click()


def author_in_the_editor(page: Page, world) -> None:
    """Build a small graph with nested node and choice forms without typing a key: keys
    come from titles and each choice picks its node from a list, including a node added
    in the same unsaved form. Publishing with a choice that leads nowhere is refused on
    that field; picking its node fixes it."""
    from scenarios.models import ScenarioPage

    open_a_new_scenario(page, world, "Built in the editor", "A short case.")

    def add_node(i, title, kind, text, start=False, outcome=""):
        editor_add_node(page, i, title, kind, text, start=start, outcome=outcome)

    def add_choice(i, j, label, target, weeks):
        editor_add_choice(page, i, j, label, target, weeks)

    def publish():
        editor_publish(page)

    add_node(0, "The door", "decision", "Nobody answers.", start=True)
    add_node(1, "Inside", "ending", "You see the child.", outcome="protected_in_time")
    add_choice(0, 0, "Knock again", "Inside (inside)", 1)
    add_choice(0, 1, "Leave a card", "", 6)  # no node picked yet
    publish()
    expect(page.locator("#id_nodes-0-choices-0-target_key")).to_have_value("inside")
    expect(page.locator("#id_nodes-0-choices-1-target_key")).to_have_value("")
    assert not ScenarioPage.objects.filter(title="Built in the editor").exists()
    page.get_by_role("tab", name="Graph").click()
    page.select_option("#id_nodes-0-choices-1-target_key", label="The door (the-door)")
    expect(page.locator("#id_nodes-0-choices-1-target_key")).to_have_value("the-door")
    publish()
    # Wagtail's own message: "published" alone is also in the refused form's text, so
    # that passed before the second publish had been saved (a CI flake).
    expect(page.locator("body")).to_contain_text("'Built in the editor' created and published")
    built = ScenarioPage.objects.get(title="Built in the editor")
    assert built.live and [n.key for n in built.node_list()] == ["the-door", "inside"]
    assert [c.target_key for c in built.node_list()[0].choices.all()] == ["inside", "the-door"]


TRAINER_JOURNEY = [
    JourneyStep(
        "import a scenario from Twine, publish it, read its analytics",
        import_publish_and_read_analytics,
    )
]
