"""Issue 18, done when: in Chromium a learner signs in with the partnership's own OpenID
provider (a real oidc-provider on localhost), completes a module and plays a scenario to
an ending; the outbox is then sent by the Celery task to the partnership's real learning
record store (ralph), and what the store holds is checked: the ids (recomputed from what
happened), the verbs, one registration tying the module's statements together, and
nothing the learner typed.
"""

import json
import uuid

import pytest
from django.conf import settings

from tests.e2e.single_sign_on import COUNCIL_EMAIL, COUNCIL_NAME, sign_in_with_the_council
from tests.identity_provider import needs_identity_provider

pytestmark = [pytest.mark.browser, pytest.mark.lrs, *needs_identity_provider]

VERB = "http://adlnet.gov/expapi/verbs/"
# What complete_the_module_and_download_the_certificate types into the lesson's reflection.
TYPED = ("She makes her own breakfast. I will ask her.", "breakfast")


def recomputed_id(what: str) -> str:
    """The documented rule: UUID v5 of the event, in a namespace of the site's address."""
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/xapi")
    return str(uuid.uuid5(namespace, what))


def test_signed_in_with_the_council_a_learners_module_and_scenario_reach_the_store(
    page, world, council_provider, lrs_server, settings
):
    from courses.models import CheckAttempt, Enrolment, JournalEntry, LessonVisit
    from evaluations.models import SurveyResponse
    from learning_site.learning_records.models import (
        LearningRecordStore,
        OutboxState,
        OutboxStatement,
    )
    from learning_site.learning_records.tasks import send_statements
    from learning_site.models import User
    from scenarios.models import ScenarioAttempt
    from tests.courses.browser_registry import (
        complete_the_module_and_download_the_certificate,
        enrol_in_a_module,
    )
    from tests.e2e.registry import JourneyStep
    from tests.e2e.test_journeys import run_steps
    from tests.scenarios.browser_registry import play_a_scenario

    # The store is sent to only when the test says so (the Celery task, below).
    settings.XAPI_SEND_ON_COMMIT = False
    LearningRecordStore.objects.create(
        partnership=world.partnership,
        endpoint=lrs_server.endpoint,
        username=lrs_server.username,
        secret=lrs_server.password,
    )

    sign_in_with_the_council(page, world, council_provider)
    learner = User.objects.get(email=COUNCIL_EMAIL)
    assert learner.partnership == world.partnership and learner.role_names == {"Learner"}
    world.objects["journey_learner"] = learner
    run_steps(
        page,
        world,
        [
            JourneyStep("enrol in a module", enrol_in_a_module),
            JourneyStep("complete the module", complete_the_module_and_download_the_certificate),
            JourneyStep("play a scenario to its debrief", play_a_scenario),
        ],
    )
    # The reflection was typed, and kept here, in the learner's journal.
    assert JournalEntry.objects.filter(author=learner, body__contains=TYPED[1]).exists()

    queued = OutboxStatement.objects.filter(partnership=world.partnership)
    assert queued.exists() and not queued.filter(state=OutboxState.SENT).exists()
    outcome = send_statements.apply().get()
    assert outcome["failed"] == 0 and outcome["sent"] == queued.count()
    assert set(queued.values_list("state", flat=True)) == {OutboxState.SENT}

    pseudonym = str(learner.xapi_pseudonym.name)
    stored = [s for s in lrs_server.statements() if s["actor"]["account"]["name"] == pseudonym]

    # Ids: each one recomputed from what happened, and nothing else stored for them.
    enrolment = Enrolment.objects.get(user=learner, course=world.course)
    attempt = ScenarioAttempt.objects.get(user=learner, scenario=world.scenario)
    assert attempt.completed_at is not None
    module_events = {
        f"registered:module:{enrolment.pk}",
        f"completed:module:{enrolment.pk}",
        *(f"experienced:lesson:{v.pk}" for v in LessonVisit.objects.filter(enrolment=enrolment)),
        *(f"answered:check:{a.pk}" for a in CheckAttempt.objects.filter(enrolment=enrolment)),
        *(f"responded:survey:{r.pk}" for r in SurveyResponse.objects.filter(user=learner)),
    }
    scenario_events = {
        *(f"answered:decision:{d.pk}" for d in attempt.decisions.all()),
        f"completed:scenario-attempt:{attempt.pk}",
    }
    by_id = {s["id"]: s for s in stored}
    assert len(by_id) == len(stored)  # each once
    expected = {recomputed_id(what): what for what in module_events | scenario_events}
    assert set(by_id) == set(expected)
    # Each once in the store's own file too.
    lines = [line["id"] for line in lrs_server.stored_lines() if line["id"] in expected]
    assert sorted(lines) == sorted(expected)

    # Verbs: the event each id names.
    for sid, what in expected.items():
        assert by_id[sid]["verb"]["id"] == VERB + what.split(":")[0]
    verbs = sorted(s["verb"]["display"]["en-GB"] for s in stored)
    checks = CheckAttempt.objects.filter(enrolment=enrolment).count()
    assert checks == 3  # wrong, then right, then the second lesson's check
    assert verbs.count("registered") == 1
    assert verbs.count("experienced") == 2  # the two lessons
    assert verbs.count("answered") == checks + attempt.decisions.count()
    assert verbs.count("completed") == 2  # the module and the scenario
    assert verbs.count("responded") == 1  # the questions before the module

    # One registration ties the module's statements together; the scenario, played on
    # its own, has one of its own.
    module_ids = {recomputed_id(what) for what in module_events}
    registrations = {by_id[sid]["context"]["registration"] for sid in module_ids}
    assert len(registrations) == 1
    scenario_ids = {recomputed_id(what) for what in scenario_events}
    scenario_registrations = {by_id[sid]["context"]["registration"] for sid in scenario_ids}
    assert len(scenario_registrations) == 1 and scenario_registrations != registrations
    checks_in_order = sorted(
        (by_id[sid] for sid in module_ids if "/check/" in by_id[sid]["object"]["id"]),
        key=lambda s: s["timestamp"],
    )
    assert [s["result"]["success"] for s in checks_in_order] == [False, True, True]
    ending = by_id[recomputed_id(f"completed:scenario-attempt:{attempt.pk}")]
    assert ending["result"]["extensions"] == {
        f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/xapi/extensions/outcome": "protected_in_time",
        f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/xapi/extensions/weeks": attempt.weeks_elapsed,
    }

    # No free text, and nothing that names the learner, in anything the store holds.
    everything = json.dumps(stored)
    for private in (*TYPED, COUNCIL_EMAIL, COUNCIL_NAME, learner.email):
        assert private not in everything
