"""allauth's account forms in the site's words (ACCOUNT_FORMS).

Every label and every error names its field, as GOV.UK asks: "Enter your email address",
never Django's "This field is required.". allauth's forms are subclassed, not copied, so
its checks (rate limits, enumeration protection, password validators) stay its own.
"""

from allauth.account import forms as allauth_forms

EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com."


def email_field(required: str) -> tuple[str, dict[str, str]]:
    return "Email address", {"required": required, "invalid": EMAIL_FORMAT}


def password_field(label: str, required: str | None = None) -> tuple[str, dict[str, str]]:
    return label, {"required": required or f"{label}."}


class SiteWordingMixin:
    """Sets each listed field's label and error messages after allauth has built it
    (several of allauth's fields are added in ``__init__``, so class attributes cannot)."""

    wording: dict[str, tuple[str, dict[str, str]]] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, messages) in self.wording.items():
            field = self.fields.get(name)
            if field is None:
                continue
            field.label = label
            field.error_messages = {**field.error_messages, **messages}
            # allauth shows placeholders instead of labels; ours shows the label itself.
            field.widget.attrs.pop("placeholder", None)


class SignInForm(SiteWordingMixin, allauth_forms.LoginForm):
    wording = {
        "login": email_field("Enter your email address."),
        "password": password_field("Password", "Enter your password."),
        "remember": ("Keep me signed in on this device", {}),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # allauth puts a reset link in the password's hint; the page has it below the form.
        self.fields["password"].help_text = ""


class CreateAccountForm(SiteWordingMixin, allauth_forms.SignupForm):
    wording = {
        "email": email_field("Enter your work email address."),
        "password1": password_field("Create a password"),
        "password2": password_field("Type the password again"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "email"
        ].help_text = (
            "Use your work address: it tells us which safeguarding partnership you belong to."
        )
        self.fields[
            "password1"
        ].help_text = "At least 10 characters. A few unrelated words work well."


class ResetPasswordForm(SiteWordingMixin, allauth_forms.ResetPasswordForm):
    wording = {"email": email_field("Enter the email address you signed up with.")}


class ResetPasswordKeyForm(SiteWordingMixin, allauth_forms.ResetPasswordKeyForm):
    wording = {
        "password1": password_field("New password", "Enter a new password."),
        "password2": password_field("Type the new password again"),
    }


class ChangePasswordForm(SiteWordingMixin, allauth_forms.ChangePasswordForm):
    wording = {
        "oldpassword": password_field("Current password", "Enter your current password."),
        "password1": password_field("New password", "Enter a new password."),
        "password2": password_field("Type the new password again"),
    }


class SetPasswordForm(SiteWordingMixin, allauth_forms.SetPasswordForm):
    wording = {
        "password1": password_field("Create a password"),
        "password2": password_field("Type the password again"),
    }


class AddEmailForm(SiteWordingMixin, allauth_forms.AddEmailForm):
    wording = {"email": email_field("Enter the email address you want to add.")}


class ReauthenticateForm(SiteWordingMixin, allauth_forms.ReauthenticateForm):
    wording = {"password": password_field("Password", "Enter your password.")}
