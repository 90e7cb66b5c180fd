"""A partnership administrator sets up their partnership's single sign-on in the admin:
their own partnership only, and the client secret is written, never shown back."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from learning_site.models import PartnershipSignOn
from learning_site.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def form(partnership, sign_on: dict | None):
    domains = [{"id": d.pk, "domain": d.domain} for d in partnership.email_domains.all()]
    return nested_form_data(
        {
            "name": partnership.name,
            "email_domains": inline_formset(
                domains or [{"domain": "northshire.gov.uk"}], initial=len(domains)
            ),
            "sign_on": inline_formset(
                [sign_on] if sign_on else [], initial=int(bool(sign_on and "id" in sign_on))
            ),
            "agencies": inline_formset([]),
            "job_roles": "",
            "send_follow_ups": "on",
            "reach_target": "80",
            "email_from_name": "",
        }
    )


SET_UP = {
    "provider_name": "Northshire Council",
    "issuer": "https://login.northshire.gov.uk/tenant/v2.0/",
    "client_id": "learning-site",
    "client_secret": "first-secret",
    "is_enabled": "on",
}


@pytest.fixture
def partnership_admin(partnership):
    return make_user(Role.PARTNERSHIP_ADMIN, partnership)


def test_a_partnership_administrator_sets_up_single_sign_on_and_the_secret_stays_hidden(
    client, partnership, partnership_admin
):
    client.force_login(partnership_admin)
    url = reverse("partnership:edit", args=[partnership.pk])

    response = client.post(url, form(partnership, SET_UP))

    assert response.status_code == 302, response.context["form"].errors
    sign_on = PartnershipSignOn.objects.get(partnership=partnership)
    assert sign_on.issuer == "https://login.northshire.gov.uk/tenant/v2.0"
    assert sign_on.client_secret == "first-secret"
    page = client.get(url).content.decode()
    assert "Northshire Council" in page
    assert "first-secret" not in page
    assert "Leave empty to keep the saved secret" in page
    # The redirect address to register with the provider is on the form.
    assert f"/accounts/oidc/{partnership.slug}/login/callback/" in page

    # Saving again with the secret left empty keeps it; a new one replaces it.
    edit = {**SET_UP, "id": sign_on.pk, "client_secret": "", "provider_name": "Northshire CC"}
    assert client.post(url, form(partnership, edit)).status_code == 302
    sign_on.refresh_from_db()
    assert (sign_on.provider_name, sign_on.client_secret) == ("Northshire CC", "first-secret")
    assert client.post(url, form(partnership, {**edit, "client_secret": "new"})).status_code == 302
    sign_on.refresh_from_db()
    assert sign_on.client_secret == "new"


def test_an_issuer_without_https_or_a_missing_secret_is_refused_and_keeps_what_was_typed(
    client, partnership, partnership_admin
):
    client.force_login(partnership_admin)
    url = reverse("partnership:edit", args=[partnership.pk])

    response = client.post(
        url,
        form(
            partnership, {**SET_UP, "issuer": "http://login.northshire.gov.uk", "client_secret": ""}
        ),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "The issuer URL must start with https://" in page
    assert "Enter the client secret your provider gave you." in page
    assert 'value="http://login.northshire.gov.uk"' in page
    assert not PartnershipSignOn.objects.exists()


def test_another_partnerships_single_sign_on_cannot_be_seen_or_changed(
    client, partnership, other_partnership, partnership_admin
):
    theirs = PartnershipSignOn.objects.create(
        partnership=other_partnership,
        provider_name="Riverside Council",
        issuer="https://login.riverside.gov.uk",
        client_id="riverside",
        client_secret="riverside-secret",
    )
    client.force_login(partnership_admin)
    url = reverse("partnership:edit", args=[other_partnership.pk])

    assert client.get(url).status_code in (302, 403, 404)
    client.post(url, form(other_partnership, {**SET_UP, "id": theirs.pk}))
    theirs.refresh_from_db()
    assert theirs.issuer == "https://login.riverside.gov.uk"
    assert theirs.client_secret == "riverside-secret"
    listing = client.get(reverse("partnership:index")).content.decode()
    assert "Riverside Council" not in listing
