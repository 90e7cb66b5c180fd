from django import forms

from learning_site.models import Agency, Partnership, User


class ProfileFieldsMixin(forms.Form):
    full_name = forms.CharField(
        label="Full name",
        max_length=150,
        help_text="As it should appear on your certificates.",
        error_messages={"required": "Enter your full name."},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    partnership = forms.ModelChoiceField(
        label="Safeguarding partnership",
        queryset=Partnership.objects.active(),
        empty_label="Choose your partnership",
        error_messages={"required": "Choose your partnership."},
        help_text="The local safeguarding children partnership you work in.",
    )
    agency = forms.ChoiceField(
        label="Agency",
        choices=[("", "Choose your agency"), *Agency.choices],
        error_messages={"required": "Choose your agency."},
        help_text="The kind of organisation you work for.",
    )
    job_role = forms.CharField(
        label="Job role",
        max_length=150,
        help_text="For example, social worker, health visitor, designated safeguarding lead.",
        error_messages={"required": "Enter your job role."},
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    def clean_full_name(self):
        from learning_site.sanitise import sanitise_text

        name = sanitise_text(self.cleaned_data["full_name"])
        if not name:
            raise forms.ValidationError("Enter your full name.")
        return name

    def clean_job_role(self):
        from learning_site.sanitise import sanitise_text

        role = sanitise_text(self.cleaned_data["job_role"])
        if not role:
            raise forms.ValidationError("Enter your job role.")
        return role


class SignupProfileForm(ProfileFieldsMixin):
    """Extra questions on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    field_order = ["full_name", "email", "partnership", "agency", "job_role"]

    def signup(self, request, user):
        from learning_site.roles import Role, grant_role

        user.full_name = self.cleaned_data["full_name"]
        user.partnership = self.cleaned_data["partnership"]
        user.agency = self.cleaned_data["agency"]
        user.job_role = self.cleaned_data["job_role"]
        user.save()
        grant_role(user, Role.LEARNER)


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "partnership", "agency", "job_role"]


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand my account and learning record will be deleted",
        error_messages={"required": "Tick the box to confirm you want to delete your account."},
    )
