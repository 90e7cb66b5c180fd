"""Inviting learners from a spreadsheet, in the Wagtail admin.

Upload a CSV, look over every row (the problems first), then import the whole clean file
or only its good rows; a Celery task sends the invitations and the page shows how far it
has got. Only people who may invite (``learning_site.add_invitation``) get here; a
partnership administrator imports into their own partnership only, a platform
administrator names the partnership.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from learning_site.bulk_invitations import (
    COLUMNS,
    FileProblem,
    agency_lookup,
    can_retry,
    create_import,
    max_bytes,
    max_rows,
    read_csv,
    retry_import,
    size_in_words,
    start_import,
)
from learning_site.models import InvitationImport, Partnership
from learning_site.models.agencies import AGENCY_CHOICES
from learning_site.models.invitation_imports import ImportStatus, RowStatus

PERMISSION = "learning_site.add_invitation"
# The preview names at most this many problems at the top; the table shows them all.
SUMMARY_LIMIT = 50


def may_import(user) -> bool:
    return user.is_authenticated and user.has_perm(PERMISSION)


def partnerships_for(user):
    """The partnerships ``user`` may invite people to."""
    active = Partnership.objects.active()
    if user.is_administrator:
        return active
    if user.partnership_id is None:
        return active.none()
    return active.filter(pk=user.partnership_id)


def imports_for(user):
    imports = InvitationImport.objects.select_related("partnership", "uploaded_by")
    if user.is_administrator:
        return imports
    if user.partnership_id is None:
        return imports.none()
    return imports.filter(partnership_id=user.partnership_id)


class UploadForm(forms.Form):
    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.none(),
        label="Partnership",
        empty_label="Choose a partnership",
        error_messages={
            "required": "Choose the partnership to invite these people to.",
            "invalid_choice": "Choose a partnership you can invite people to.",
        },
    )
    file = forms.FileField(
        label="CSV file",
        error_messages={
            "required": "Select a CSV file.",
            "empty": "The selected file is empty.",
            "invalid": "Select a CSV file.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    replaces = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = self.fields["partnership"]
        field.queryset = partnerships_for(user)
        if not user.is_administrator:
            # Their own partnership, named on the page; a posted id for any other
            # partnership is refused by the queryset.
            field.widget = forms.HiddenInput()
            field.initial = user.partnership_id
        self.fields["file"].help_text = (
            f"A CSV file saved as UTF-8, smaller than {size_in_words(max_bytes())}, with up "
            f"to {max_rows():,} people."
        )
        self.parsed = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            raise forms.ValidationError(
                f"The selected file must be smaller than {size_in_words(max_bytes())}. "
                f"It is {size_in_words(upload.size)}: split it into smaller files."
            )
        try:
            self.parsed = read_csv(upload.read())
        except FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload


class ImportAdminView(WagtailAdminTemplateMixin, TemplateView):
    """Wagtail admin furniture, and only for people who may invite."""

    header_icon = "mail"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def breadcrumbs(self, *extra):
        return [
            {"url": reverse("wagtailadmin_home"), "label": "Home"},
            {"url": reverse("invitation:index"), "label": "Invitations"},
            *extra,
        ]


class UploadView(ImportAdminView):
    template_name = "learning_site/admin/invitation_import_upload.html"
    page_title = "Invite learners from a spreadsheet"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs({"label": self.page_title})

    def get_form(self):
        if self.request.method == "POST":
            return UploadForm(self.request.POST, self.request.FILES, user=self.request.user)
        return UploadForm(user=self.request.user)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form = form or self.get_form()
        own = partnerships_for(user).first() if not user.is_administrator else None
        context.update(
            form=form,
            own_partnership=own,
            agencies=agency_lookup(own)[1] if own else [],
            columns=COLUMNS,
            max_rows=f"{max_rows():,}",
            expire_days=settings.INVITATION_EXPIRE_DAYS,
            max_size=size_in_words(max_bytes()),
            recent=imports_for(user).filter(uploaded_by=user)[:5],
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=200)
        record = create_import(
            form.cleaned_data["partnership"],
            form.parsed,
            by=request.user,
            filename=form.cleaned_data["file"].name,
        )
        replaced = form.cleaned_data.get("replaces")
        if replaced:
            # The file this one corrects was never imported: it goes, so its people's
            # details are not kept for nothing.
            imports_for(request.user).filter(
                pk=replaced, status=ImportStatus.CHECKED, uploaded_by=request.user
            ).delete()
        return redirect("invitation_import_detail", import_id=record.pk)


class DetailView(ImportAdminView):
    """The preview of a checked file, or the progress of an import."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.record = None

    def get_record(self) -> InvitationImport:
        record = imports_for(self.request.user).filter(pk=self.kwargs["import_id"]).first()
        if record is None:
            raise Http404("No such import.")
        return record

    def get_template_names(self):
        if self.record.status == ImportStatus.CHECKED:
            return ["learning_site/admin/invitation_import_preview.html"]
        return ["learning_site/admin/invitation_import_progress.html"]

    def get_page_title(self):
        return {
            ImportStatus.CHECKED: "Check the people in your file",
            ImportStatus.DONE: "Invitations sent",
            ImportStatus.FAILED: "Not every invitation was sent",
        }.get(self.record.status, "Sending invitations")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs(
            {"url": reverse("invitation_import"), "label": "Invite from a spreadsheet"},
            {"label": self.record.filename or "Your file"},
        )

    def get(self, request, *args, **kwargs):
        self.record = self.get_record()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.record
        show_problems = self.request.GET.get("show") == "problems"
        rows = record.rows.all()
        if record.status == ImportStatus.CHECKED:
            problems = list(rows.filter(status=RowStatus.ERROR)[: SUMMARY_LIMIT + 1])
            context.update(
                problems=problems[:SUMMARY_LIMIT],
                more_problems=max(0, record.rows_with_errors - SUMMARY_LIMIT),
                upload_form=UploadForm(
                    user=self.request.user,
                    initial={"partnership": record.partnership_id, "replaces": record.pk},
                ),
            )
            if show_problems:
                rows = rows.filter(status__in=[RowStatus.ERROR, RowStatus.SKIPPED])
        else:
            if show_problems:
                rows = rows.exclude(status=RowStatus.INVITED)
            context.update(can_retry=can_retry(record))
        names = agency_names(record.partnership)
        rows = list(rows)
        for row in rows:
            row.agency_name = names.get(row.agency, "") if row.agency else row.agency_given
        context.update(record=record, rows=rows, show_problems=show_problems)
        return context

    def post(self, request, *args, **kwargs):
        self.record = record = self.get_record()
        action = request.POST.get("action")
        # Starting (once) needs no message: the page it lands on says how far it has got.
        if action in ("import_all", "import_good"):
            started = start_import(record, import_all=action == "import_all")
            if not started and record.status == ImportStatus.CHECKED:
                messages.error(
                    request,
                    "Some rows have a problem, so the whole file cannot be imported. Import "
                    "the good rows, or upload a corrected file."
                    if record.rows_to_invite
                    else "There is nobody in this file to invite.",
                )
        elif action == "retry":
            retry_import(record)
        return redirect("invitation_import_detail", import_id=record.pk)


def agency_names(partnership) -> dict[str, str]:
    """Agency code -> the name this partnership gives it."""
    names = dict(AGENCY_CHOICES)
    names.update({a.kind: a.name or names.get(a.kind, a.kind) for a in partnership.agencies.all()})
    return names
