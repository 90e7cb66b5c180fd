from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evaluations.reports import access
from evaluations.reports.exporting import request_export
from evaluations.reports.exports import report_csv
from evaluations.reports.filters import (
    ReportFilterForm,
    filters_from_query,
    live_modules,
    top_job_roles,
)
from evaluations.reports.forms import ExportRequestForm, IndicatorValueForm, OutcomeIndicatorForm
from evaluations.reports.indicators import ensure_default_indicators
from evaluations.reports.models import (
    ExportStatus,
    IndicatorValue,
    OutcomeIndicator,
    ReportExport,
)
from evaluations.reports.report import cached_report
from learning_site.auditing import audit_scope, audited, record_viewing_as
from learning_site.converters import parse_object_id
from learning_site.files import private_file_response
from learning_site.models import AuditEvent


def _filter_form(request) -> ReportFilterForm:
    partnership = request.report_partnership
    requested = parse_object_id(request.GET.get("partnership"))
    if request.user.is_administrator and requested is not None:
        from learning_site.models import Partnership

        partnership = Partnership.objects.filter(pk=requested).first() or partnership
    form = ReportFilterForm(
        request.GET or None,
        user=request.user,
        partnership=partnership,
        modules=live_modules(),
        job_roles=top_job_roles(partnership),
    )
    if form.is_bound:
        form.is_valid()
    elif "partnership" in form.fields:
        form.initial["partnership"] = partnership.pk
    return form


def _filters(request):
    """The filter form and the filters it gives. A platform administrator looking at
    another partnership (their explicit ``?partnership=`` choice) is recorded."""
    form = _filter_form(request)
    filters = form.to_filters()
    record_viewing_as(request, filters.partnership)
    return form, filters


@require_GET
@access.report_viewer_required
@audited(AuditEvent.Action.REPORT_VIEWED)
def reports_home(request):
    form, filters = _filters(request)
    audit_scope(request, filters.partnership, filters=filters.as_query())
    report = cached_report(filters)
    query = filters.as_query()
    return render(
        request,
        "impact_reports/report.html",
        {
            "form": form,
            "report": report,
            "filters": filters,
            "export_form": ExportRequestForm(),
            "export_query": _urlencode(query),
            "csv_url": reverse("reports_csv") + "?" + _urlencode(query),
            "recent_exports": ReportExport.objects.owned_by(request.user)[:5],
            "can_manage_indicators": request.user.has_perm(access.MANAGE_INDICATORS_PERMISSION),
            "can_approve_comments": request.user.has_perm(access.TRAINER_PERMISSION),
        },
    )


def _urlencode(query: dict) -> str:
    from django.utils.http import urlencode

    return urlencode(query)


@require_GET
@access.report_viewer_required
@audited(AuditEvent.Action.EXPORT_DOWNLOADED)
def reports_csv(request):
    form, filters = _filters(request)
    audit_scope(request, filters.partnership, format="csv", filters=filters.as_query())
    response = HttpResponse(
        report_csv(cached_report(filters)), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="training-impact-{filters.partnership.slug}-{stamp}.csv"'
    )
    return response


@require_POST
@access.report_viewer_required
def reports_export_new(request):
    form, filters = _filters(request)
    export_form = ExportRequestForm(request.POST)
    if not export_form.is_valid():
        messages.error(request, "Choose CSV or PDF for the export.")
        return redirect(reverse("reports_home") + "?" + request.GET.urlencode())
    export = request_export(
        request.user, filters.partnership, export_form.cleaned_data["export_format"], filters
    )
    return redirect("reports_export", export_id=export.pk)


def _own_export(request, export_id) -> ReportExport:
    """An export the person asked for, of a partnership they may still read: someone who
    has moved to another partnership no longer gets the old one's board packs."""
    exports = ReportExport.objects.owned_by(request.user).select_related("partnership")
    if not request.user.is_administrator:
        exports = exports.filter(partnership=request.report_partnership)
    export = get_object_or_404(exports, pk=export_id)
    record_viewing_as(request, export.partnership)
    return export


@require_GET
@access.report_viewer_required
def reports_export(request, export_id):
    export = _own_export(request, export_id)
    # The filters the file is (or will be) built with, read back from the export itself.
    filters = filters_from_query(export.filters, export.partnership)
    return render(
        request,
        "impact_reports/export.html",
        {"export": export, "filters_applied": filters.describe()},
    )


@require_GET
@access.report_viewer_required
@audited(AuditEvent.Action.EXPORT_DOWNLOADED)
def reports_export_download(request, export_id):
    export = _own_export(request, export_id)
    if export.status != ExportStatus.READY or not export.file:
        raise Http404("This export is not ready.")
    audit_scope(
        request,
        export.partnership,
        format=export.export_format,
        export=str(export.pk),
        filters=export.filters,
    )
    content_type = "text/csv; charset=utf-8" if export.export_format == "csv" else "application/pdf"
    # The only way a board pack leaves private storage (it has no public address).
    return private_file_response(export.file, filename=export.filename, content_type=content_type)


# --- local outcome indicators -----------------------------------------------------------
@require_GET
@access.indicator_manager_required
def reports_indicators(request):
    partnership = access.partnership_for_indicators(request, request.GET.get("partnership"))
    ensure_default_indicators(partnership)
    rows = [
        {"indicator": indicator, "values": list(indicator.values.all())}
        for indicator in partnership.outcome_indicators.prefetch_related("values")
    ]
    return render(
        request, "impact_reports/indicator_list.html", {"partnership": partnership, "rows": rows}
    )


@require_http_methods(["GET", "POST"])
@access.indicator_manager_required
def reports_indicator_new(request):
    partnership = access.partnership_for_indicators(
        request, request.POST.get("partnership") or request.GET.get("partnership")
    )
    form = OutcomeIndicatorForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        indicator = form.save(commit=False)
        indicator.partnership = partnership
        indicator.slug = _unique_slug(partnership, indicator.name)
        indicator.save()
        messages.success(request, f"Indicator “{indicator.name}” added. Now enter its figures.")
        return redirect("reports_indicator", indicator_id=indicator.pk)
    return render(
        request, "impact_reports/indicator_form.html", {"form": form, "partnership": partnership}
    )


def _unique_slug(partnership, name: str) -> str:
    from django.utils.text import slugify

    base = slugify(name)[:70] or "indicator"
    slug, n = base, 2
    while OutcomeIndicator.objects.filter(partnership=partnership, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _indicator_for(request, indicator_id) -> OutcomeIndicator:
    qs = OutcomeIndicator.objects.select_related("partnership")
    if not request.user.is_administrator:
        qs = qs.filter(partnership=request.report_partnership)
    indicator = get_object_or_404(qs, pk=indicator_id)
    record_viewing_as(request, indicator.partnership)
    return indicator


@require_http_methods(["GET", "POST"])
@access.indicator_manager_required
def reports_indicator(request, indicator_id):
    """Edit an indicator's description and add or correct its quarterly figures."""
    indicator = _indicator_for(request, indicator_id)
    details = OutcomeIndicatorForm(
        request.POST if request.POST.get("action") == "details" else None,
        instance=indicator,
        partnership=indicator.partnership,
    )
    value_form = IndicatorValueForm(
        request.POST if request.POST.get("action") == "value" else None, indicator=indicator
    )
    if request.method == "POST":
        if request.POST.get("action") == "details" and details.is_valid():
            details.save()
            messages.success(request, "Indicator details saved.")
            return redirect("reports_indicator", indicator_id=indicator.pk)
        if request.POST.get("action") == "value" and value_form.is_valid():
            value, created = value_form.save()
            verb = "added" if created else "updated"
            messages.success(request, f"Figure for {value.quarter_label} {verb}.")
            return redirect("reports_indicator", indicator_id=indicator.pk)
    return render(
        request,
        "impact_reports/indicator_detail.html",
        {
            "indicator": indicator,
            "details_form": details,
            "value_form": value_form,
            "values": indicator.values.order_by("-quarter_start"),
        },
    )


@require_POST
@access.indicator_manager_required
def reports_indicator_value_delete(request, indicator_id, value_id):
    indicator = _indicator_for(request, indicator_id)
    value = get_object_or_404(IndicatorValue, pk=value_id, indicator=indicator)
    label = value.quarter_label
    value.delete()
    messages.success(request, f"Figure for {label} removed.")
    return redirect("reports_indicator", indicator_id=indicator.pk)


# --- comments approved for sharing ------------------------------------------------------
@require_GET
@access.comment_moderator_required
@audited(AuditEvent.Action.ANSWERS_VIEWED)
def reports_comments(request):
    """Trainers read free-text answers (no names) and choose which the board may see."""
    from django.core.paginator import Paginator

    from evaluations.models import wave_label
    from evaluations.reports.comment_approval import free_text_answers

    partnership = request.report_partnership
    record_viewing_as(request, partnership)
    answers = free_text_answers(partnership)
    show = request.GET.get("show", "waiting")
    if show == "approved":
        answers = answers.filter(report_approval__isnull=False)
    elif show == "waiting":
        answers = answers.filter(report_approval__isnull=True)
    page = Paginator(answers, 25).get_page(request.GET.get("page"))
    for answer in page.object_list:
        answer.wave_label = wave_label(answer.response.wave)
    audit_scope(
        request,
        partnership,
        show=show if show in ("approved", "all") else "waiting",
        page=page.number,
    )
    return render(request, "impact_reports/comments.html", {"page": page, "show": show})


@require_POST
@access.comment_moderator_required
def reports_comment_approval(request, answer_id):
    from evaluations.reports.comment_approval import free_text_answers, set_approval

    record_viewing_as(request, request.report_partnership)
    answer = get_object_or_404(free_text_answers(request.report_partnership), pk=answer_id)
    approve = request.POST.get("decision") == "approve"
    set_approval(answer, approved=approve, by=request.user)
    messages.success(
        request,
        "Comment approved: board members will see it, without a name."
        if approve
        else "Comment withdrawn from the report.",
    )
    show = request.POST.get("show", "waiting")
    return redirect(
        reverse("reports_comments")
        + f"?show={show if show in ('waiting', 'approved', 'all') else 'waiting'}"
    )
