"""The foundation's pages and fields: accounts, two-factor, home page, error pages.

Feature apps register theirs in ``tests/<app>/browser_registry.py`` (see
``tests/e2e/registry.py`` for the names).
"""

from __future__ import annotations

from playwright.sync_api import Page

from tests.e2e.browser import submit
from tests.e2e.registry import FreeTextField, KeyboardPage, PageType, ShownOn, Visit
from tests.factories import PASSWORD


def _submit_empty(page: Page) -> None:
    submit(page)


def _wrong_password(email: str):
    def then(page: Page) -> None:
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", "not-the-password")
        submit(page)

    return then


def _password_step(email: str):
    def then(page: Page) -> None:
        page.fill("input[name=login]", email)
        page.fill("input[name=password]", PASSWORD)
        submit(page)

    return then


def _password_step_then_wrong_code(email: str):
    def then(page: Page) -> None:
        _password_step(email)(page)
        page.fill("input[name=code]", "000000")
        submit(page)

    return then


def _clear_profile_name(page: Page) -> None:
    page.fill("input[name=full_name]", "")
    page.fill("input[name=job_role]", "")
    submit(page)


def _confirm_email_key(world) -> str:
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    from learning_site.models import User

    user = User.objects.create_user(email="new.starter@council.gov.uk", password=PASSWORD)
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return f"/accounts/confirm-email/{EmailConfirmationHMAC(address).key}/"


def _password_reset_key(world) -> str:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    user = world.learner
    return (
        f"/accounts/password/reset/key/{user_pk_to_url_str(user)}-"
        f"{default_token_generator.make_token(user)}/"
    )


PAGES = [
    PageType("home page", lambda w: Visit("/")),
    PageType("home page, signed in", lambda w: Visit("/", role="learner")),
    PageType("service status", lambda w: Visit("/status/")),
    PageType("sign in", lambda w: Visit("/accounts/login/")),
    PageType(
        "sign in, wrong password",
        lambda w: Visit("/accounts/login/", then=_wrong_password(w.learner.email)),
    ),
    PageType("sign in with your organisation", lambda w: Visit("/accounts/organisation/")),
    PageType(
        "sign in with your organisation, no single sign-on",
        lambda w: Visit("/accounts/organisation/?email=ann%40example.org"),
    ),
    PageType("create an account", lambda w: Visit("/accounts/signup/")),
    PageType(
        "create an account, with errors", lambda w: Visit("/accounts/signup/", then=_submit_empty)
    ),
    PageType("verify your email, sent", lambda w: Visit("/accounts/confirm-email/")),
    PageType("confirm your email", lambda w: Visit(_confirm_email_key(w))),
    PageType("password reset", lambda w: Visit("/accounts/password/reset/")),
    PageType(
        "password reset, with errors",
        lambda w: Visit("/accounts/password/reset/", then=_submit_empty),
    ),
    PageType("password reset, sent", lambda w: Visit("/accounts/password/reset/done/")),
    PageType("password reset, new password", lambda w: Visit(_password_reset_key(w))),
    PageType("your account", lambda w: Visit("/accounts/profile/", role="learner")),
    PageType(
        "your account, with errors",
        lambda w: Visit("/accounts/profile/", role="learner", then=_clear_profile_name),
    ),
    PageType(
        "change password, with errors",
        lambda w: Visit("/accounts/password/change/", role="learner", then=_submit_empty),
    ),
    PageType("email addresses", lambda w: Visit("/accounts/email/", role="learner")),
    PageType("delete account", lambda w: Visit("/accounts/delete/", role="learner")),
    PageType(
        "delete account, with errors",
        lambda w: Visit("/accounts/delete/", role="learner", then=_submit_empty),
    ),
    PageType("sign out", lambda w: Visit("/accounts/logout/", role="learner")),
    PageType(
        "confirm your password",
        lambda w: Visit(
            "/accounts/2fa/totp/activate/", role="trainer_without_2fa", sign_in_with_form=True
        ),
    ),
    PageType(
        "two-factor set-up",
        lambda w: Visit(
            "/accounts/2fa/totp/activate/",
            role="trainer_without_2fa",
            sign_in_with_form=True,
            then=_reauthenticate,
        ),
    ),
    PageType(
        "two-factor set-up, wrong code",
        lambda w: Visit(
            "/accounts/2fa/totp/activate/",
            role="trainer_without_2fa",
            sign_in_with_form=True,
            then=_submit_wrong_code,
        ),
    ),
    PageType("two-factor overview", lambda w: Visit("/accounts/2fa/", role="trainer")),
    PageType(
        "two-factor code",
        lambda w: Visit("/accounts/login/", then=_password_step(w.trainer.email)),
    ),
    PageType(
        "two-factor code, wrong code",
        lambda w: Visit("/accounts/login/", then=_password_step_then_wrong_code(w.trainer.email)),
    ),
    PageType("page not found", lambda w: Visit("/no-such-page/", status=404)),
]


def _submit_wrong_code(page: Page) -> None:
    _reauthenticate(page)
    page.fill("input[name=code]", "000000")
    submit(page)


def _reauthenticate(page: Page) -> None:
    """allauth asks for the password again before two-factor set-up."""
    if "/reauthenticate/" in page.url:
        page.fill("input[name=password]", PASSWORD)
        submit(page)


FREE_TEXT_FIELDS = [
    FreeTextField(
        "profile full name",
        form_path=lambda w: "/accounts/profile/",
        field="full_name",
        shown_on=(ShownOn(lambda w: "/accounts/profile/"),),
        max_length=150,
    ),
    FreeTextField(
        "profile job role",
        form_path=lambda w: "/accounts/profile/",
        field="job_role",
        shown_on=(ShownOn(lambda w: "/accounts/profile/"),),
        max_length=150,
    ),
]

KEYBOARD_PAGES = [
    KeyboardPage(
        "create an account",
        lambda w: Visit("/accounts/signup/"),
        must_reach=(
            ".skip-link",
            ".site-header__name",
            ".account-nav a[href='/accounts/login/']",
            ".account-nav a[href='/accounts/signup/']",
            "#id_full_name",
            "#id_email",
            "#id_agency",
            "#id_job_role",
            "#id_password1",
            "#id_password2",
            "main form button[type=submit]",
        ),
    ),
    KeyboardPage(
        "your account, signed-in header",
        lambda w: Visit("/accounts/profile/", role="learner"),
        must_reach=(
            ".skip-link",
            ".site-header__name",
            ".account-nav a[href='/accounts/profile/']",
            ".account-nav button",
            "#id_full_name",
            "#id_job_role",
        ),
    ),
]
