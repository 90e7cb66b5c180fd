"""A learner's progress rows, read once and kept in the shared cache until they change.

The module page, each lesson and My learning show where the learner is: their
enrolments (with completion and certificate), the lessons they have opened, their
knowledge-check attempts, their reflections and the scenarios they have finished. Those
are five queries on every such page (issue 19), and My learning counts their journal
entries; here they are read together once and kept in the cache under a version token
of the learner's own.

Any change to those rows gives the learner a new token (``changed``): a post-save or
post-delete signal of each model (connected in ``connect``, so every process that writes
sends it), once now and once more when the transaction commits. A page that read the old
rows between the change and the commit kept them under the old token, which nobody
reads again. Writes that send no signal (``QuerySet.update``, ``bulk_create``) call
``changed`` or ``changed_many`` themselves. The rows hold the learner's reflection text,
so they are kept for ``TTL`` seconds at most.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models.signals import post_delete, post_save

from learning_site import cache_tokens

TTL = 15 * 60
# Part of the key: a release that changes ProgressRows never reads an older release's.
FORMAT = 2


@dataclass
class ProgressRows:
    enrolments: dict = field(default_factory=dict)  # module id -> Enrolment
    visited: dict = field(default_factory=dict)  # enrolment id -> {lesson id: last opened}
    attempts: dict = field(default_factory=dict)  # enrolment id -> [CheckAttempt]
    reflections: dict = field(default_factory=dict)  # "lesson id:key" -> JournalEntry
    scenarios_done: set = field(default_factory=set)  # finished scenario page ids
    journal_entries: int = 0  # how many entries their journal holds


def _version_key(user_id) -> str:
    return f"progress-rows-version:{user_id}"


def rows_for(user) -> ProgressRows:
    """The learner's progress rows: from the cache, or read in five queries."""
    return cache_tokens.cached(
        f"progress-rows:{FORMAT}:{user.pk}", _version_key(user.pk), lambda: read(user), TTL
    )


def read(user) -> ProgressRows:
    from courses.models import CheckAttempt, Enrolment, JournalEntry, LessonVisit
    from scenarios.models import ScenarioAttempt

    rows = ProgressRows()
    for enrolment in Enrolment.objects.filter(user=user).select_related(
        "completion", "completion__certificate"
    ):
        rows.enrolments[enrolment.course_id] = enrolment
    ids = [enrolment.pk for enrolment in rows.enrolments.values()]
    visited = defaultdict(dict)
    attempts = defaultdict(list)
    if ids:
        for enrolment_id, lesson_id, last_visited_at in LessonVisit.objects.filter(
            enrolment_id__in=ids
        ).values_list("enrolment_id", "lesson_id", "last_visited_at"):
            visited[enrolment_id][lesson_id] = last_visited_at
        for attempt in CheckAttempt.objects.filter(enrolment_id__in=ids).order_by("attempt_number"):
            attempts[attempt.enrolment_id].append(attempt)
    rows.visited, rows.attempts = dict(visited), dict(attempts)
    rows.reflections = {
        f"{entry.lesson_id}:{entry.reflection_key}": entry
        for entry in JournalEntry.objects.filter(author=user, lesson__isnull=False).exclude(
            reflection_key=""
        )
    }
    rows.journal_entries = JournalEntry.objects.owned_by(user).count()
    rows.scenarios_done = set(
        ScenarioAttempt.objects.filter(user=user, completed_at__isnull=False)
        .values_list("scenario_id", flat=True)
        .distinct()
    )
    return rows


def changed(user_id) -> None:
    """The learner's rows changed: a new token now, and again once committed."""
    if user_id is not None:
        cache_tokens.renew(_version_key(user_id))


def changed_many(user_ids) -> None:
    cache_tokens.renew(*(_version_key(user_id) for user_id in set(user_ids) if user_id))


def _user_of(instance):
    """The learner a progress row belongs to, without a query where the row knows."""
    for name in ("user_id", "author_id"):
        if hasattr(instance, name):
            return getattr(instance, name)
    enrolment = instance._state.fields_cache.get("enrolment")
    if enrolment is not None:
        return enrolment.user_id
    from courses.models import Enrolment

    return (
        Enrolment.objects.filter(pk=instance.enrolment_id).values_list("user_id", flat=True).first()
    )


def _on_change(sender, instance, **kwargs) -> None:
    changed(_user_of(instance))


def connect() -> None:
    from courses.models import (
        Certificate,
        CheckAttempt,
        CourseCompletion,
        Enrolment,
        JournalEntry,
        LessonVisit,
    )
    from scenarios.models import ScenarioAttempt

    for model in (Enrolment, LessonVisit, CheckAttempt, JournalEntry, CourseCompletion):
        uid = f"progress-rows-{model._meta.label_lower}"
        post_save.connect(_on_change, sender=model, dispatch_uid=uid + "-saved")
        post_delete.connect(_on_change, sender=model, dispatch_uid=uid + "-deleted")
    for model in (ScenarioAttempt, Certificate):
        uid = f"progress-rows-{model._meta.label_lower}"
        post_save.connect(_on_certificate_or_attempt, sender=model, dispatch_uid=uid + "-saved")
        post_delete.connect(_on_certificate_or_attempt, sender=model, dispatch_uid=uid + "-gone")


def _on_certificate_or_attempt(sender, instance, **kwargs) -> None:
    if hasattr(instance, "user_id"):
        changed(instance.user_id)
        return
    completion = instance._state.fields_cache.get("completion")
    if completion is not None:
        changed(completion.user_id)
        return
    from courses.models import CourseCompletion

    changed(
        CourseCompletion.objects.filter(pk=instance.completion_id)
        .values_list("user_id", flat=True)
        .first()
    )
