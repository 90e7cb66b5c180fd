"""Serving a lesson: who may see it, recording the visit, and answering its checks and
reflections (POSTed to the lesson itself so errors re-render in place, answers kept)."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from courses import services
from courses.forms import KnowledgeCheckForm, ReflectionForm


def _can_preview(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin")


def serve_lesson(lesson, request):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = lesson.course
    lessons = list(course.lessons())
    status = services.course_status_for(user, course, lessons)

    if not status.enrolled:
        if _can_preview(user) and request.method == "GET":
            return lesson.render_lesson(request, _context(lesson, lessons, status, preview=True))
        return TemplateResponse(
            request, "courses/not_enrolled.html", {"course": course, "lesson": lesson}, status=403
        )
    if not status.baseline_done:
        messages.info(request, "Before you start, answer a few questions about what you know now.")
        return redirect("course_questionnaire", course_id=course.pk, stage="baseline")

    forms = {}
    if request.method == "POST":
        if lesson.pk not in status.visited_ids:
            # An answer for a lesson the learner never opened is forged or stale.
            messages.error(request, "Open the lesson before answering its questions.")
            return lesson.redirect_to()
        action, key = request.POST.get("action", ""), request.POST.get("key", "")
        if action == "check":
            spec = status.requirements.check(lesson.pk, key)
            if spec is None:
                raise Http404("No such knowledge check in this lesson.")
            form = KnowledgeCheckForm(spec, request.POST)
            if form.is_valid():
                attempt = services.answer_check(status.enrolment, lesson, spec, form.selected())
                messages.success(
                    request,
                    "Correct."
                    if attempt.correct
                    else "Not quite. Read the feedback and try again.",
                )
                _complete_if_done(request, user, course, status)
                return lesson.redirect_to(f"check-{key}")
            forms[f"check:{key}"] = form
        elif action == "reflection":
            spec = next(
                (
                    r
                    for r in status.requirements.reflections
                    if r.lesson_id == lesson.pk and r.key == key
                ),
                None,
            )
            if spec is None:
                raise Http404("No such reflection prompt in this lesson.")
            form = ReflectionForm(spec.prompt, request.POST, key=key)
            if form.is_valid():
                services.save_reflection(status.enrolment, lesson, spec, form.cleaned_data["text"])
                messages.success(request, "Your reflection is saved in your journal.")
                _complete_if_done(request, user, course, status)
                return lesson.redirect_to(f"reflection-{key}")
            forms[f"reflection:{key}"] = form
        else:
            raise Http404("Unknown action.")
        status = services.course_status_for(user, course, lessons)
        return lesson.render_lesson(
            request, _context(lesson, lessons, status, forms=forms), status=400
        )

    services.record_visit(status.enrolment, lesson)
    status = services.course_status_for(user, course, lessons)
    completion_before = status.completion
    completion = services.evaluate_completion(user, course, status)
    if completion and not completion_before:
        messages.success(request, services.completion_notice(course))
    return lesson.render_lesson(request, _context(lesson, lessons, status))


def _complete_if_done(request, user, course, status) -> None:
    """Record completion as soon as an answer meets the rules, and say so."""
    completion = services.evaluate_completion(user, course)
    if completion and not status.completion:
        messages.success(request, services.completion_notice(course))


def _context(lesson, lessons, status, *, forms=None, preview=False) -> dict:
    forms = forms or {}
    index = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk)
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
        check_views[spec.key] = {"spec": spec, "state": state, "form": form}
    for spec in status.requirements.reflections:
        if spec.lesson_id != lesson.pk:
            continue
        entry = status.reflections.get(f"{spec.lesson_id}:{spec.key}")
        form = forms.get(f"reflection:{spec.key}") or ReflectionForm(
            spec.prompt, initial={"text": entry.body if entry else ""}, key=spec.key
        )
        reflection_views[spec.key] = {"spec": spec, "entry": entry, "form": form}
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
