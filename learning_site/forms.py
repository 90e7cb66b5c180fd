import contextlib
import secrets

from django import forms
from django.contrib.auth import password_validation

from learning_site.models import Agency, Partnership, User
from learning_site.sanitise import sanitise_text


def new_submission_key() -> str:
    """A one-time key for a form that must save once however often it is sent."""
    return secrets.token_urlsafe(32)


class ProfileFieldsMixin(forms.Form):
    """Name, agency and job role. A person's partnership is never on a form they fill in:
    it comes from an invitation, a claimed email domain or an administrator."""

    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        help_text="As it should appear on your certificates.",
        error_messages={"required": "Enter your full name."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    agency = forms.ChoiceField(
        label="Agency",
        choices=[("", "Choose your agency"), *Agency.choices],
        error_messages={
            "required": "Choose your agency.",
            "invalid_choice": "Choose your agency from the list.",
        },
        help_text="The kind of organisation you work for.",
    )
    job_role = forms.CharField(
        label="Job role",
        max_length=150,
        help_text="For example, social worker, health visitor, designated safeguarding lead.",
        error_messages={"required": "Enter your job role."},
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    def use_partnership(self, partnership: Partnership | None) -> None:
        """Offer the partnership's own agencies and job roles, where it has set them up."""
        if partnership is None:
            return
        self.fields["agency"].choices = [("", "Choose your agency"), *partnership.agency_choices()]
        roles = partnership.job_role_list()
        if roles:
            self.fields["job_role"].widget.attrs["list"] = "job-role-suggestions"
            self.job_role_suggestions = roles

    def clean_full_name(self):
        name = sanitise_text(self.cleaned_data["full_name"])
        if not name:
            raise forms.ValidationError("Enter your full name.")
        return name

    def clean_job_role(self):
        role = sanitise_text(self.cleaned_data["job_role"])
        if not role:
            raise forms.ValidationError("Enter your job role.")
        return role


class SignupProfileForm(ProfileFieldsMixin):
    """Extra questions on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS).

    The partnership is worked out from the address: an open invitation to it, or a domain
    a partnership has claimed (``AccountAdapter.clean_email`` refuses any other address).
    """

    field_order = ["full_name", "email", "agency", "job_role"]

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        agency = cleaned.get("agency")
        partnership = partnership_for_new_address(email) if email else None
        if email and partnership is None:
            domain = email.rsplit("@", 1)[-1]
            self.add_error(
                "email",
                f"No safeguarding partnership has set up sign-up for addresses ending in "
                f"@{domain}. Ask your partnership's learning lead to invite you, or use your "
                "work email address.",
            )
        if agency and partnership is not None and agency not in dict(partnership.agency_choices()):
            self.add_error(
                "agency",
                f"Choose one of {partnership}'s agencies: "
                + ", ".join(label for _, label in partnership.agency_choices())
                + ".",
            )
        return cleaned

    def signup(self, request, user):
        from learning_site.invitations import InvitationError, accept
        from learning_site.models import Invitation
        from learning_site.roles import Role, grant_role

        user.full_name = self.cleaned_data["full_name"]
        user.agency = self.cleaned_data["agency"]
        user.job_role = self.cleaned_data["job_role"]
        invitation = Invitation.objects.open_for(user.email).first()
        if invitation is None:
            user.partnership = Partnership.objects.claiming(user.email)
        user.save()
        grant_role(user, Role.LEARNER)
        if invitation is None and user.partnership_id:
            # Joining a partnership by its claimed domain is recorded like any other way in.
            from learning_site.models import AuditEvent, record_event
            from learning_site.models.partnerships import email_domain

            record_event(
                AuditEvent.Action.PARTNERSHIP_CHANGED,
                actor=user,
                subject=user,
                request=request,
                previous=None,
                new=user.partnership.name,
                by_claimed_domain=email_domain(user.email),
            )
        if invitation is not None:
            # A new account at the invited address: acceptance cannot be refused.
            with contextlib.suppress(InvitationError):
                accept(invitation, user, request=request)


def partnership_for_new_address(email: str) -> Partnership | None:
    from learning_site.models import Invitation

    invitation = Invitation.objects.open_for(email).first()
    if invitation is not None:
        return invitation.partnership
    return Partnership.objects.claiming(email)


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "agency", "job_role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.use_partnership(self.instance.partnership)
        # Someone whose agency is not on their partnership's list (set before the list was)
        # keeps it until they choose another.
        current = self.instance.agency
        choices = dict(self.fields["agency"].choices)
        if current and current not in choices:
            self.fields["agency"].choices = [
                *self.fields["agency"].choices,
                (current, dict(Agency.choices).get(current, current)),
            ]


class AcceptInvitationForm(ProfileFieldsMixin):
    """A new account from an invitation: the address is the one the invitation went to,
    and opening the emailed link proves the person holds it."""

    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters. A few unrelated words work well.",
        error_messages={"required": "Create a password."},
    )
    password2 = forms.CharField(
        label="Type the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Type the password again."},
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation
        self.use_partnership(invitation.partnership)
        self.initial.setdefault("full_name", invitation.full_name)
        self.initial.setdefault("agency", invitation.agency)
        self.initial.setdefault("job_role", invitation.job_role)

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords are different. Type them again.")
        elif first:
            candidate = User(email=self.invitation.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand my account and learning record will be deleted",
        error_messages={"required": "Tick the box to confirm you want to delete your account."},
    )
