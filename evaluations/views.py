"""Survey pages: answering (signed in or by emailed link), opting out, the learner's own
answers as CSV, and the trainer's response counts. Logic lives in ``services``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from evaluations import before_after, services
from evaluations.forms import SurveyForm
from evaluations.models import (
    BEFORE_AND_AFTER_WAVES,
    FOLLOW_UP_WAVES,
    InvitationStatus,
    WaveInstrument,
    WaveKind,
)
from learning_site.auditing import audit_scope, audited
from learning_site.models import AuditEvent
from learning_site.spreadsheets import SafeCsvWriter

TRAINER_PERMISSION = "learning_site.view_trainer_analytics"


def _answer(
    request,
    response,
    *,
    course,
    wave,
    action_url,
    done_url,
    reflection=None,
    show_saved=True,
    checks=(),
    skip_url=None,
):
    """Show the survey; save for later or send. Shared by both routes.

    Saved answers are shown only when ``show_saved``: to their author, signed in. Someone
    holding the emailed link without being signed in as its person can still answer
    (the link is the learner's way in without an account session), but never reads what
    was saved before.

    Before and after the module the module's knowledge questions (``checks``) follow the
    survey's own; before it, ``skip_url`` offers "Skip for now" when lessons do not wait."""
    questions = services.questions_of(response)
    status = 200
    if request.method == "POST":
        partial = request.POST.get("action") == "save"
        form = SurveyForm(questions, request.POST, partial=partial, checks=checks)
        if form.is_valid():
            try:
                services.save_answers(
                    response,
                    questions,
                    form.cleaned_data,
                    submit=not partial,
                    checks=checks,
                    knowledge=form.knowledge(),
                )
            except services.SurveyUnavailable as refusal:
                return _closed(request, str(refusal))
            if partial and not show_saved:
                return redirect("evaluations:saved")
            if partial:
                messages.success(
                    request,
                    "Your answers are saved. Come back with the same link, or from My "
                    "learning, to finish.",
                )
                return redirect(action_url)
            messages.success(request, "Thank you. Your answers have been sent.")
            return redirect(done_url)
        form.show_real_required()
        status = 400
    else:
        initial = services.initial_answers(response, checks) if show_saved else {}
        form = SurveyForm(questions, initial=initial, checks=checks)
    return render(
        request,
        "evaluations/survey.html",
        {
            "form": form,
            "response": response,
            "version": response.instrument_version,
            "course": course,
            "wave_label": WaveKind(wave).label,
            "is_follow_up": wave in FOLLOW_UP_WAVES,
            "wave": wave,
            "has_knowledge_questions": bool(checks),
            "skip_url": skip_url,
            "reflection": reflection,
            "action_url": action_url,
            "saved_answers_hidden": not show_saved and response.answers.exists(),
        },
        status=status,
    )


def _closed(request, message: str, status: int = 410):
    return render(request, "evaluations/link_closed.html", {"message": message}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def survey(request, course_id: int, wave: str):
    """A signed-in learner answers one of their own surveys (from My learning)."""
    from courses.models import CoursePage

    if wave not in WaveKind.values:
        raise Http404
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    existing = services.response_for(request.user, course, wave)
    if existing and existing.is_submitted:
        messages.info(request, "You have already sent your answers to this survey. Thank you.")
        return redirect("my_learning")
    try:
        instrument, invitation = services.available_instrument(request.user, course, wave)
    except services.SurveyUnavailable as refusal:
        raise Http404(str(refusal)) from None
    response = services.start_response(request.user, course, wave, instrument, invitation)
    # "You wrote… What has changed since?": only to the learner signed in, never by email.
    reflection = (
        services.latest_reflection(request.user, course) if wave in FOLLOW_UP_WAVES else None
    )
    # Before lesson 1 the answers lead to it (or "Skip for now" does, unless the module
    # waits for them); at the end they lead back to the module, which shows the change.
    checks, done_url, skip_url = (), reverse("my_learning"), None
    if wave in BEFORE_AND_AFTER_WAVES:
        checks = before_after.module_checks(course)
        first = course.lessons().first()
        done_url = first.url if wave == WaveKind.BASELINE and first else course.url
        if wave == WaveKind.BASELINE and first and not course.before_questions_required:
            skip_url = first.url
    return _answer(
        request,
        response,
        course=course,
        wave=wave,
        action_url=request.path,
        done_url=done_url,
        reflection=reflection,
        checks=checks,
        skip_url=skip_url,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def follow_up_by_link(request, invitation_id: int, token: str):
    """Answer a follow-up through the emailed link, signed in as its person or not signed
    in. Someone else signed in is refused: what they sent would count as the link's
    person's answers."""
    invitation = services.invitation_for_link(invitation_id, token)
    if invitation is None:
        raise Http404("This link does not work. Check it is complete, or use the latest email.")
    signed_in = request.user.is_authenticated
    if signed_in and request.user.pk != invitation.user_id:
        # Answers saved here would be recorded as the link's person's, not the signed-in
        # person's: refuse, and save nothing.
        return render(request, "evaluations/link_for_someone_else.html", status=403)
    if invitation.status == InvitationStatus.RESPONDED:
        return _closed(request, "You have already sent your answers to this survey. Thank you.")
    if invitation.status == InvitationStatus.OPTED_OUT:
        return _closed(request, "You asked not to receive follow-up surveys, so it is closed.")
    if not services.follow_up_is_open(invitation):
        return _closed(request, "This survey has closed. Thank you for your time.")
    instrument = WaveInstrument.resolve(invitation.wave, invitation.course, invitation.partnership)
    if instrument is None or invitation.course is None or not invitation.course.live:
        return _closed(request, "This survey is no longer running.")
    response = services.start_response(
        invitation.user, invitation.course, invitation.wave, instrument, invitation
    )
    if response.is_submitted:
        return _closed(request, "You have already sent your answers to this survey. Thank you.")
    # Their own reflection, as on My learning: only to the invitee signed in. A signed-out
    # holder of the link sees none of it (anyone else signed in was refused above).
    is_invitee = signed_in and request.user.pk == invitation.user_id
    reflection = (
        services.latest_reflection(request.user, invitation.course)
        if is_invitee and invitation.wave in FOLLOW_UP_WAVES
        else None
    )
    return _answer(
        request,
        response,
        course=invitation.course,
        wave=invitation.wave,
        action_url=request.path,
        done_url=reverse("evaluations:thanks"),
        reflection=reflection,
        show_saved=is_invitee,
    )


@require_GET
def saved(request):
    """Where answers saved through the emailed link, without signing in, lead."""
    return render(request, "evaluations/saved.html")


def thanks(request):
    return render(request, "evaluations/thanks.html")


@csrf_exempt  # the token is the credential; mail programs POST here for one-click (RFC 8058)
@never_cache
@require_http_methods(["GET", "POST"])
def opt_out_by_link(request, invitation_id: int, token: str):
    """Stop follow-up surveys. GET asks (so link checkers in mail systems cannot opt
    people out by opening the link); one press of the button, or the mail program's own
    unsubscribe button, does it."""
    invitation = services.invitation_for_link(invitation_id, token)
    if invitation is None or invitation.user is None:
        raise Http404("This link does not work.")
    if request.method == "POST":
        services.opt_out(invitation.user)
        return render(request, "evaluations/opted_out.html")
    return render(
        request,
        "evaluations/opt_out.html",
        {"already": services.is_opted_out(invitation.user), "action_url": request.path},
    )


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    """Signed in: stop or restart follow-up surveys."""
    if request.method == "POST":
        if request.POST.get("choice") == "stop":
            services.opt_out(request.user)
            messages.success(request, "You will not be sent follow-up surveys.")
        elif request.POST.get("choice") == "start":
            services.opt_back_in(request.user)
            messages.success(request, "You will be sent follow-up surveys again.")
        return redirect("evaluations:preferences")
    return render(
        request,
        "evaluations/preferences.html",
        {"opted_out": services.is_opted_out(request.user)},
    )


@login_required
def my_answers_csv(request):
    """Data rights: everything the learner has answered, as a spreadsheet."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-survey-answers.csv"'
    writer = SafeCsvWriter(
        response, ["Module", "Survey", "Status", "Started", "Sent", "Question", "Measure", "Answer"]
    )
    for answer in services.answers_for_download(request.user):
        r = answer.response
        writer.writerow(
            [
                r.course.title if r.course else "",
                r.get_wave_display(),
                r.get_status_display(),
                timezone.localtime(r.started_at).strftime("%Y-%m-%d %H:%M"),
                timezone.localtime(r.submitted_at).strftime("%Y-%m-%d %H:%M")
                if r.submitted_at
                else "",
                answer.question.text,
                answer.measure.name if answer.measure else "",
                answer.display_value(),
            ]
        )
    return response


@login_required
@require_GET
@audited(AuditEvent.Action.ANALYTICS_VIEWED)
def trainer_counts(request):
    """Per module and wave: invited, sent, responded, expired, opted out, response rate.
    The trainer's own partnership only; counts, never who answered or what."""
    user = request.user
    if not user.has_perm(TRAINER_PERMISSION) or user.partnership_id is None:
        raise PermissionDenied
    audit_scope(request, user.partnership, page="survey response counts")
    return render(
        request,
        "evaluations/trainer_counts.html",
        {"rows": services.wave_counts(user.partnership), "partnership": user.partnership},
    )
