"""xAPI 1.0.3 statements for what learners do, and the one function that queues them.

Each statement's id is a UUID v5 of what happened (``"completed:module:<enrolment id>"``)
in a namespace made from the site's address, so the same event always gives the same id:
a statement queued twice is one row, and one sent twice is recognised by the LRS.

What never goes into a statement: a learner's email address or name (the actor is an
account named by a random pseudonym, see ``LearnerPseudonym``), and anything a learner
wrote (reflections, free-text survey answers). Statements carry only ids, trainer-written
titles and labels, ratings, scores and times.
"""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import transaction

from learning_site.urls_absolute import base_url, page_url, site_name

VERBS = {
    "registered": "http://adlnet.gov/expapi/verbs/registered",
    "experienced": "http://adlnet.gov/expapi/verbs/experienced",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "responded": "http://adlnet.gov/expapi/verbs/responded",
}
ACTIVITY_TYPES = {
    "module": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "check": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "scenario": "http://adlnet.gov/expapi/activities/simulation",
    "decision": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "digest": "http://id.tincanapi.com/activitytype/resource",
    "survey": "http://id.tincanapi.com/activitytype/survey",
}
LANGUAGE = "en-GB"


def namespace() -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, base_url() + "/xapi")


def statement_id(what: str) -> uuid.UUID:
    """``what`` names the event, e.g. ``"answered:decision:<decision id>"``."""
    return uuid.uuid5(namespace(), what)


def registration_for_enrolment(enrolment_id: int) -> str:
    """Ties everything a learner did in one enrolment on a module (lessons, checks,
    scenarios played from it, its completion) to their follow-up surveys."""
    return str(uuid.uuid5(namespace(), f"registration:enrolment:{enrolment_id}"))


def registration_for_attempt(attempt_id: int) -> str:
    """A scenario played on its own (not from a module the learner is enrolled on)."""
    return str(uuid.uuid5(namespace(), f"registration:scenario-attempt:{attempt_id}"))


def extension(name: str) -> str:
    return f"{base_url()}/xapi/extensions/{name}"


def activity_id(kind: str, *parts) -> str:
    """Stable ids: they name the page by its id, not its address, so a renamed module is
    still the same activity in the store."""
    return f"{base_url()}/xapi/activities/{kind}/" + "/".join(str(p) for p in parts)


def activity(kind: str, object_id: str, name: str, page=None) -> dict:
    definition = {"type": ACTIVITY_TYPES[kind], "name": {LANGUAGE: name[:255] or kind}}
    if page is not None:
        more_info = page_url(page)
        if more_info:
            definition["moreInfo"] = more_info
    return {"objectType": "Activity", "id": object_id, "definition": definition}


def actor(user) -> dict:
    from learning_site.learning_records.models import LearnerPseudonym

    pseudonym, _ = LearnerPseudonym.objects.get_or_create(user=user)
    return {
        "objectType": "Agent",
        "account": {"homePage": base_url(), "name": str(pseudonym.name)},
    }


def timestamp(when: datetime.datetime) -> str:
    return when.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def build(
    what: str,
    *,
    user,
    verb: str,
    obj: dict,
    when: datetime.datetime,
    registration: str | None = None,
    parent: dict | None = None,
    result: dict | None = None,
) -> tuple[uuid.UUID, dict]:
    sid = statement_id(what)
    context: dict = {"platform": site_name(), "language": LANGUAGE}
    if registration:
        context["registration"] = registration
    if parent:
        context["contextActivities"] = {"parent": [{"objectType": "Activity", "id": parent["id"]}]}
    statement = {
        "id": str(sid),
        "actor": actor(user),
        "verb": {"id": VERBS[verb], "display": {LANGUAGE: verb}},
        "object": obj,
        "context": context,
        "timestamp": timestamp(when),
        "version": "1.0.3",
    }
    if result is not None:
        statement["result"] = result
    return sid, statement


def store_for(partnership_id: int | None):
    """The partnership's enabled store, or None (then nothing is queued)."""
    from learning_site.learning_records.models import LearningRecordStore

    if partnership_id is None:
        return None
    return LearningRecordStore.objects.filter(
        partnership_id=partnership_id, is_enabled=True
    ).first()


def learner_has_store(user) -> bool:
    return user is not None and store_for(getattr(user, "partnership_id", None)) is not None


def queue(user, what: str, verb: str, **fields) -> uuid.UUID | None:
    """Write the statement for ``what`` to the outbox, inside the caller's transaction,
    if the learner's partnership sends statements; once committed, ask a worker to send.
    Queuing the same event again changes nothing."""
    from learning_site.learning_records.models import OutboxStatement

    if not learner_has_store(user):
        return None
    sid, statement = build(what, user=user, verb=verb, **fields)
    OutboxStatement.objects.bulk_create(
        [
            OutboxStatement(
                id=sid, partnership_id=user.partnership_id, verb=verb, statement=statement
            )
        ],
        ignore_conflicts=True,
    )
    if getattr(settings, "XAPI_SEND_ON_COMMIT", True):
        # One task per transaction, however many statements it queued (a completion
        # queues several).
        waiting = getattr(transaction.get_connection(), "run_on_commit", [])
        if not any(entry[1] is _kick_sender for entry in waiting):
            transaction.on_commit(_kick_sender)
    return sid


def _kick_sender() -> None:
    from learning_site.learning_records.tasks import send_statements

    send_statements.delay()
