"""Queue a statement for each learning event, inside the transaction that records it.

Connected in ``LearningRecordsConfig.ready``. The events come from the other apps' own
signals (``learner_enrolled``, ``module_completed``, ``digest_read``) and from the rows
they write (``post_save`` of a lesson visit, check attempt, scenario decision or
submitted survey response), all sent inside the service's transaction: a statement is
queued with its event or not at all.
"""

from __future__ import annotations

from learning_site.learning_records.statements import (
    activity,
    activity_id,
    extension,
    learner_has_store,
    queue,
    registration_for_attempt,
    registration_for_enrolment,
)


def _module(course) -> dict:
    return activity("module", activity_id("module", course.pk), course.title, course)


def on_enrolled(sender, enrolment, **kwargs) -> None:
    course = enrolment.course
    queue(
        enrolment.user,
        f"registered:module:{enrolment.pk}",
        "registered",
        obj=_module(course),
        when=enrolment.enrolled_at,
        registration=registration_for_enrolment(enrolment.pk),
    )


def on_lesson_visit(sender, instance, created, raw=False, **kwargs) -> None:
    if not created or raw:
        return
    enrolment = instance.enrolment
    if not learner_has_store(enrolment.user):
        return
    lesson = instance.lesson
    queue(
        enrolment.user,
        f"experienced:lesson:{instance.pk}",
        "experienced",
        obj=activity("lesson", activity_id("lesson", lesson.pk), lesson.title, lesson),
        when=instance.first_visited_at,
        registration=registration_for_enrolment(enrolment.pk),
        parent=_module(enrolment.course),
    )


def on_check_answered(sender, instance, created, raw=False, **kwargs) -> None:
    if not created or raw:
        return
    enrolment = instance.enrolment
    if not learner_has_store(enrolment.user):
        return
    lesson = instance.lesson
    queue(
        enrolment.user,
        f"answered:check:{instance.pk}",
        "answered",
        obj=activity(
            "check",
            activity_id("lesson", lesson.pk, "check", instance.check_key),
            f"{lesson.title}: knowledge check",
        ),
        when=instance.answered_at,
        registration=registration_for_enrolment(enrolment.pk),
        parent=_module(enrolment.course),
        result={
            "success": bool(instance.correct),
            # The options chosen, by their position: never text the learner typed.
            "response": "[,]".join(str(i) for i in instance.selected),
            "extensions": {extension("attempt"): instance.attempt_number},
        },
    )


def _scenario_context(attempt) -> tuple[str, dict | None]:
    """The registration (and parent module) of a scenario played from a module the
    learner is enrolled on; otherwise the attempt's own registration."""
    from wagtail.models import Page

    from courses.models import CoursePage, Enrolment

    if attempt.came_from_id:
        page = Page.objects.filter(pk=attempt.came_from_id).first()
        course = CoursePage.objects.ancestor_of(page, inclusive=True).first() if page else None
        if course is not None:
            enrolment = Enrolment.objects.filter(user_id=attempt.user_id, course=course).first()
            if enrolment is not None:
                return registration_for_enrolment(enrolment.pk), _module(course)
    return registration_for_attempt(attempt.pk), None


def on_decision(sender, instance, created, raw=False, **kwargs) -> None:
    """Each decision is an answer; the one that reaches an ending also completes the
    scenario (``make_move`` has written the ending to the attempt in this transaction)."""
    from scenarios.models import Outcome, ScenarioAttempt

    if not created or raw:
        return
    attempt = ScenarioAttempt.objects.select_related("user", "scenario").get(pk=instance.attempt_id)
    user = attempt.user
    if not learner_has_store(user):
        return
    scenario = attempt.scenario
    registration, parent_module = _scenario_context(attempt)
    scenario_activity = activity(
        "scenario", activity_id("scenario", scenario.pk), scenario.title, scenario
    )
    queue(
        user,
        f"answered:decision:{instance.pk}",
        "answered",
        obj=activity(
            "decision",
            activity_id("scenario", scenario.pk, "node", instance.from_node_key),
            instance.from_node_title or scenario.title,
        ),
        when=instance.chosen_at,
        registration=registration,
        parent=scenario_activity,
        result={
            "response": str(instance.choice_id),
            "extensions": {
                extension("choice"): {"id": instance.choice_id, "label": instance.choice_label},
                extension("rating"): instance.rating or None,
                extension("weeks"): instance.weeks,
            },
        },
    )
    if attempt.completed_at is not None and attempt.ending_key == instance.to_node_key:
        queue(
            user,
            f"completed:scenario-attempt:{attempt.pk}",
            "completed",
            obj=scenario_activity,
            when=attempt.completed_at,
            registration=registration,
            parent=parent_module,
            result={
                "completion": True,
                "success": attempt.ending_outcome == Outcome.PROTECTED_IN_TIME,
                "extensions": {
                    extension("outcome"): attempt.ending_outcome,
                    extension("weeks"): attempt.weeks_elapsed,
                },
            },
        )


def on_module_completed(sender, completion, **kwargs) -> None:
    queue(
        completion.user,
        f"completed:module:{completion.enrolment_id}",
        "completed",
        obj=_module(completion.course),
        when=completion.completed_at,
        registration=registration_for_enrolment(completion.enrolment_id),
        result={
            "completion": True,
            "score": {"scaled": round(completion.knowledge_score / 100, 4)},
        },
    )


def on_response_saved(sender, instance, created, raw=False, **kwargs) -> None:
    """A survey sent (not saved for later). Only that it was answered: the answers stay
    here, since some are free text and the rest are for the board's reports."""
    from courses.models import Enrolment
    from evaluations.models import ResponseStatus

    if raw or instance.status != ResponseStatus.SUBMITTED or instance.user_id is None:
        return
    user = instance.user
    if not learner_has_store(user):
        return
    course = instance.course
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    queue(
        user,
        f"responded:survey:{instance.pk}",
        "responded",
        obj=activity(
            "survey",
            activity_id("module", course.pk, "survey", instance.wave),
            f"{course.title}: {instance.get_wave_display()}",
        ),
        when=instance.submitted_at or instance.saved_at,
        registration=registration_for_enrolment(enrolment.pk) if enrolment else None,
        parent=_module(course),
        result={"completion": True, "extensions": {extension("wave"): instance.wave}},
    )


def on_digest_read(sender, page, user, when, **kwargs) -> None:
    """Once per learner and digest: the first reading is the experience worth sending."""
    queue(
        user,
        f"experienced:digest:{page.pk}:{user.pk}",
        "experienced",
        obj=activity("digest", activity_id("digest", page.pk), page.title, page),
        when=when,
    )


def forget_unsent_statements(sender, instance, **kwargs) -> None:
    """A deleted account (its pseudonym goes with it) sends nothing more: statements
    still waiting are dropped. Those already stored are the partnership's store's."""
    from learning_site.learning_records.models import OutboxState, OutboxStatement

    OutboxStatement.objects.filter(
        state=OutboxState.PENDING, statement__actor__account__name=str(instance.name)
    ).delete()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from courses.models import CheckAttempt, LessonVisit
    from courses.signals import learner_enrolled, module_completed
    from evaluations.models import SurveyResponse
    from learning_site.learning_records.models import LearnerPseudonym
    from research_digest.signals import digest_read
    from scenarios.models import ScenarioDecision

    learner_enrolled.connect(on_enrolled, dispatch_uid="xapi_registered")
    module_completed.connect(on_module_completed, dispatch_uid="xapi_module_completed")
    digest_read.connect(on_digest_read, dispatch_uid="xapi_digest_experienced")
    post_save.connect(on_lesson_visit, sender=LessonVisit, dispatch_uid="xapi_lesson")
    post_save.connect(on_check_answered, sender=CheckAttempt, dispatch_uid="xapi_check")
    post_save.connect(on_decision, sender=ScenarioDecision, dispatch_uid="xapi_decision")
    post_save.connect(on_response_saved, sender=SurveyResponse, dispatch_uid="xapi_response")
    post_delete.connect(
        forget_unsent_statements, sender=LearnerPseudonym, dispatch_uid="xapi_forget_unsent"
    )
