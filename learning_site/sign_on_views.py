"""The sign-in page's "Sign in with your organisation's account" step, and the start of
allauth's OpenID Connect sign-in guarded against a provider that does not answer."""

from __future__ import annotations

from urllib.parse import urlsplit

from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.openid_connect import views as openid_connect_views
from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET
from requests import RequestException

from learning_site.forms_accounts import EMAIL_FORMAT
from learning_site.models.partnerships import email_domain
from learning_site.single_sign_on import problem, sign_on_for_email


class OrganisationEmailForm(forms.Form):
    email = forms.EmailField(
        label="Work email address",
        help_text="We will show you your organisation's sign-in button, if it has one.",
        error_messages={"required": "Enter your work email address.", "invalid": EMAIL_FORMAT},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        self.sign_on = sign_on_for_email(email)
        if self.sign_on is None:
            raise forms.ValidationError(
                f"Your organisation has not set up single sign-on here for addresses ending "
                f"in @{email_domain(email)}. Sign in with your email address and password."
            )
        return email


def _next_url(request: HttpRequest) -> str:
    candidate = request.GET.get("next", "")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


@require_GET
def organisation_sign_in(request: HttpRequest) -> HttpResponse:
    """Type your work address; if its domain belongs to a partnership with single sign-on,
    the page shows that partnership's "Sign in with …" button (a POST to allauth, which
    goes on to the provider). A plain form: no JavaScript needed."""
    form = OrganisationEmailForm(request.GET if "email" in request.GET else None)
    sign_on = form.sign_on if form.is_bound and form.is_valid() else None
    next_url = _next_url(request)
    context = {"form": form, "sign_on": sign_on, "next_url": next_url}
    if sign_on is not None:
        context["start_url"] = reverse(
            "openid_connect_login", kwargs={"provider_id": sign_on.provider_id}
        )
        # Providers that understand login_hint fill in the address the person typed.
        context["auth_params"] = urlencode({"login_hint": form.cleaned_data["email"]})
    password_url = reverse("account_login")
    if next_url:
        password_url += "?" + urlencode({"next": next_url})
    context["password_url"] = password_url
    response = render(request, "account/organisation_sign_in.html", context)
    if sign_on is not None:
        # The button's POST is answered with a redirect to the provider, and browsers hold
        # that redirect to this page's form-action policy: allow the provider's origin
        # (and no other) on this page only.
        issuer = urlsplit(sign_on.issuer)
        response._csp_update = {"form-action": [f"{issuer.scheme}://{issuer.netloc}"]}
    return response


def start_sign_in(request: HttpRequest, provider_id: str) -> HttpResponse:
    """allauth's OpenID Connect sign-in, with a page of ours when the provider cannot be
    reached: allauth asks the provider for its set-up before sending the person there,
    and lets that error through."""
    return _unless_provider_down(openid_connect_views.login, request, provider_id)


def finish_sign_in(request: HttpRequest, provider_id: str) -> HttpResponse:
    """allauth's return from the provider. allauth turns a failed code exchange into its
    error page (ours, see single_sign_on.on_authentication_error), but asks the provider
    for its set-up first, outside that guard."""
    return _unless_provider_down(openid_connect_views.callback, request, provider_id)


def _unless_provider_down(view, request: HttpRequest, provider_id: str) -> HttpResponse:
    try:
        return view(request, provider_id)
    except (RequestException, ValueError, KeyError):
        try:
            from allauth.socialaccount.adapter import get_adapter

            app = get_adapter(request).get_app(request, provider=provider_id)
        except SocialApp.DoesNotExist:
            raise Http404 from None
        return problem(
            request,
            app.name,
            f"{app.name} is not answering",
            f"We could not reach {app.name}'s sign-in service, so you have not been signed "
            "in. Try again in a few minutes, or sign in with your email address and password.",
            status=503,
        )
