from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with one exception: the Wagtail admin gets its own looser policy.

    The public site allows no inline script at all. Wagtail's admin needs inline scripts
    and styles, so ``ADMIN_CONTENT_SECURITY_POLICY`` applies under ``ADMIN_URL_PREFIX``
    and nowhere else.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_URL_PREFIX)
        ):
            from csp.utils import default_config

            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


def has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireTwoFactorForStaffRoles:
    """Trainers, board members and administrators must set up two-factor authentication
    (an authenticator app) before they can use anything beyond their account pages.

    allauth has no per-role setting for this, so it is enforced here. Once TOTP is set up,
    allauth asks for a code at every sign-in.
    """

    ALWAYS_ALLOWED_PREFIXES = ("/accounts/", "/healthz", "/static/", "/media/", "/favicon")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path_info.startswith(self.ALWAYS_ALLOWED_PREFIXES)
            and (user.is_superuser or user.has_role(*settings.ROLES_REQUIRING_TWO_FACTOR))
            and not has_totp(user)
        ):
            messages.warning(
                request,
                "Your role needs two-factor authentication. Set up an authenticator app "
                "to continue.",
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
