"""The "Case scenarios" panel on My learning (listed in ``settings.MY_LEARNING_PANELS``):
scenarios the learner left part-way, to pick up where they stopped, and the ones they
finished, with their debrief."""

from scenarios.models import ScenarioAttempt

# Recent attempts read to build the panel: one query, whatever a learner's history.
RECENT_ATTEMPTS = 60


def scenarios_panel(request) -> dict | None:
    user = request.user
    if not user.is_authenticated:
        return None
    attempts = (
        ScenarioAttempt.objects.owned_by(user)
        .filter(scenario__live=True)
        .select_related("scenario")
        .order_by("-updated_at", "-pk")[:RECENT_ATTEMPTS]
    )
    in_progress, finished, seen, debriefed = [], [], set(), set()
    for attempt in attempts:
        scenario_id = attempt.scenario_id
        if scenario_id not in seen and not attempt.is_complete:
            in_progress.append(attempt)  # the latest attempt is the one to continue
        if attempt.is_complete and scenario_id not in debriefed:
            finished.append(attempt)  # the latest finished play-through's debrief
            debriefed.add(scenario_id)
        seen.add(scenario_id)
    return {
        "template": "scenarios/my_learning_panel.html",
        "context": {"in_progress": in_progress, "finished": finished},
    }
