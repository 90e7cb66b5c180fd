"""Playing a scenario (see tests/mass_assignment.py)."""

from tests.mass_assignment import FormCase, NotAForm


def build_world(world):
    from scenarios.services import start_attempt
    from tests.scenarios.factories import make_scenario

    world.scenario = make_scenario(world.home)
    world.open_attempt = start_attempt(world.learner, world.scenario)
    world.other_attempt = start_attempt(world.other_learner, world.scenario)


def _move(world):
    node = world.scenario.nodes_by_key["start"]
    choice = next(c for c in node.choices.all() if c.label == "Start an assessment now")
    return {"at": "start", "step": world.open_attempt.step, "choice": choice.pk}


def _attempts_are_their_own(world):
    from scenarios.models import ScenarioAttempt, ScenarioDecision

    other = ScenarioAttempt.objects.get(pk=world.other_attempt.pk)
    assert other.user == world.other_learner and other.step == world.other_attempt.step
    assert not ScenarioDecision.objects.filter(attempt=other).exists()
    attempts = ScenarioAttempt.objects.exclude(pk=other.pk)
    assert set(attempts.values_list("user", flat=True)) == {world.learner.pk}


def _moved(world):
    from scenarios.models import ScenarioDecision

    _attempts_are_their_own(world)
    assert ScenarioDecision.objects.filter(attempt=world.open_attempt).exists()


CASES = {
    "scenario_start": FormCase(
        who="learner",
        kwargs=lambda w: {"page_id": w.scenario.pk},
        data=lambda w: {},
        check=_attempts_are_their_own,
    ),
    "scenario_move": FormCase(
        who="learner",
        kwargs=lambda w: {"attempt_id": w.open_attempt.pk},
        data=_move,
        check=_moved,
    ),
    "scenario_attempt": NotAForm("The attempt page: it reads nothing from a POST body."),
    "scenario_debrief": NotAForm("The debrief page: it reads nothing from a POST body."),
    "scenarios_admin_twee_export": NotAForm("A download of the scenario as Twee: read only."),
    "scenarios_admin_node": NotAForm(
        "Edits one node of a scenario as a new draft revision: only the node's and its "
        "choices' fields (ScenarioNode.panels), checked against the trainer's permission to "
        "edit that page; pages belong to no partnership (tests/scenarios/test_node_screen.py)."
    ),
    "scenarios_admin_twee_import": NotAForm(
        "Imports a scenario as a draft page from a Twee file or text, the only fields. It "
        "always goes under the scenarios section, checked against the trainer's page "
        "permissions; pages belong to no partnership (tests/scenarios/test_twee.py)."
    ),
}
