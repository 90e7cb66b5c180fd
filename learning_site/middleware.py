from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from learning_site.access_cache import access_for
from learning_site.two_factor import (
    needs_two_factor,
    recently_reauthenticated_with_two_factor,
    session_passed_two_factor,
)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two exceptions for the Wagtail admin.

    The public site allows no inline script at all and may not be framed. Wagtail's admin
    needs inline scripts and styles, so ``ADMIN_CONTENT_SECURITY_POLICY`` applies under
    ``ADMIN_URL_PREFIX`` and nowhere else.

    A page preview is not served by the admin request itself: Wagtail makes a second,
    dummy request for the page's public address, runs it through every middleware and
    returns that response (``make_preview_request``). The public policy would be set on
    it there, and its ``frame-ancestors 'none'`` would blank the admin's preview panel, so
    that request gets ``ADMIN_PREVIEW_CONTENT_SECURITY_POLICY``: the public policy, framed
    by our own admin only.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            policy = self._policy_for(request)
            if policy is not None:
                from csp.utils import default_config

                parts.config = default_config(policy["DIRECTIVES"])
        return parts

    @staticmethod
    def _policy_for(request) -> dict | None:
        if getattr(request, "is_preview", False):
            return settings.ADMIN_PREVIEW_CONTENT_SECURITY_POLICY
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return settings.ADMIN_CONTENT_SECURITY_POLICY
        return None


class RequireTwoFactorForStaffRoles:
    """Two-factor per session.

    - Anyone with an authenticator must have given a code in *this* session. A session
      that got in some other way (a login view outside allauth, a password reset that
      signs in) is signed out and sent to sign in properly.
    - Trainers, board members and administrators without an authenticator must set one
      up before they can use anything beyond their account pages.
    - Changing or removing an authenticator or recovery codes needs the code again
      (allauth's "confirm it is you" step), never the password alone.

    allauth has no per-role setting for this, so it is enforced here.
    """

    ALWAYS_ALLOWED_PREFIXES = ("/accounts/", "/healthz", "/static/", "/favicon")
    # allauth views that change the second factor itself.
    SECOND_FACTOR_CHANGES = frozenset(
        {
            "mfa_deactivate_totp",
            "mfa_generate_recovery_codes",
            "mfa_view_recovery_codes",
            "mfa_download_recovery_codes",
            "mfa_add_webauthn",
            "mfa_remove_webauthn",
            "mfa_edit_webauthn",
        }
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            # Read once (and cached across requests): every has_perm and has_role on
            # this request then asks no query.
            if access_for(user).has_authenticator:
                if not session_passed_two_factor(request):
                    logout(request)
                    messages.warning(
                        request,
                        "Sign in again with your email, password and the code from your "
                        "authenticator app.",
                    )
                    return redirect_to_login(request.get_full_path(), reverse("account_login"))
            elif (
                needs_two_factor(user)
                # The partnership's identity provider vouched for a second factor.
                and not session_passed_two_factor(request)
                and not request.path_info.startswith(self.ALWAYS_ALLOWED_PREFIXES)
            ):
                messages.warning(
                    request,
                    "Your role needs two-factor authentication. Set up an authenticator app "
                    "to continue.",
                )
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match is not None
            and match.url_name in self.SECOND_FACTOR_CHANGES
            and request.user.is_authenticated
            and access_for(request.user).has_authenticator
            and not recently_reauthenticated_with_two_factor(request)
        ):
            from allauth.account.internal.flows.reauthentication import suspend_request

            return suspend_request(request, reverse("mfa_reauthenticate"))
        return None
