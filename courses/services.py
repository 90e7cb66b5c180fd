"""Operations on modules that span models: enrol, progress, completion, reflections."""

import copy
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from courses import progress_rows
from courses.models import (
    Certificate,
    CheckAttempt,
    CourseCompletion,
    CoursePage,
    Enrolment,
    JournalEntry,
    JournalEntryVersion,
    LessonPage,
    LessonVisit,
)
from courses.requirements import CourseRequirements, requirements_for
from courses.signals import learner_enrolled, module_completed
from courses.tasks import store_certificate_pdf
from learning_site.sanitise import sanitise_text

BULK_BATCH = 2_000


class EnrolmentRefused(Exception):
    """Raised with a message a learner can act on."""


def modules_by_id() -> dict[int, CoursePage]:
    """Every module, live or not, by id: the same for every reader, kept in the shared
    cache under the site's content version. Shared between callers: do not change."""
    from learning_site.content_version import cached_for_readers

    return cached_for_readers("modules-by-id", lambda: CoursePage.objects.in_bulk())


def current_enrolments(user) -> list[Enrolment]:
    """The learner's enrolments they have not left, newest first, each with its module:
    from their progress rows and the cached modules, so no query once they are cached."""
    modules = modules_by_id()
    enrolments = []
    for course_id, enrolment in progress_rows.rows_for(user).enrolments.items():
        if enrolment.left_at is None and course_id in modules:
            enrolment = copy.copy(enrolment)  # the rows are shared
            enrolment.course = modules[course_id]
            enrolments.append(enrolment)
    return sorted(enrolments, key=lambda enrolment: enrolment.enrolled_at, reverse=True)


def active_enrolment(user, course) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.active().filter(user=user, course=course).first()


def missing_prerequisites(user, course: CoursePage) -> list[CoursePage]:
    required = list(course.prerequisites.all())
    if not required:
        return []
    done = set(
        CourseCompletion.objects.filter(user=user, course__in=required).values_list(
            "course_id", flat=True
        )
    )
    return [c for c in required if c.pk not in done]


@transaction.atomic
def enrol(user, course: CoursePage) -> Enrolment:
    if not course.lessons().exists():
        # Nothing to do and nothing to complete: the admin refuses to publish such a
        # module, and this covers one whose lessons were all unpublished later.
        raise EnrolmentRefused("This module has no lessons yet, so you cannot enrol on it.")
    missing = missing_prerequisites(user, course)
    if missing:
        titles = ", ".join(f"'{c.title}'" for c in missing)
        raise EnrolmentRefused(f"Complete {titles} before you start this module.")
    enrolment, created = Enrolment.objects.get_or_create(user=user, course=course)
    if not created and enrolment.left_at is not None:
        enrolment.left_at = None
        enrolment.save(update_fields=["left_at"])
        created = True
    if created:
        learner_enrolled.send(sender=Enrolment, enrolment=enrolment)
    return enrolment


def leave(enrolment: Enrolment) -> None:
    enrolment.left_at = timezone.now()
    enrolment.save(update_fields=["left_at"])


# A lesson opened again within this time keeps the time it was last opened: one write
# per sitting, not one per page view (nothing reads the time closer than that).
VISIT_REFRESH = datetime.timedelta(minutes=15)


def record_visit(enrolment: Enrolment, lesson: LessonPage, last_visited_at=None) -> None:
    """Record that the learner opened ``lesson``. ``last_visited_at``: when they last
    did, if known (from their progress rows), so a recent visit costs no write."""
    now = timezone.now()
    if last_visited_at is not None and now - last_visited_at < VISIT_REFRESH:
        if enrolment.last_lesson_id == lesson.pk:
            return
        updated = 1
    else:
        updated = LessonVisit.objects.filter(enrolment=enrolment, lesson=lesson).update(
            last_visited_at=now
        )
        if updated:  # update() sends no signal: the cached rows hold the old time
            progress_rows.changed(enrolment.user_id)
    if not updated:
        try:
            with transaction.atomic():
                LessonVisit.objects.create(
                    enrolment=enrolment, lesson=lesson, first_visited_at=now, last_visited_at=now
                )
        except IntegrityError:
            pass  # a parallel request recorded the same first visit
    if enrolment.last_lesson_id != lesson.pk:
        enrolment.last_lesson = lesson
        enrolment.save(update_fields=["last_lesson"])


def answer_check(
    enrolment: Enrolment, lesson: LessonPage, spec, selected: list[int]
) -> CheckAttempt:
    """Keep every attempt; numbering is per check so first and best stay derivable."""
    with transaction.atomic():
        last = (
            CheckAttempt.objects.select_for_update()
            .filter(enrolment=enrolment, lesson=lesson, check_key=spec.key)
            .aggregate(n=Max("attempt_number"))["n"]
            or 0
        )
        return CheckAttempt.objects.create(
            enrolment=enrolment,
            lesson=lesson,
            check_key=spec.key,
            attempt_number=last + 1,
            selected=sorted(int(i) for i in selected),
            correct=spec.is_correct(selected),
        )


def clean_reflection_text(text: str) -> str:
    return sanitise_text(text)[: settings.REFLECTION_MAX_CHARS + 1]


def save_journal_entry(entry: JournalEntry, **fields) -> JournalEntry:
    """Save an entry; the previous text of an existing entry is kept as a version."""
    cleaned = {
        k: sanitise_text(v) if isinstance(v, str) and k not in ("source_url",) else v
        for k, v in fields.items()
    }
    with transaction.atomic():
        if entry.pk:
            previous = JournalEntry.objects.select_for_update().get(pk=entry.pk)
            snapshot = {
                name: getattr(previous, name)
                for name in (
                    "title",
                    "body",
                    "what_happened",
                    "feelings",
                    "evaluation",
                    "analysis",
                    "conclusion",
                    "action_plan",
                )
            }
            changed = any(cleaned.get(k, snapshot[k]) != v for k, v in snapshot.items())
            if changed:
                JournalEntryVersion.objects.create(
                    entry=previous, snapshot=snapshot, saved_at=previous.updated_at
                )
        for name, value in cleaned.items():
            setattr(entry, name, value)
        entry.updated_at = timezone.now()
        entry.save()
    return entry


def save_reflection(enrolment: Enrolment, lesson: LessonPage, spec, text: str) -> JournalEntry:
    entry = JournalEntry.objects.filter(
        author=enrolment.user, lesson=lesson, reflection_key=spec.key
    ).first() or JournalEntry(
        author=enrolment.user,
        lesson=lesson,
        course=enrolment.course,
        reflection_key=spec.key,
        prompt=spec.prompt,
        source_label=f"{enrolment.course.title}: {lesson.title}",
        source_url=lesson.url,
    )
    return save_journal_entry(entry, body=text)


@dataclass
class CheckState:
    attempts: list = field(default_factory=list)

    @property
    def answered(self) -> bool:
        return bool(self.attempts)

    @property
    def first(self):
        return self.attempts[0] if self.attempts else None

    @property
    def last(self):
        return self.attempts[-1] if self.attempts else None

    @property
    def best_correct(self) -> bool:
        return any(a.correct for a in self.attempts)


@dataclass
class CourseStatus:
    """Everything the module page, lessons and My learning show about one learner."""

    course: CoursePage
    requirements: CourseRequirements
    enrolment: Enrolment | None = None
    visited_ids: set = field(default_factory=set)
    visited_at: dict = field(default_factory=dict)  # lesson id -> when last opened
    check_states: dict = field(default_factory=dict)  # "lesson_id:key" -> CheckState
    reflections: dict = field(default_factory=dict)  # "lesson_id:key" -> JournalEntry
    scenarios_done: set = field(default_factory=set)
    completion: CourseCompletion | None = None
    # The module's before/after survey (evaluations), filled in by ``add_before_after``.
    before_survey_url: str | None = None  # waiting to be answered, before completion
    after_survey_url: str | None = None  # waiting to be answered, after completion
    changes: list = field(default_factory=list)  # the learner's own before -> after

    @property
    def enrolled(self) -> bool:
        return self.enrolment is not None and self.enrolment.is_active

    @property
    def certificate(self) -> Certificate | None:
        """The completion's certificate. Every completion has one (``record_completion``);
        pages still render, without the download link, if a row were ever missing."""
        return getattr(self.completion, "certificate", None)

    @property
    def lessons_total(self) -> int:
        return len(self.requirements.lessons)

    @property
    def lessons_visited(self) -> int:
        return sum(1 for lesson in self.requirements.lessons if lesson.pk in self.visited_ids)

    @property
    def percent(self) -> int:
        steps = (
            self.lessons_total
            + len(self.requirements.checks)
            + len(self.requirements.required_reflections)
            + len(self.requirements.scenario_ids)
        )
        if not steps:
            return 0
        done = (
            self.lessons_visited
            + sum(1 for c in self.requirements.checks if self._check(c).answered)
            + sum(1 for r in self.requirements.required_reflections if self._reflection(r))
            + len(self.scenarios_done & set(self.requirements.scenario_ids))
        )
        return round(100 * done / steps)

    def _check(self, spec) -> CheckState:
        return self.check_states.get(f"{spec.lesson_id}:{spec.key}", CheckState())

    def _reflection(self, spec):
        entry = self.reflections.get(f"{spec.lesson_id}:{spec.key}")
        return entry if entry and entry.body.strip() else None

    @property
    def knowledge_score(self) -> int:
        checks = self.requirements.checks
        if not checks:
            return 100
        return round(100 * sum(1 for c in checks if self._check(c).best_correct) / len(checks))

    @property
    def outstanding(self) -> list[str]:
        """What is left before the module is complete, in words a learner understands."""
        todo = []
        unvisited = [
            lesson.title
            for lesson in self.requirements.lessons
            if lesson.pk not in self.visited_ids
        ]
        if unvisited:
            todo.append(f"Open every lesson ({len(unvisited)} not opened yet)")
        unanswered = [c for c in self.requirements.checks if not self._check(c).answered]
        if unanswered:
            todo.append(f"Answer every knowledge check ({len(unanswered)} not answered yet)")
        elif self.knowledge_score < self.course.pass_mark:
            todo.append(
                f"Get at least {self.course.pass_mark}% of knowledge checks right "
                f"(you have {self.knowledge_score}%). You can try a check again."
            )
        missing = [r for r in self.requirements.required_reflections if not self._reflection(r)]
        if missing:
            todo.append(f"Write the required reflections ({len(missing)} still to write)")
        scenarios_left = set(self.requirements.scenario_ids) - self.scenarios_done
        if scenarios_left:
            todo.append(f"Complete the case scenarios ({len(scenarios_left)} still to finish)")
        return todo

    @property
    def rules_met(self) -> bool:
        return self.lessons_total > 0 and not self.outstanding

    @property
    def resume_lesson(self):
        lessons = self.requirements.lessons
        if self.enrolment and self.enrolment.last_lesson_id:
            for lesson in lessons:
                if lesson.pk == self.enrolment.last_lesson_id:
                    return lesson
        return next(
            (lesson for lesson in lessons if lesson.pk not in self.visited_ids),
            lessons[0] if lessons else None,
        )


def course_status_for(user, course: CoursePage, lessons=None) -> CourseStatus:
    lessons = list(lessons if lessons is not None else course.lessons())
    if not user.is_authenticated:
        return CourseStatus(course=course, requirements=requirements_for(lessons))
    rows = progress_rows.rows_for(user)
    enrolment = copy.copy(rows.enrolments.get(course.pk))  # the rows are shared
    if enrolment is None:
        return CourseStatus(course=course, requirements=requirements_for(lessons))
    enrolment.course = course
    return course_statuses_for(user, [enrolment], lessons={course.pk: lessons}, rows=rows)[0]


def course_statuses_for(
    user, enrolments, lessons: dict | None = None, rows=None
) -> list[CourseStatus]:
    """The status of each of one learner's ``enrolments`` (with ``course`` and
    ``completion`` loaded), whatever their number, for My learning. ``lessons`` maps a
    course id to its lessons if already fetched. The learner's progress comes from
    ``progress_rows`` (the shared cache, or five queries)."""
    enrolments = list(enrolments)
    if not enrolments:
        return []
    rows = rows or progress_rows.rows_for(user)
    lessons = dict(lessons or {})
    for enrolment in enrolments:
        if enrolment.course_id not in lessons:
            # From the shared cache (one token read for all): no query once cached.
            lessons[enrolment.course_id] = enrolment.course.live_lessons()
    requirements = {e.pk: requirements_for(lessons[e.course_id]) for e in enrolments}
    statuses = []
    for enrolment in enrolments:
        reqs = requirements[enrolment.pk]
        status = CourseStatus(course=enrolment.course, requirements=reqs, enrolment=enrolment)
        status.visited_at = dict(rows.visited.get(enrolment.pk, {}))
        status.visited_ids = set(status.visited_at)
        for attempt in rows.attempts.get(enrolment.pk, []):
            status.check_states.setdefault(
                f"{attempt.lesson_id}:{attempt.check_key}", CheckState()
            ).attempts.append(attempt)
        own_lessons = {lesson.pk for lesson in reqs.lessons}
        status.reflections = {
            key: entry for key, entry in rows.reflections.items() if entry.lesson_id in own_lessons
        }
        status.scenarios_done = rows.scenarios_done & set(reqs.scenario_ids)
        status.completion = getattr(enrolment, "completion", None)
        statuses.append(status)
    return statuses


def add_before_after(user, statuses: list[CourseStatus]) -> None:
    """Add the module's before/after survey to each status: the 'before' or 'after'
    questions waiting for the learner, and their own change once both are sent. Owned
    by evaluations; a constant number of queries whatever the number of modules."""
    from evaluations import before_after

    if not statuses:
        return
    waiting = before_after.waiting_urls(
        user,
        [
            (
                status.course,
                status.enrolment is not None and status.enrolment.left_at is None,
                status.completion,
            )
            for status in statuses
        ],
    )
    changes = before_after.changes_for(
        user, [status.course.pk for status in statuses if status.completion is not None]
    )
    for status in statuses:
        course_id = status.course.pk
        status.before_survey_url = waiting.get((course_id, "baseline"))
        status.after_survey_url = waiting.get((course_id, "post"))
        status.changes = changes.get(course_id, [])


def before_survey_blocks_lessons(user, status: CourseStatus) -> str | None:
    """The 'before' survey's address if the module makes lessons wait for it and the
    learner has not sent it, else None."""
    if not status.course.before_questions_required or status.completion is not None:
        return None
    add_before_after(user, [status])
    return status.before_survey_url


def evaluate_completion(
    user, course: CoursePage, status: CourseStatus | None = None
) -> CourseCompletion | None:
    """Record completion once, when the rules are first met (see ``record_completion``).
    Safe to call on every page view: with the module already complete, or its rules not
    met, it writes nothing and, given ``status``, makes no query."""
    status = status or course_status_for(user, course)
    if status.completion is not None or not status.enrolled or not status.rules_met:
        return status.completion
    status.enrolment.user = user
    status.enrolment.course = course
    status.completion = record_completion(status.enrolment, knowledge_score=status.knowledge_score)
    return status.completion


def completion_notice(course: CoursePage) -> str:
    """What the learner is told on the page where they met the last requirement."""
    return f"You have completed '{course.title}'. Your certificate is ready."


def evaluate_open_completions(user, *, scenario_id: int | None = None) -> list[CourseCompletion]:
    """Re-check every module ``user`` is on and has not completed (or only those that
    require ``scenario_id``), and record the ones whose rules are now met. For requirements
    met outside a lesson, such as a scenario finished on its own pages. A few queries
    whatever the number of modules; none is written when nothing is newly complete."""
    enrolments = (
        Enrolment.objects.active()
        .filter(user=user, completion__isnull=True)
        .select_related("course")
    )
    completed = []
    for status in course_statuses_for(user, enrolments):
        if scenario_id is not None and scenario_id not in status.requirements.scenario_ids:
            continue
        if status.rules_met:
            completed.append(evaluate_completion(user, status.course, status))
    return completed


def _certificate_for(completion: CourseCompletion, user, course: CoursePage) -> Certificate:
    """The certificate of ``completion`` (unsaved). Name, title and hours are copied so it
    stays true if the module is renamed later; it is dated when the module was completed."""
    return Certificate(
        completion=completion,
        issued_at=completion.completed_at,
        learner_name=user.full_name or user.email,
        course_title=course.title,
        cpd_hours=course.cpd_hours or Decimal("0"),
    )


def record_completion(
    enrolment: Enrolment, *, knowledge_score: int, completed_at=None
) -> CourseCompletion:
    """The one way a completion is written: the completion and its certificate in one
    transaction, then ``module_completed`` (inside it, so follow-ups are scheduled with the
    completion or not at all). Once committed, a Celery task draws the certificate's PDF.

    Every path goes through here: the completion rules (``evaluate_completion``), the
    demo seeders (``completed_at`` backdates) and any import. Idempotent: an enrolment
    already complete returns its completion unchanged."""
    with transaction.atomic():
        locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        existing = CourseCompletion.objects.filter(enrolment=locked).first()
        if existing is not None:
            return existing
        user, course = enrolment.user, enrolment.course
        completion = CourseCompletion.objects.create(
            enrolment=locked,
            user=user,
            course=course,
            completed_at=completed_at or timezone.now(),
            knowledge_score=knowledge_score,
        )
        certificate = _certificate_for(completion, user, course)
        certificate.save()
        module_completed.send(sender=CourseCompletion, completion=completion)
        transaction.on_commit(lambda: store_certificate_pdf.delay(certificate.pk))
    return completion


def bulk_record_completions(completions: list[CourseCompletion]) -> list[CourseCompletion]:
    """Write many unsaved completions with their certificates in one transaction, for
    generated or imported data at scale (``bench_reports``). ``module_completed`` is not
    sent: the caller creates any follow-up invitations itself."""
    if not completions:
        return []
    from learning_site.models import User

    with transaction.atomic():
        made = []
        for start in range(0, len(completions), BULK_BATCH):
            made += CourseCompletion.objects.bulk_create(completions[start : start + BULK_BATCH])
        users, courses = {}, {}
        for start in range(0, len(made), BULK_BATCH):
            batch = made[start : start + BULK_BATCH]
            users |= User.objects.in_bulk({c.user_id for c in batch} - users.keys())
            courses |= CoursePage.objects.in_bulk({c.course_id for c in batch} - courses.keys())
        certificates = [_certificate_for(c, users[c.user_id], courses[c.course_id]) for c in made]
        Certificate.objects.bulk_create(certificates, batch_size=BULK_BATCH)
        # bulk_create sends no signals: the learners' cached progress is out of date.
        progress_rows.changed_many(users)
    return made
