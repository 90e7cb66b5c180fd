"""Setting up partnerships and their people in the Wagtail admin: partnerships, invitations,
the audit log, and Wagtail's user screens with partnership, agency and job role."""

from __future__ import annotations

from django import forms
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import HeaderButton
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import CreateView as UserCreateView
from wagtail.users.views.users import EditView as UserEditView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from learning_site.admin_forms import ForgedIdMixin
from learning_site.admin_scoping import (
    OwnPartnershipPermissionPolicy,
    ScopedDeleteView,
    ScopedEditView,
    ScopedHistoryView,
    ScopedIndexView,
    ScopedInspectView,
    ScopedUsageView,
)
from learning_site.invitations import InvitationError, check_can_invite, invite
from learning_site.models import AuditEvent, Invitation, Partnership, record_event


# --- Partnerships ----------------------------------------------------------------------
class PartnershipViewSet(ModelViewSet):
    model = Partnership
    icon = "group"
    menu_label = "Partnerships"
    add_to_admin_menu = False
    list_display = ["name", "is_active"]
    search_fields = ["name"]
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    @cached_property
    def permission_policy(self):
        return OwnPartnershipPermissionPolicy(Partnership, partnership_field="pk")


# --- Invitations -----------------------------------------------------------------------
class InvitationForm(WagtailAdminModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "full_name", "role", "partnership"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        field = self.fields["partnership"]
        field.queryset = Partnership.objects.active()
        if user is not None and not user.is_administrator:
            field.queryset = field.queryset.filter(pk=user.partnership_id)
            field.empty_label = None
            field.initial = user.partnership_id
        self.fields["full_name"].help_text = "Optional: used to greet them in the email."

    def clean(self):
        cleaned = super().clean()
        partnership, email = cleaned.get("partnership"), cleaned.get("email")
        if partnership and email:
            try:
                check_can_invite(partnership, email)
            except InvitationError as error:
                self.add_error("email", str(error))
        return cleaned


class SendInvitationMixin:
    """Saving the form sends the invitation (a renewed one for the same address)."""

    def save_instance(self):
        data = self.form.cleaned_data
        return invite(
            data["partnership"],
            data["email"],
            role=data["role"],
            full_name=data.get("full_name", ""),
            by=self.request.user,
            request=self.request,
        )

    def get_success_message(self, instance=None):
        instance = instance or self.object
        return f"Invitation sent to {instance.email}."


class SendInvitationView(SendInvitationMixin, CreateView):
    pass


class ResendInvitationView(SendInvitationMixin, ScopedEditView):
    pass


class InvitationIndexView(ScopedIndexView):
    """The invitations, with a way to invite many learners at once from a spreadsheet."""

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.has_perm("learning_site.add_invitation"):
            buttons.append(
                HeaderButton(
                    "Invite from a spreadsheet",
                    url=reverse("invitation_import"),
                    icon_name="upload",
                    priority=20,
                )
            )
        return buttons


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = "Invitations"
    list_display = ["email", "role", "partnership", "status", "created_at", "expires_at"]
    list_filter = ["role", "partnership"]
    search_fields = ["email", "full_name"]
    form_fields = ["email", "full_name", "role", "partnership"]
    index_view_class = InvitationIndexView
    add_view_class = SendInvitationView
    edit_view_class = ResendInvitationView
    # Wagtail's "Copy" made an invitation without sending or recording it; "Add" does both.
    copy_view_enabled = False
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    @cached_property
    def permission_policy(self):
        return OwnPartnershipPermissionPolicy(Invitation)

    def get_form_class(self, for_update=False):
        return InvitationForm


# --- Audit log -------------------------------------------------------------------------
class AuditEventViewSet(ModelViewSet):
    """Read-only: nobody edits or deletes the record of what was done."""

    model = AuditEvent
    icon = "history"
    menu_label = "Audit log"
    list_display = ["at", "actor_email", "action", "partnership", "subject_email", "path"]
    list_filter = ["action", "partnership"]
    search_fields = ["actor_email", "subject_email", "path"]
    form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = ScopedIndexView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    list_per_page = 50

    @cached_property
    def permission_policy(self):
        return OwnPartnershipPermissionPolicy(AuditEvent, read_only=True)


class PeopleGroup(ModelViewSetGroup):
    menu_label = "Partnerships"
    menu_icon = "group"
    menu_order = 700
    items = (PartnershipViewSet, InvitationViewSet, AuditEventViewSet)


# --- Wagtail's user screens -------------------------------------------------------------
PROFILE_FIELDS = ["full_name", "partnership", "agency", "job_role"]


class PeopleFormMixin(ForgedIdMixin, forms.ModelForm):
    # Our people have one full name, not a first and last name.
    first_name = None
    last_name = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = Partnership.objects.order_by("name")
        self.fields["partnership"].help_text = (
            "Moving someone to another partnership is recorded in the audit log. Their "
            "records move with them."
        )
        self.fields["groups"].queryset = Group.objects.order_by("name")


class PeopleCreationForm(PeopleFormMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = (UserCreationForm.Meta.fields - {"first_name", "last_name"}) | set(PROFILE_FIELDS)


class PeopleEditForm(PeopleFormMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = (UserEditForm.Meta.fields - {"first_name", "last_name"}) | set(PROFILE_FIELDS)


# Wagtail's "Administrator" tick box (is_superuser) gives full access like a role does.
SUPERUSER_ROLE = "Full access (superuser)"


def scope_roles(person) -> set[str]:
    """A person's roles as the audit log names them: their groups, and full access."""
    roles = set(person.groups.values_list("name", flat=True))
    if person.is_superuser:
        roles.add(SUPERUSER_ROLE)
    return roles


def record_changes_of_scope(request, person, *, before_partnership, before_groups) -> None:
    """Moving someone between partnerships, or changing their roles, is recorded."""
    person.__dict__.pop("role_names", None)
    if person.partnership_id != before_partnership:
        previous = Partnership.objects.filter(pk=before_partnership).first()
        record_event(
            AuditEvent.Action.PARTNERSHIP_CHANGED,
            actor=request.user,
            subject=person,
            partnership=person.partnership,
            request=request,
            previous=str(previous) if previous else None,
            new=str(person.partnership) if person.partnership_id else None,
        )
    after_groups = scope_roles(person)
    if after_groups != before_groups:
        record_event(
            AuditEvent.Action.ROLES_CHANGED,
            actor=request.user,
            subject=person,
            request=request,
            added=sorted(after_groups - before_groups),
            removed=sorted(before_groups - after_groups),
        )


class PeopleEditView(UserEditView):
    def save_instance(self):
        before = type(self.object).objects.get(pk=self.object.pk)
        before_groups = scope_roles(before)
        instance = super().save_instance()
        record_changes_of_scope(
            self.request,
            instance,
            before_partnership=before.partnership_id,
            before_groups=before_groups,
        )
        return instance


class PeopleCreateView(UserCreateView):
    def save_instance(self):
        instance = super().save_instance()
        record_changes_of_scope(
            self.request, instance, before_partnership=None, before_groups=set()
        )
        return instance


class PeopleViewSet(WagtailUserViewSet):
    add_view_class = PeopleCreateView
    edit_view_class = PeopleEditView

    def get_form_class(self, for_update=False):
        return PeopleEditForm if for_update else PeopleCreationForm
