from tests.access import FORBIDDEN, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, AccessCase, signed_in_only


def build_world(world):
    from scenarios.models import ScenarioAttempt
    from scenarios.services import make_move, start_attempt
    from tests.scenarios.factories import make_scenario

    world.scenario = make_scenario(world.home)
    world.open_attempt = start_attempt(world.learner, world.scenario)
    finished = start_attempt(world.learner, world.scenario)
    for at, label in (
        ("start", "Start an assessment now"),
        ("assess", "Convene a strategy meeting"),
    ):
        node = world.scenario.nodes_by_key[at]
        choice = next(c for c in node.choices.all() if c.label == label)
        make_move(finished, at_node_key=at, step=finished.step, choice_id=choice.pk)
    world.finished_attempt = ScenarioAttempt.objects.get(pk=finished.pk)


def scenario(world):
    return {"page_id": world.scenario.pk}


# Attempts are private: the owner sees them, everyone else gets 404.
OWNER_ONLY = signed_in_only(NOT_FOUND, learner=OK)
ANALYTICS = signed_in_only(FORBIDDEN, trainer=OK, administrator=OK)
ADMIN_SCREEN = signed_in_only(REDIRECT, trainer=OK, administrator=OK)

CASES = {
    "scenario_start": AccessCase(signed_in_only(NOT_ALLOWED), kwargs=scenario),
    "scenario_attempt": AccessCase(
        OWNER_ONLY, kwargs=lambda world: {"attempt_id": world.open_attempt.pk}
    ),
    "scenario_move": AccessCase(
        signed_in_only(NOT_ALLOWED), kwargs=lambda world: {"attempt_id": world.open_attempt.pk}
    ),
    "scenario_debrief": AccessCase(
        OWNER_ONLY, kwargs=lambda world: {"attempt_id": world.finished_attempt.pk}
    ),
    "scenario_analytics": AccessCase(ANALYTICS, kwargs=scenario),
    "scenario_analytics_csv": AccessCase(ANALYTICS, kwargs=scenario),
    "scenarios_admin_map": AccessCase(ADMIN_SCREEN, kwargs=scenario),
    "scenarios_admin_node": AccessCase(
        ADMIN_SCREEN, kwargs=lambda world: {"page_id": world.scenario.pk, "position": 1}
    ),
    "scenarios_admin_play": AccessCase(ADMIN_SCREEN, kwargs=scenario),
    "scenarios_admin_twee_export": AccessCase(ADMIN_SCREEN, kwargs=scenario),
    "scenarios_admin_twee_import": AccessCase(ADMIN_SCREEN),
    "scenarios_admin_twee_guide": AccessCase(ADMIN_SCREEN),
    "scenarios_admin_analytics": AccessCase(ADMIN_SCREEN),
}
