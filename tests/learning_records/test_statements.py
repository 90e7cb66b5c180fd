"""Statements sent to a real learning record store (ralph) and read back from it."""

import datetime
import json
import uuid

import pytest
from django.utils import timezone

from learning_site.learning_records.models import OutboxState, OutboxStatement
from learning_site.learning_records.sending import claim_batch, deliver_batch, send_due_statements
from learning_site.learning_records.statements import registration_for_enrolment
from tests.evaluations.factories import make_instrument, use_everywhere
from tests.learning_records.journeys import REFLECTION_TEXT, SURVEY_TEXT, whole_journey
from tests.learning_records.lrs import validate_with_ralph_models

pytestmark = [pytest.mark.django_db, pytest.mark.lrs]

VERB = "http://adlnet.gov/expapi/verbs/"


def ours(lrs_server, learner) -> list[dict]:
    """The statements the store holds about this learner (by their xAPI account)."""
    name = str(learner.xapi_pseudonym.name)
    return [s for s in lrs_server.statements() if s["actor"]["account"]["name"] == name]


def by_verb(statements, verb):
    return [s for s in statements if s["verb"]["id"] == VERB + verb]


def test_a_whole_journey_arrives_in_the_store_once_with_one_registration(
    client, learner, home_page, store, lrs_server, time_machine
):
    use_everywhere(make_instrument())
    course, completion, attempt, digest = whole_journey(client, learner, home_page, time_machine)

    queued = {str(pk) for pk in OutboxStatement.objects.values_list("pk", flat=True)}
    result = send_due_statements()
    assert result.sent == len(queued) and result.failed == 0
    assert set(OutboxStatement.objects.values_list("state", flat=True)) == {OutboxState.SENT}

    stored = ours(lrs_server, learner)
    assert {s["id"] for s in stored} == queued
    lines = [line["id"] for line in lrs_server.stored_lines() if line["id"] in queued]
    assert sorted(lines) == sorted(queued)  # each written once

    verbs = sorted(s["verb"]["display"]["en-GB"] for s in stored)
    decisions = attempt.decisions.count()
    assert verbs.count("registered") == 1
    assert verbs.count("experienced") == 3  # two lessons and the digest (read twice)
    assert verbs.count("answered") == 3 + decisions  # three check attempts
    assert verbs.count("completed") == 2  # the module and the scenario
    assert verbs.count("responded") == 1  # the 3-month follow-up

    # The enrolment, lessons, checks, completion and the follow-up share a registration.
    registration = registration_for_enrolment(completion.enrolment_id)
    for verb in ("registered", "responded"):
        assert [s["context"]["registration"] for s in by_verb(stored, verb)] == [registration]
    assert by_verb(stored, "completed")
    module_done = next(
        s
        for s in by_verb(stored, "completed")
        if s["object"]["id"].endswith(f"/module/{course.pk}")
    )
    assert module_done["context"]["registration"] == registration
    assert module_done["result"]["score"]["scaled"] == completion.knowledge_score / 100
    lessons = [s for s in by_verb(stored, "experienced") if "/lesson/" in s["object"]["id"]]
    assert {s["context"]["registration"] for s in lessons} == {registration}

    # Knowledge checks: the wrong then the right answer.
    checks = sorted(
        (s for s in by_verb(stored, "answered") if "/check/" in s["object"]["id"]),
        key=lambda s: s["timestamp"],
    )
    assert [s["result"]["success"] for s in checks] == [False, True, True]

    # Scenario decisions carry the choice, its rating and the weeks; the ending its outcome.
    choices = [s for s in by_verb(stored, "answered") if "/node/" in s["object"]["id"]]
    first = next(s for s in choices if s["object"]["id"].endswith("/node/start"))
    extensions = {k.rsplit("/", 1)[-1]: v for k, v in first["result"]["extensions"].items()}
    assert extensions["choice"]["label"] == "Start an assessment now"
    assert extensions["rating"] == "child_focused"
    assert extensions["weeks"] == 2
    scenario_done = next(
        s for s in by_verb(stored, "completed") if "/scenario/" in s["object"]["id"]
    )
    outcome = {k.rsplit("/", 1)[-1]: v for k, v in scenario_done["result"]["extensions"].items()}
    attempt.refresh_from_db()
    assert outcome == {"outcome": attempt.ending_outcome, "weeks": attempt.weeks_elapsed}

    # Nothing the learner wrote, and nothing that names them, left the platform.
    everything = json.dumps(stored) + json.dumps(
        list(OutboxStatement.objects.values_list("statement", flat=True))
    )
    for private in (REFLECTION_TEXT, SURVEY_TEXT, learner.email, learner.full_name, "breakfast"):
        assert private not in everything
    assert str(learner.pk) not in {s["actor"]["account"]["name"] for s in stored}

    # Ralph's own xAPI 1.0.3 model accepts every statement as queued (the server
    # accepted them too, or they would not be stored).
    statements = list(OutboxStatement.objects.values_list("statement", flat=True))
    assert validate_with_ralph_models(statements) == []


def test_no_store_or_a_store_switched_off_sends_nothing(client, learner, home_page, partnership):
    from learning_site.learning_records.models import LearningRecordStore
    from tests.courses.conftest import build_course
    from tests.courses.test_completion import enrol_and_start

    course, lesson1, _ = build_course(home_page)
    enrol_and_start(client, learner, course)
    assert not OutboxStatement.objects.exists()

    LearningRecordStore.objects.create(
        partnership=partnership,
        endpoint="http://127.0.0.1:9/xAPI/",
        username="u",
        secret="s",
        is_enabled=False,
    )
    client.get(lesson1.url)
    assert not OutboxStatement.objects.exists()


def test_statements_go_to_the_learners_own_partnership(
    client, learner, other_learner, home_page, store, other_partnership
):
    from learning_site.learning_records.models import LearningRecordStore
    from tests.courses.conftest import build_course
    from tests.courses.test_completion import enrol_and_start

    LearningRecordStore.objects.create(
        partnership=other_partnership, endpoint="http://127.0.0.1:9/xAPI/", username="o", secret="o"
    )
    course, _, _ = build_course(home_page)
    enrol_and_start(client, learner, course)
    enrol_and_start(client, other_learner, course)
    assert {(r.partnership_id, r.verb) for r in OutboxStatement.objects.all()} == {
        (learner.partnership_id, "registered"),
        (other_learner.partnership_id, "registered"),
    }


def _enrol(client, learner, home_page):
    from tests.courses.conftest import build_course
    from tests.courses.test_completion import enrol_and_start

    course, lesson1, lesson2 = build_course(home_page)
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    client.get(lesson2.url)
    return set(OutboxStatement.objects.values_list("pk", flat=True))


def test_a_store_that_is_down_is_retried_with_back_off(
    client, learner, home_page, store, lrs_server
):
    ids = _enrol(client, learner, home_page)
    assert len(ids) == 3
    lrs_server.stop()
    try:
        now = timezone.now()
        result = send_due_statements(now)
        assert (result.sent, result.failed) == (0, 3)
        rows = list(OutboxStatement.objects.all())
        assert {r.attempts for r in rows} == {1}
        assert all(r.lease_token is None for r in rows)
        assert all("could not be reached" in r.last_error for r in rows)
        first_wait = rows[0].next_try_at - now
        assert datetime.timedelta(seconds=29) < first_wait < datetime.timedelta(seconds=40)

        # Not due again until the back-off has passed; then it waits twice as long.
        assert send_due_statements(now + datetime.timedelta(seconds=5)).batches == 0
        later = now + datetime.timedelta(minutes=1)
        assert send_due_statements(later).failed == 3
        row = OutboxStatement.objects.first()
        assert row.attempts == 2
        assert (
            datetime.timedelta(seconds=59)
            < row.next_try_at - timezone.now()
            < (datetime.timedelta(seconds=70))
        )
    finally:
        lrs_server.start()

    result = send_due_statements(timezone.now() + datetime.timedelta(minutes=5))
    assert (result.sent, result.failed) == (3, 0)
    assert {s["id"] for s in ours(lrs_server, learner)} == {str(i) for i in ids}


class WorkerDied(BaseException):
    """What a SIGKILL looks like from inside: nothing after the POST runs."""


def test_a_worker_that_dies_after_posting_leaves_each_statement_stored_once(
    client, learner, home_page, store, lrs_server, time_machine, monkeypatch
):
    """Simulated death (see test_worker_killed for a real killed worker): the batch is
    posted, then the worker dies before marking it sent. Its lease holds the rows until it
    runs out; the next sender posts the same ids again and the store keeps one of each."""
    from learning_site.learning_records import sending

    ids = {str(i) for i in _enrol(client, learner, home_page)}
    token, claimed = claim_batch(50)
    assert {str(i) for i in claimed} == ids

    def die(*args, **kwargs):
        raise WorkerDied

    monkeypatch.setattr(sending, "_mark_sent", die)
    with pytest.raises(WorkerDied):
        deliver_batch(token, claimed)
    monkeypatch.undo()
    assert {s["id"] for s in ours(lrs_server, learner)} == ids
    assert set(OutboxStatement.objects.values_list("state", flat=True)) == {OutboxState.PENDING}

    # While the dead worker's lease holds, nobody else takes the rows.
    assert send_due_statements().batches == 0
    time_machine.move_to(timezone.now() + datetime.timedelta(seconds=121))
    result = send_due_statements()
    assert (result.sent, result.failed) == (3, 0)
    assert set(OutboxStatement.objects.values_list("attempts", flat=True)) == {2}

    stored_ids = [line["id"] for line in lrs_server.stored_lines() if line["id"] in ids]
    assert sorted(stored_ids) == sorted(ids)


def test_a_slow_worker_whose_lease_was_taken_over_sends_nothing(
    client, learner, home_page, store, lrs_server, time_machine
):
    ids = {str(i) for i in _enrol(client, learner, home_page)}
    slow_token, slow_ids = claim_batch(50)
    time_machine.move_to(timezone.now() + datetime.timedelta(seconds=121))
    assert send_due_statements().sent == 3
    # The first worker wakes up and tries its batch: its lease is gone.
    assert deliver_batch(slow_token, slow_ids).batches == 0
    stored_ids = [line["id"] for line in lrs_server.stored_lines() if line["id"] in ids]
    assert sorted(stored_ids) == sorted(ids)


def test_the_same_batch_sent_twice_is_stored_once(client, learner, home_page, store, lrs_server):
    ids = {str(i) for i in _enrol(client, learner, home_page)}
    assert send_due_statements().sent == 3
    # As if the marking had been lost: everything is due again and goes again.
    OutboxStatement.objects.update(state=OutboxState.PENDING, sent_at=None)
    assert send_due_statements().sent == 3
    stored_ids = [line["id"] for line in lrs_server.stored_lines() if line["id"] in ids]
    assert sorted(stored_ids) == sorted(ids)


def test_a_different_statement_already_stored_under_an_id_counts_as_sent(
    client, learner, home_page, store, lrs_server
):
    """409 Conflict rejects the whole batch; each statement is then sent on its own, so
    the others are stored and the conflicting one is not sent again and again."""
    import requests

    ids = _enrol(client, learner, home_page)
    clash = OutboxStatement.objects.get(verb="registered")
    different = {**clash.statement, "timestamp": "2020-01-01T00:00:00.000Z"}
    requests.post(
        lrs_server.url("xAPI/statements"),
        json=[different],
        auth=(lrs_server.username, lrs_server.password),
        headers={"X-Experience-API-Version": "1.0.3"},
        timeout=10,
    ).raise_for_status()

    result = send_due_statements()
    assert (result.sent, result.failed) == (3, 0)
    clash.refresh_from_db()
    assert clash.state == OutboxState.SENT
    assert "already held" in clash.last_error
    assert {s["id"] for s in ours(lrs_server, learner)} == {str(i) for i in ids}


def test_statement_ids_are_the_same_for_the_same_event(settings):
    from learning_site.learning_records.statements import statement_id

    assert statement_id("completed:module:7") == statement_id("completed:module:7")
    assert statement_id("completed:module:7") != statement_id("completed:module:8")
    assert statement_id("completed:module:7").version == 5
    assert isinstance(statement_id("x"), uuid.UUID)


def test_a_deleted_account_sends_nothing_more(client, learner, home_page, partnership):
    from learning_site.learning_records.models import LearningRecordStore
    from learning_site.services import delete_account
    from tests.courses.conftest import build_course
    from tests.courses.test_completion import enrol_and_start

    LearningRecordStore.objects.create(
        partnership=partnership, endpoint="http://127.0.0.1:9/xAPI/", username="u", secret="s"
    )
    course, lesson1, _ = build_course(home_page)
    enrol_and_start(client, learner, course)
    client.get(lesson1.url)
    assert OutboxStatement.objects.filter(state=OutboxState.PENDING).count() == 2
    client.logout()
    delete_account(learner)
    assert not OutboxStatement.objects.exists()


def test_one_transaction_asks_for_one_send(
    client, learner, home_page, store, lrs_server, django_capture_on_commit_callbacks, settings
):
    """Statements leave when their transaction commits: one task per transaction."""
    from django.db import transaction

    from courses.services import enrol, record_completion
    from tests.courses.conftest import build_course

    course, _, _ = build_course(home_page)
    # As an import would: two statements, one commit.
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        record_completion(enrol(learner, course), knowledge_score=80)
    assert OutboxStatement.objects.count() == 2
    kicks = [c for c in callbacks if getattr(c, "__name__", "") == "_kick_sender"]
    assert len(kicks) == 1
    # The task ran (eagerly here) and the completion is in the store.
    row = OutboxStatement.objects.get(verb="completed")
    assert row.state == OutboxState.SENT
    assert row.statement["result"]["score"]["scaled"] == 0.8
    assert str(row.pk) in {s["id"] for s in ours(lrs_server, learner)}
