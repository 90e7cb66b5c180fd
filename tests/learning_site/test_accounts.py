import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from learning_site.models import PartnershipDomain, User
from learning_site.roles import Role
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _claimed_domain(partnership):
    # Sign-up is open to addresses at a domain a partnership has claimed.
    PartnershipDomain.objects.create(partnership=partnership, domain="council.gov.uk")


def signup_data(partnership, email="new.person@council.gov.uk", **overrides):
    return {
        "full_name": "New Person",
        "email": email,
        "agency": "health",
        "job_role": "Health visitor",
        "password1": "a-long-unusual-passphrase-42",
        "password2": "a-long-unusual-passphrase-42",
        **overrides,
    }


def test_sign_up_sends_verification_and_confirming_signs_in_as_learner(client, partnership):
    response = client.post(reverse("account_signup"), signup_data(partnership))
    assert response.status_code == 302
    user = User.objects.get(email="new.person@council.gov.uk")
    assert user.full_name == "New Person"
    assert user.partnership == partnership
    assert user.agency == "health"
    assert user.has_role(Role.LEARNER)
    assert not EmailAddress.objects.get(user=user).verified

    # Not verified yet: signing in is held at the "verify your email" step.
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "a-long-unusual-passphrase-42"}
    )
    assert "/accounts/confirm-email/" in response.url

    assert len(mail.outbox) >= 1
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail.outbox[-1].body).group(
        0
    )
    path = link.split("testserver", 1)[-1]
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified


def test_sign_up_refused_outside_listed_domains_keeps_what_was_typed(client, partnership, settings):
    settings.SIGNUP_ALLOWED_EMAIL_DOMAINS = ["council.gov.uk", "nhs.net", "police.uk"]
    response = client.post(
        reverse("account_signup"), signup_data(partnership, email="someone@gmail.com")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Use your work email address" in html
    assert "council.gov.uk, nhs.net, police.uk" in html
    assert 'value="someone@gmail.com"' in html
    assert 'value="New Person"' in html
    assert "There is a problem" in html
    assert not User.objects.filter(email="someone@gmail.com").exists()


def test_sign_up_allows_subdomain_of_listed_domain(client, partnership, settings):
    settings.SIGNUP_ALLOWED_EMAIL_DOMAINS = ["gov.uk"]
    client.post(
        reverse("account_signup"), signup_data(partnership, email="a.b@social.council.gov.uk")
    )
    assert User.objects.get(email="a.b@social.council.gov.uk").partnership == partnership


def test_sign_up_with_missing_profile_fields_says_what_is_wrong(client, partnership):
    data = signup_data(partnership, full_name="", agency="", job_role="")
    response = client.post(reverse("account_signup"), data)
    html = response.content.decode()
    assert "Enter your full name." in html
    assert "Choose your agency." in html
    assert "Enter your job role." in html
    assert 'value="new.person@council.gov.uk"' in html


def test_login_by_email_lands_learner(client, learner):
    response = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("landing")


def test_login_rate_limit_blocks_repeated_failures(client, learner):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": learner.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": learner.email, "password": PASSWORD})
    # allauth refuses even the right password once the failure limit is hit.
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_email(client, learner):
    client.post(reverse("account_reset_password"), {"email": learner.email})
    assert any("/accounts/password/reset/key/" in m.body for m in mail.outbox)


def test_logout(client, learner):
    client.force_login(learner)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_profile_edit_and_bad_input_keeps_values(client, learner, other_partnership):
    client.force_login(learner)
    response = client.post(
        reverse("profile"),
        {
            "full_name": "",
            "partnership": other_partnership.pk,
            "agency": "police",
            "job_role": "Detective constable",
        },
    )
    html = response.content.decode()
    assert "Enter your full name." in html
    assert 'value="Detective constable"' in html
    response = client.post(
        reverse("profile"),
        {
            "full_name": "Lee <b>Learner</b>",
            "partnership": other_partnership.pk,
            "agency": "police",
            "job_role": "Detective constable",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.full_name == "Lee Learner"
    assert learner.agency == "police"
    # The partnership posted with the form is ignored: nobody chooses their own scope.
    assert learner.partnership != other_partnership


def test_delete_account_states_consequences_and_deletes(client, learner):
    client.force_login(learner)
    page = client.get(reverse("delete_account")).content.decode()
    assert "survey answers you already gave are kept without your name" in page
    response = client.post(reverse("delete_account"), {})
    assert "Tick the box to confirm" in response.content.decode()
    assert User.objects.filter(pk=learner.pk).exists()
    client.post(reverse("delete_account"), {"confirm": "on"})
    assert not User.objects.filter(pk=learner.pk).exists()


def test_verification_email_greets_from_the_site_and_links_to_its_base_url(
    client, partnership, settings
):
    """It opened "Hello from 127.0.0.1:8011!" and linked to whatever host the request
    named (a forged Host header could send the link elsewhere)."""
    settings.WAGTAILADMIN_BASE_URL = "https://learning.example.org"
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    client.post(reverse("account_signup"), signup_data(partnership), HTTP_HOST="127.0.0.1:8011")

    message = mail.outbox[-1]
    assert message.to == ["new.person@council.gov.uk"]
    assert message.body.startswith("Hello from Neglect learning")
    assert "127.0.0.1" not in message.body
    links = re.findall(r"https?://\S+", message.body)
    assert links and all(link.startswith("https://learning.example.org/") for link in links)
    assert any("/accounts/confirm-email/" in link for link in links)


def test_password_reset_link_is_on_the_base_url_whatever_host_was_asked(client, learner, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://learning.example.org"
    settings.ALLOWED_HOSTS = ["evil.example.com"]
    client.post(
        reverse("account_reset_password"), {"email": learner.email}, HTTP_HOST="evil.example.com"
    )
    body = mail.outbox[-1].body
    assert body.startswith("Hello from Neglect learning")
    assert "evil.example.com" not in body
    assert "https://learning.example.org/accounts/password/reset/key/" in body
