"""Sign-up, sign-in and password pages: every error names its field, and the pages say
"Create an account" and "Sign in" as the header does, never allauth's "Sign Up"/"Sign In"."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

DJANGO_DEFAULT = "This field is required."


def summary(html: str) -> list[str]:
    block = re.search(r'<div class="error-summary".*?</ul>', html, re.S).group(0)
    return [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", block)]


def title_and_heading(html: str) -> tuple[str, str]:
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()
    return title, heading


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        (
            "account_signup",
            [
                "Enter your full name.",
                "Enter your work email address.",
                "Choose your agency.",
                "Enter your job role.",
                "Create a password.",
                "Type the password again.",
            ],
        ),
        ("account_login", ["Enter your email address.", "Enter your password."]),
        ("account_reset_password", ["Enter the email address you signed up with."]),
    ],
)
def test_an_empty_signed_out_form_names_each_missing_field(client, url_name, expected):
    html = client.post(reverse(url_name), {}).content.decode()
    assert summary(html) == expected
    assert DJANGO_DEFAULT not in html


def test_an_empty_change_password_form_names_each_missing_field(client, learner):
    client.force_login(learner)
    html = client.post(reverse("account_change_password"), {}).content.decode()
    assert summary(html) == [
        "Enter your current password.",
        "Enter a new password.",
        "Type the new password again.",
    ]
    assert DJANGO_DEFAULT not in html


def test_an_email_address_in_the_wrong_format_says_what_the_format_is(client):
    html = client.post(reverse("account_login"), {"login": "someone", "password": "x"})
    assert summary(html.content.decode()) == [
        "Enter an email address in the correct format, like name@example.com."
    ]


def test_a_wrong_password_is_said_plainly(client, learner):
    response = client.post(reverse("account_login"), {"login": learner.email, "password": "no"})
    assert summary(response.content.decode()) == [
        "The email address or password is not correct. Check both and try again."
    ]
    # The right one still signs in.
    response = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("url_name", "words"),
    [
        ("account_signup", "Create an account"),
        ("account_login", "Sign in"),
        ("account_reset_password", "Reset your password"),
    ],
)
def test_signed_out_pages_use_the_sites_words(client, url_name, words):
    html = client.get(reverse(url_name)).content.decode()
    assert title_and_heading(html) == (f"{words} – Neglect learning", words)
    for allauth_words in ("Sign Up", "Sign In", "Signup", "sign up", "Reset My Password"):
        assert allauth_words not in html


def test_sign_in_and_create_account_pages_link_to_each_other(client):
    signup = client.get(reverse("account_signup")).content.decode()
    assert f'<a href="{reverse("account_login")}">Sign in</a>' in signup
    assert '<button type="submit" class="button">Create an account</button>' in signup
    login = client.get(reverse("account_login")).content.decode()
    assert f'<a href="{reverse("account_signup")}">create an account</a>' in login
    assert '<button type="submit" class="button">Sign in</button>' in login
    assert "Keep me signed in on this device" in login


def test_signing_in_and_out_say_so_in_the_sites_words(client, learner):
    response = client.post(
        reverse("account_login"), {"login": learner.email, "password": PASSWORD}, follow=True
    )
    assert "You are signed in as Lee Learner." in [str(m) for m in response.context["messages"]]
    html = client.get(reverse("account_logout")).content.decode()
    assert title_and_heading(html) == ("Sign out – Neglect learning", "Sign out")
    assert "Sign Out" not in html


def test_resetting_a_password_reads_plainly_from_start_to_end(client, learner):
    response = client.post(reverse("account_reset_password"), {"email": learner.email}, follow=True)
    assert title_and_heading(response.content.decode())[1] == "Check your email"
    link = re.search(r"https?://[^\s]+/accounts/password/reset/key/[^\s]+", mail.outbox[-1].body)
    response = client.get(link.group(0).split("testserver", 1)[-1], follow=True)
    form_page = response.content.decode()
    assert title_and_heading(form_page)[1] == "Choose a new password"
    response = client.post(response.request["PATH_INFO"], {}, follow=True)
    assert summary(response.content.decode()) == [
        "Enter a new password.",
        "Type the new password again.",
    ]
    new = "another-long-passphrase-77"
    response = client.post(
        response.request["PATH_INFO"], {"password1": new, "password2": new}, follow=True
    )
    html = response.content.decode()
    assert title_and_heading(html)[1] == "Your password has been changed"
    assert "Change Password" not in html
    response = client.post(reverse("account_reset_password_from_key", args=["x", "y"]))
    assert "This link no longer works" in response.content.decode()


def test_after_creating_an_account_the_page_says_to_check_email(client, partnership):
    from learning_site.models import PartnershipDomain

    PartnershipDomain.objects.create(partnership=partnership, domain="council.gov.uk")
    data = {
        "full_name": "New Person",
        "email": "new.person@council.gov.uk",
        "agency": "health",
        "job_role": "Health visitor",
        "password1": "a-long-unusual-passphrase-42",
        "password2": "a-long-unusual-passphrase-42",
    }
    html = client.post(reverse("account_signup"), data, follow=True).content.decode()
    assert title_and_heading(html) == ("Check your email – Neglect learning", "Check your email")
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail.outbox[-1].body)
    html = client.get(link.group(0).split("testserver", 1)[-1]).content.decode()
    assert title_and_heading(html)[1] == "Confirm your email address"
    assert '<button type="submit" class="button">Confirm</button>' in html
