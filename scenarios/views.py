"""The player, the debrief and trainer analytics. Thin: the work is in services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from learning_site.auditing import audit_scope, audited
from learning_site.models import AuditEvent
from scenarios import analytics, services
from scenarios.models import ScenarioAttempt, ScenarioPage

ANALYTICS_PERMISSION = "learning_site.view_trainer_analytics"


def _own_attempt(request, attempt_id: int) -> ScenarioAttempt:
    """The signed-in person's own attempt, or 404 (never reveal someone else's)."""
    return get_object_or_404(
        ScenarioAttempt.objects.select_related("scenario"), pk=attempt_id, user=request.user
    )


def _live_scenario(page_id: int) -> ScenarioPage:
    return get_object_or_404(ScenarioPage.objects.live().public(), pk=page_id)


@login_required
@require_POST
def start_attempt(request, page_id: int):
    page = _live_scenario(page_id)
    origin = services.origin_page(request.POST.get("from"), page)
    try:
        attempt = services.start_attempt(request.user, page, came_from=origin)
    except services.ScenarioUnavailable as error:
        messages.error(request, str(error))
        return redirect(page.url)
    return redirect("scenario_attempt", attempt_id=attempt.pk)


@login_required
def play(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_complete:
        return redirect("scenario_debrief", attempt_id=attempt.pk)
    page = attempt.scenario
    node = services.current_node(attempt)
    decisions = list(attempt.decisions.order_by("sequence"))
    return render(
        request,
        "scenarios/attempt.html",
        {
            "page": page,
            "attempt": attempt,
            "node": node,
            "choices": services.open_choices(node, services.facts_so_far(decisions))
            if node
            else [],
            "last_decision": decisions[-1] if decisions else None,
            "record": services.case_record(attempt, decisions),
            "weeks_text": services.weeks_in_words(attempt.weeks_elapsed),
            "clock": clock_bar(attempt.weeks_elapsed),
        },
    )


@login_required
@require_POST
def move(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    try:
        decision = services.make_move(
            attempt,
            at_node_key=request.POST.get("at", ""),
            step=_posted_step(request.POST.get("step")),
            choice_id=request.POST.get("choice", ""),
        )
    except services.MoveRefused as refusal:
        messages.warning(request, refusal.message)
    else:
        for notice in decision.notices:
            messages.success(request, notice)
    attempt.refresh_from_db()
    if attempt.is_complete:
        return redirect("scenario_debrief", attempt_id=attempt.pk)
    return redirect("scenario_attempt", attempt_id=attempt.pk)


def _posted_step(value: str | None) -> int:
    """The step the page was drawn at, or -1 (refused as stale) if that is not a number.
    ASCII digits only: "²".isdigit() is true, but int() cannot read it."""
    if value and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return -1


@login_required
def debrief(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_complete:
        messages.info(request, "The debrief opens when you reach an ending.")
        return redirect("scenario_attempt", attempt_id=attempt.pk)
    report = services.build_debrief(attempt)
    origin = services.came_from(attempt)
    debrief_url = request.build_absolute_uri(reverse("scenario_debrief", args=[attempt.pk]))
    return render(
        request,
        "scenarios/debrief.html",
        {
            "page": attempt.scenario,
            "attempt": attempt,
            "debrief": report,
            "weeks_text": services.weeks_in_words(attempt.weeks_elapsed),
            "clock": clock_bar(attempt.weeks_elapsed, report.child_focused_weeks),
            "debrief_path": reverse("scenario_debrief", args=[attempt.pk]),
            "debrief_url": debrief_url,
            "came_from": origin,
            "came_from_parent": origin.get_parent() if origin is not None else None,
        },
    )


def _analytics_page(request, page_id: int) -> ScenarioPage:
    if not request.user.has_perm(ANALYTICS_PERMISSION):
        raise PermissionDenied("Only trainers and administrators can see scenario analytics.")
    try:
        return ScenarioPage.objects.get(pk=page_id)
    except ScenarioPage.DoesNotExist as missing:
        raise Http404("No such scenario.") from missing


def _audit_analytics(request, page: ScenarioPage, scope, **detail) -> None:
    audit_scope(request, scenario=page.pk, scenario_title=page.title, scope=scope[1], **detail)


@login_required
@require_GET
@audited(AuditEvent.Action.ANALYTICS_VIEWED)
def analytics_view(request, page_id: int):
    page = _analytics_page(request, page_id)
    scope = analytics.scope_for(request.user)
    _audit_analytics(request, page, scope)
    report = analytics.scenario_analytics(page, scope)
    return render(
        request, "scenarios/analytics.html", {"page": page, "report": report, "scenario": page}
    )


@login_required
@require_GET
@audited(AuditEvent.Action.ANALYTICS_VIEWED)
def analytics_csv(request, page_id: int):
    page = _analytics_page(request, page_id)
    scope = analytics.scope_for(request.user)
    _audit_analytics(request, page, scope, format="csv")
    report = analytics.scenario_analytics(page, scope)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="scenario-{page.slug}-analytics.csv"'
    analytics.write_csv(report, response)
    return response


def clock_bar(weeks: int, best: int | None = None) -> dict:
    """Sizes for the child's clock drawn as an SVG bar (a year is the full width, longer
    waits overflow to a second scale)."""
    scale = max(52, weeks, best or 0)
    width = 300

    def x(value: int) -> int:
        return round(width * value / scale)

    return {
        "width": width,
        "fill": x(weeks),
        "best": x(best) if best is not None else None,
        "scale_weeks": scale,
    }
