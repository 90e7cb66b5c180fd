"""The lesson page's routes (``LessonPage`` is a routable page): the lesson itself, and one
address per knowledge check and per reflection that its forms post to. Plain HTML forms,
so it all works without JavaScript; an answer with a problem re-renders the lesson with
the message and what was typed, anything else redirects back to the lesson.

Each route is a few lines over ``courses.services``; who may see a lesson is decided
once, in ``_sitting``.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from courses import services
from courses.forms import KnowledgeCheckForm, ReflectionForm
from courses.requirements import requirements_for


@dataclass
class Sitting:
    """A learner at a lesson they may answer in: enrolled (and past the 'before' survey
    when the module makes lessons wait for it)."""

    user: object
    lesson: object
    course: object
    lessons: list
    status: services.CourseStatus

    def refresh(self) -> None:
        self.status = services.course_status_for(self.user, self.course, self.lessons)


def _can_preview(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin")


def _sitting(lesson, request, *, answering: bool) -> Sitting | HttpResponse:
    """The learner's place in the module, or the response that sends them elsewhere."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(lesson.url if answering else request.get_full_path())
    course = lesson.course
    lessons = course.live_lessons()
    status = services.course_status_for(user, course, lessons)
    if not status.enrolled:
        if _can_preview(user) and not answering:
            return preview(lesson, request)
        return TemplateResponse(
            request, "courses/not_enrolled.html", {"course": course, "lesson": lesson}, status=403
        )
    before_survey = services.before_survey_blocks_lessons(user, status)
    if before_survey:
        messages.info(request, "Before you start, answer a few questions about where you are now.")
        return redirect(before_survey)
    if answering and lesson.pk not in status.visited_ids:
        # An answer for a lesson the learner never opened is forged or stale.
        messages.error(request, "Open the lesson before answering its questions.")
        return lesson.redirect_to()
    return Sitting(user, lesson, course, lessons, status)


def show(lesson, request) -> HttpResponse:
    sitting = _sitting(lesson, request, answering=False)
    if isinstance(sitting, HttpResponse):
        return sitting
    services.record_visit(
        sitting.status.enrolment, lesson, sitting.status.visited_at.get(lesson.pk)
    )
    # The visit is all that changed: no need to read the learner's progress again.
    sitting.status.visited_ids.add(lesson.pk)
    _complete_if_done(request, sitting, reread=False)
    return lesson.render_lesson(request, _context(lesson, sitting.lessons, sitting.status))


def preview(lesson, request) -> HttpResponse:
    """The lesson as a learner sees it before answering, for trainers: in the admin's
    preview (the lesson as edited, saved or not, live or draft) and on "View live" when
    they are not enrolled. The questions are drawn but nothing is recorded, and no answer
    is given away."""
    lessons = _lessons_with(lesson)
    status = services.CourseStatus(
        course=lesson.course, requirements=requirements_for(lessons, edited=lesson)
    )
    return lesson.render_lesson(request, _context(lesson, lessons, status, preview=True))


def _lessons_with(lesson) -> list:
    """The module's live lessons with ``lesson`` in its place: instead of its stored copy,
    or, if it is a draft or not yet saved, where its position in the tree puts it."""
    others = [item for item in lesson.course.lessons() if lesson.pk is None or item.pk != lesson.pk]
    return sorted([*others, lesson], key=lambda item: item.path)


def answer_check(lesson, request, key: str) -> HttpResponse:
    if request.method != "POST":
        return lesson.redirect_to(f"check-{key}")
    sitting = _sitting(lesson, request, answering=True)
    if isinstance(sitting, HttpResponse):
        return sitting
    spec = sitting.status.requirements.check(lesson.pk, key)
    if spec is None:
        raise Http404("No such knowledge check in this lesson.")
    form = KnowledgeCheckForm(spec, request.POST)
    if not form.is_valid():
        return _render_with_errors(request, sitting, {f"check:{key}": form})
    attempt = services.answer_check(sitting.status.enrolment, lesson, spec, form.selected())
    messages.success(
        request,
        "Correct." if attempt.correct else "Not quite. Read the feedback and try again.",
    )
    _complete_if_done(request, sitting)
    return lesson.redirect_to(f"check-{key}")


def save_reflection(lesson, request, key: str) -> HttpResponse:
    if request.method != "POST":
        return lesson.redirect_to(f"reflection-{key}")
    sitting = _sitting(lesson, request, answering=True)
    if isinstance(sitting, HttpResponse):
        return sitting
    spec = sitting.status.requirements.reflection(lesson.pk, key)
    if spec is None:
        raise Http404("No such reflection prompt in this lesson.")
    form = ReflectionForm(
        spec.prompt, request.POST, key=key, required=spec.required, guidance=spec.guidance
    )
    if not form.is_valid():
        return _render_with_errors(request, sitting, {f"reflection:{key}": form})
    services.save_reflection(sitting.status.enrolment, lesson, spec, form.cleaned_data["text"])
    messages.success(request, "Your reflection is saved in your journal.")
    _complete_if_done(request, sitting)
    return lesson.redirect_to(f"reflection-{key}")


# Forms drawn before the lesson had its own routes posted to the lesson with a hidden
# ``action``; a page left open across an upgrade still sends those.
EARLIER_FORM_ACTIONS = {"check": answer_check, "reflection": save_reflection}


def answer_from_earlier_form(lesson, request) -> HttpResponse:
    route = EARLIER_FORM_ACTIONS.get(request.POST.get("action", ""))
    if route is None:
        raise Http404("Unknown action.")
    return route(lesson, request, request.POST.get("key", ""))


def _render_with_errors(request, sitting: Sitting, forms: dict) -> HttpResponse:
    return sitting.lesson.render_lesson(
        request, _context(sitting.lesson, sitting.lessons, sitting.status, forms=forms), status=400
    )


def _complete_if_done(request, sitting: Sitting, *, reread: bool = True) -> None:
    """After the learner did something, read their progress again (unless the caller
    updated it already), record completion if the rules are now met, and say so once."""
    if reread:
        sitting.refresh()
    before = sitting.status.completion
    completion = services.evaluate_completion(sitting.user, sitting.course, sitting.status)
    if completion and not before:
        messages.success(request, services.completion_notice(sitting.course))


def _context(lesson, lessons, status, *, forms=None, preview=False) -> dict:
    forms = forms or {}
    index = next(i for i, item in enumerate(lessons) if item is lesson or item.pk == lesson.pk)
    check_views, reflection_views = {}, {}
    for spec in status.requirements.checks:
        if spec.lesson_id != lesson.pk:
            continue
        state = status.check_states.get(spec.ref)
        initial = None
        if state and state.last:
            chosen = [str(i) for i in state.last.selected]
            initial = {"answer": chosen if spec.multiple else chosen[0]}
        form = forms.get(f"check:{spec.key}") or KnowledgeCheckForm(spec, initial=initial)
        check_views[spec.key] = {
            "spec": spec,
            "state": state,
            "form": form,
            "action": None if preview else lesson.subpage_url("check", spec.key),
        }
    for spec in status.requirements.reflections:
        if spec.lesson_id != lesson.pk:
            continue
        entry = status.reflections.get(f"{spec.lesson_id}:{spec.key}")
        form = forms.get(f"reflection:{spec.key}") or ReflectionForm(
            spec.prompt,
            initial={"text": entry.body if entry else ""},
            key=spec.key,
            required=spec.required,
            guidance=spec.guidance,
        )
        reflection_views[spec.key] = {
            "spec": spec,
            "entry": entry,
            "form": form,
            "action": None if preview else lesson.subpage_url("reflection", spec.key),
        }
    return {
        "course": status.course,
        "status": status,
        "lessons": lessons,
        "lesson_number": index + 1,
        "previous_lesson": lessons[index - 1] if index > 0 else None,
        "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
        "check_views": check_views,
        "reflection_views": reflection_views,
        "preview_only": preview,
    }
