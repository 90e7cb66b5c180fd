"""Send the outbox to each partnership's learning record store, exactly once per id.

``send_due_statements()`` is a plain function; the Celery task (beat every minute, and
kicked when a transaction that queued statements commits) is a line around it.

Exactly once
------------
Rows are *claimed* in batches of one partnership's statements with a conditional UPDATE
that sets a lease (``lease_token``, ``leased_until``) on the real clock, as the follow-up
sweep does (``evaluations.sweep``): two workers split the due rows between them, and on
PostgreSQL they read candidates with ``SELECT … FOR UPDATE SKIP LOCKED``. The lease is
renewed, conditional on still holding it, just before the batch is posted, and it is
longer than the HTTP timeout, so no other worker can claim a batch while its POST is in
flight. After the store answers, the rows are marked sent, again only if the lease is
still ours.

A worker killed after posting and before marking leaves rows that are claimed again when
the lease runs out, and posted again. Statement ids are deterministic (UUID v5 of what
happened) and the statement stored is the one queued, so the store recognises them: xAPI
says a store that already has a statement with the same id answers 204 No Content (or
200 without it), and 409 Conflict if what it holds differs. Both mean "already stored",
so the rows are marked sent and the store keeps one copy of each.

A failed batch (store down, timeout, 5xx, 401) is released with its next try put off
exponentially (``XAPI_RETRY_BASE_SECONDS`` doubled per attempt, at most
``XAPI_RETRY_MAX_SECONDS``). A batch the store refuses as a whole (400 or 409) is sent
again one statement at a time with PUT, so one bad statement does not hold back the rest.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from dataclasses import dataclass

import requests
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from learning_site.learning_records.models import LearningRecordStore, OutboxState, OutboxStatement

logger = logging.getLogger(__name__)

XAPI_VERSION = "1.0.3"


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0
    batches: int = 0

    def as_dict(self) -> dict:
        return {"sent": self.sent, "failed": self.failed, "batches": self.batches}


class StoreError(Exception):
    """The store did not take the statements; try again later."""


def _lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.XAPI_LEASE_SECONDS)


def backoff(attempts: int) -> datetime.timedelta:
    """How long to wait after the ``attempts``-th failed try: 30 s, 1 min, 2 min, …"""
    seconds = settings.XAPI_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, settings.XAPI_RETRY_MAX_SECONDS))


def claim_batch(batch_size: int, now: datetime.datetime | None = None) -> tuple[uuid.UUID, list]:
    """Lease up to ``batch_size`` due statements of one partnership. Returns (token, ids)."""
    now = now or timezone.now()
    token = uuid.uuid4()
    with transaction.atomic():
        due = OutboxStatement.objects.due(now).order_by("next_try_at", "created_at")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        first = due.values_list("partnership_id", flat=True).first()
        if first is None:
            return token, []
        ids = list(due.filter(partnership_id=first).values_list("pk", flat=True)[:batch_size])
        OutboxStatement.objects.due(now).filter(pk__in=ids).update(
            lease_token=token,
            leased_until=timezone.now() + _lease(),
            attempts=F("attempts") + 1,
        )
    claimed = list(
        OutboxStatement.objects.filter(lease_token=token)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )
    return token, claimed


def _held(token, ids):
    return OutboxStatement.objects.filter(pk__in=ids, lease_token=token, state=OutboxState.PENDING)


def _renew(token, ids) -> list:
    """Renew the lease on the rows we still hold; returns their ids."""
    _held(token, ids).update(leased_until=timezone.now() + _lease())
    return list(_held(token, ids).values_list("pk", flat=True))


def _mark_sent(token, ids, error: str = "") -> int:
    return _held(token, ids).update(
        state=OutboxState.SENT,
        sent_at=timezone.now(),
        lease_token=None,
        leased_until=None,
        last_error=error,
    )


def _mark_failed(token, ids, error: str) -> int:
    failed = 0
    for row in _held(token, ids).only("pk", "attempts"):
        failed += OutboxStatement.objects.filter(pk=row.pk, lease_token=token).update(
            next_try_at=timezone.now() + backoff(row.attempts),
            lease_token=None,
            leased_until=None,
            last_error=error[:500],
        )
    return failed


def _session(store: LearningRecordStore) -> requests.Session:
    session = requests.Session()
    session.auth = (store.username, store.secret)
    session.headers.update(
        {"X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json"}
    )
    return session


def _describe(response: requests.Response) -> str:
    return f"The store answered {response.status_code}: {response.text[:300]}"


def _put_one(session, store, statement: dict) -> str:
    """PUT one statement; returns "" when stored (or already there), else raises."""
    response = session.put(
        store.statements_url,
        params={"statementId": statement["id"]},
        json=statement,
        timeout=settings.XAPI_HTTP_TIMEOUT_SECONDS,
    )
    if response.status_code in (200, 204):
        return ""
    if response.status_code == 409:
        # The store holds a different statement under this id (one sent before a
        # change to how statements are built): it has the event, do not send it again.
        return "The store already held a statement with this id."
    raise StoreError(_describe(response))


def deliver_batch(token, ids: list, result: SendResult | None = None) -> SendResult:
    """Post one claimed batch to its partnership's store and record what happened."""
    result = result or SendResult()
    ids = _renew(token, ids)
    if not ids:
        return result  # the lease ran out and another worker has the rows now
    rows = list(_held(token, ids).order_by("created_at"))
    result.batches += 1
    store = LearningRecordStore.objects.filter(partnership_id=rows[0].partnership_id).first()
    if store is None:
        result.failed += _mark_failed(token, ids, "The partnership has no learning record store.")
        return result
    statements = [row.statement for row in rows]
    session = _session(store)
    try:
        response = session.post(
            store.statements_url, json=statements, timeout=settings.XAPI_HTTP_TIMEOUT_SECONDS
        )
    except requests.RequestException as error:
        logger.warning("Learning record store %s could not be reached: %s", store.pk, error)
        result.failed += _mark_failed(token, ids, f"The store could not be reached: {error}")
        return result
    if response.status_code in (200, 204):
        result.sent += _mark_sent(token, ids)
        return result
    if response.status_code in (400, 409):
        for row in rows:
            try:
                note = _put_one(session, store, row.statement)
            except (StoreError, requests.RequestException) as error:
                result.failed += _mark_failed(token, [row.pk], str(error))
            else:
                result.sent += _mark_sent(token, [row.pk], note)
        return result
    logger.warning("Learning record store %s refused a batch: %s", store.pk, response.status_code)
    result.failed += _mark_failed(token, ids, _describe(response))
    return result


def send_due_statements(
    now: datetime.datetime | None = None, *, batch_size: int | None = None, max_batches=None
) -> SendResult:
    """Claim and send due statements, batch after batch, until none are due (or
    ``max_batches`` have been tried). Must run outside a transaction, so each claim
    commits before its POST."""
    batch_size = batch_size or settings.XAPI_BATCH_SIZE
    result = SendResult()
    tried, seen = 0, set()
    while max_batches is None or tried < max_batches:
        token, ids = claim_batch(batch_size, now)
        if not ids or seen.issuperset(ids):
            # Nothing due, or only what failed in this run (a ``now`` ahead of the clock
            # makes it due again at once): it waits for the next run.
            _release(token, ids)
            break
        seen.update(ids)
        tried += 1
        deliver_batch(token, ids, result)
    return result


def _release(token, ids) -> None:
    if ids:
        _held(token, ids).update(lease_token=None, leased_until=None)
