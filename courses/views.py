from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string
from django.views.decorators.http import require_http_methods, require_POST

from courses import cpd, pdf, progress_rows, services
from courses.certificate_files import stored_certificate
from courses.forms import CertificateCodeForm, JournalEntryForm
from courses.models import GIBBS_HEADINGS, Certificate, CoursePage, JournalEntry
from learning_site import page_routing
from learning_site.converters import parse_object_id
from learning_site.files import private_file_response
from learning_site.search_results import nothing_found


def _live_course(course_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live().public(), pk=course_id)


@login_required
@require_POST
def enrol(request, course_id: int):
    course = _live_course(course_id)
    try:
        services.enrol(request.user, course)
    except services.EnrolmentRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(course.url)
    messages.success(request, f"You are enrolled on '{course.title}'.")
    # The module's 'before' survey comes first, if the partnership set one.
    status = services.course_status_for(request.user, course)
    services.add_before_after(request.user, [status])
    if status.before_survey_url:
        return redirect(status.before_survey_url)
    first = status.resume_lesson
    return redirect(first.url if first else course.url)


@login_required
@require_POST
def leave(request, course_id: int):
    course = _live_course(course_id)
    enrolment = services.active_enrolment(request.user, course)
    if enrolment is None:
        raise Http404("You are not enrolled on this module.")
    services.leave(enrolment)
    messages.success(
        request, f"You have left '{course.title}'. Your progress is kept if you come back."
    )
    return redirect("my_learning")


@login_required
def my_learning(request):
    # The page links to modules: their addresses need the site, from the shared cache.
    page_routing.find_site(request)
    in_progress, completed = [], []
    statuses = services.course_statuses_for(request.user, services.current_enrolments(request.user))
    for status in statuses:
        # As on the module page: progress recorded before completion was checked
        # everywhere is completed here. No query when there is nothing to record.
        services.evaluate_completion(request.user, status.course, status)
        (completed if status.completion else in_progress).append(status)
    services.add_before_after(request.user, statuses)
    panels = []
    for path in settings.MY_LEARNING_PANELS:
        panel = import_string(path)(request)
        if panel:
            panels.append(panel)
    journal_count = progress_rows.rows_for(request.user).journal_entries
    return render(
        request,
        "courses/my_learning.html",
        {
            "in_progress": in_progress,
            "completed": completed,
            "panels": panels,
            "journal_count": journal_count,
        },
    )


# --- Journal: every query is limited to the signed-in author ------------------------------


def _own_entry(request, entry_id: int) -> JournalEntry:
    return get_object_or_404(JournalEntry.objects.owned_by(request.user), pk=entry_id)


def _safe_next(request, fallback: str) -> str:
    """Where to go after saving: a path on this site, else ``fallback``. Anything not
    starting with "/" would be taken by ``redirect`` for a view name."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


# Every field holding the learner's words, or the prompt and origin they answered.
SEARCHED_FIELDS = (
    "title",
    "body",
    *(name for name, _, _ in GIBBS_HEADINGS),
    "prompt",
    "source_label",
)


# The journal's "Where it came from" filter: value in the address, label on the page.
JOURNAL_SOURCES = {
    "lesson": "Lesson reflections",
    "scenario": "Scenario debriefs",
    "free": "My own entries",
}


@login_required
def journal(request):
    entries = JournalEntry.objects.owned_by(request.user).select_related("course")
    query = request.GET.get("q", "").strip()[:200]
    source = request.GET.get("source", "")
    course_id = request.GET.get("module", "")
    if query:
        matches = Q()
        for name in SEARCHED_FIELDS:
            matches |= Q(**{f"{name}__icontains": query})
        entries = entries.filter(matches)
    if source == "lesson":
        entries = entries.exclude(lesson=None)
    elif source == "scenario":
        entries = entries.filter(source_label__startswith="Scenario")
    elif source == "free":
        entries = entries.filter(lesson=None).exclude(source_label__startswith="Scenario")
    module_pk = parse_object_id(course_id)
    if module_pk is not None:
        entries = entries.filter(course_id=module_pk)
    modules = CoursePage.objects.filter(
        pk__in=JournalEntry.objects.owned_by(request.user).exclude(course=None).values("course_id")
    )
    page = Paginator(entries, 20).get_page(request.GET.get("page"))
    filters = []
    if source in JOURNAL_SOURCES:
        filters.append(("filter", JOURNAL_SOURCES[source]))
    module = next((m for m in modules if m.pk == module_pk), None)
    if module is not None:
        filters.append(("module", module.title))
    return render(
        request,
        "courses/journal.html",
        {
            "page": page,
            "query": query,
            "source": source,
            "sources": JOURNAL_SOURCES,
            "module_id": course_id,
            "modules": modules,
            "filtered": bool(filters),
            "nothing_found": nothing_found("entries", query, filters),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def journal_new(request):
    """New entry. Also receives reflections posted from scenario debriefs: hidden
    ``prompt``, ``source_label``, ``source_url`` and ``next`` travel with the text."""
    data = request.POST if request.method == "POST" else None
    origin = {
        "prompt": (request.POST or request.GET).get("prompt", "")[:2000],
        "source_label": (request.POST or request.GET).get("source_label", "")[:255],
        "source_url": (request.POST or request.GET).get("source_url", "")[:500],
    }
    if not url_has_allowed_host_and_scheme(
        origin["source_url"], allowed_hosts={request.get_host()}
    ):
        origin["source_url"] = ""
    form = JournalEntryForm(data, initial={"next": request.GET.get("next", "")})
    if data is not None and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "next"}
        key = fields.pop("submission_key", "")
        earlier = (
            key and JournalEntry.objects.owned_by(request.user).filter(submission_key=key).first()
        )
        if earlier:
            # The same form sent again (a double click, or a resend): show what was saved.
            messages.info(request, "This entry is already saved in your journal.")
            return redirect(entry_url(earlier))
        entry = JournalEntry(author=request.user, submission_key=key)
        try:
            services.save_journal_entry(entry, **fields, **origin)
        except IntegrityError:
            # Both copies arrived at once and the other one was saved first.
            earlier = JournalEntry.objects.owned_by(request.user).get(submission_key=key)
            messages.info(request, "This entry is already saved in your journal.")
            return redirect(entry_url(earlier))
        messages.success(request, "Your reflection is saved in your journal.")
        return redirect(_safe_next(request, entry_url(entry)))
    return render(
        request,
        "courses/journal_form.html",
        {"form": form, "origin": origin, "entry": None},
        status=400 if form.errors else 200,
    )


def entry_url(entry) -> str:
    from django.urls import reverse

    return reverse("journal_entry", args=[entry.pk])


@login_required
def journal_entry(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    return render(
        request,
        "courses/journal_entry.html",
        {"entry": entry, "versions": entry.versions.all()[:20]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def journal_edit(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    form = JournalEntryForm(request.POST if request.method == "POST" else None, instance=entry)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k not in ("next", "submission_key")}
        services.save_journal_entry(_own_entry(request, entry_id), **fields)
        messages.success(
            request, "Your changes are saved. The earlier version is kept below the entry."
        )
        return redirect("journal_entry", entry_id=entry.pk)
    return render(
        request,
        "courses/journal_form.html",
        {"form": form, "entry": entry, "origin": {}},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def journal_delete(request, entry_id: int):
    entry = _own_entry(request, entry_id)
    if request.method == "POST":
        entry.delete()
        messages.success(request, "The journal entry and its earlier versions are deleted.")
        return redirect("journal")
    return render(request, "courses/journal_delete.html", {"entry": entry})


# --- Certificates and CPD record ---------------------------------------------------------


@login_required
def certificate_pdf(request, code: str):
    certificate = get_object_or_404(
        Certificate.objects.only("pk"), code=code, completion__user=request.user
    )
    certificate = stored_certificate(certificate.pk)
    return private_file_response(
        certificate.file, filename=certificate.filename, content_type="application/pdf"
    )


def certificate_verify(request):
    """Anyone can check a certificate by its code; the form is GET so a link can carry it
    (the certificate's QR code does). Opened without ``code`` it is an empty form."""
    form = CertificateCodeForm(request.GET if "code" in request.GET else None)
    code = certificate = None
    if form.is_valid():
        code = form.cleaned_data["code"]
        certificate = Certificate.objects.filter(code=code).first()
    return render(
        request,
        "courses/certificate_verify.html",
        {"form": form, "code": code, "certificate": certificate},
    )


@login_required
def cpd_record(request):
    record = cpd.cpd_record_for(request.user)
    return render(request, "courses/cpd_record.html", {"record": record})


@login_required
def cpd_record_csv(request):
    response = HttpResponse(
        cpd.cpd_csv(cpd.cpd_record_for(request.user)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="cpd-record.csv"'
    return response


@login_required
def cpd_record_pdf(request):
    response = HttpResponse(
        pdf.cpd_pdf(cpd.cpd_record_for(request.user), request.user), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="cpd-record.pdf"'
    return response
