from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import RedirectView

from learning_site import health
from learning_site.forms import AcceptInvitationForm, DeleteAccountForm, ProfileForm
from learning_site.invitations import (
    InvitationError,
    accept,
    create_account_from_invitation,
    invitation_from_token,
)
from learning_site.models import User
from learning_site.sections import optional_reverse
from learning_site.services import delete_account


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    """Where each role lands after signing in."""
    user = request.user
    if (
        user.has_perm("learning_site.view_impact_reports")
        and not user.is_trainer
        and not user.is_partnership_admin
    ):
        target = optional_reverse("reports_home")
    elif user.has_perm("wagtailadmin.access_admin"):
        target = optional_reverse("wagtailadmin_home")
    else:
        target = optional_reverse("my_learning")
    return redirect(target or "profile")


def admin_login(request: HttpRequest) -> HttpResponse:
    """Wagtail's /admin/login/, routed through allauth so there is one way in.

    Wagtail also sends signed-in people without admin access here; sending them on to the
    sign-in page would bounce straight back to /admin/, so they get a plain refusal.
    """
    user = request.user
    if not user.is_authenticated:
        query = request.META.get("QUERY_STRING", "")
        return redirect(reverse("account_login") + (f"?{query}" if query else ""))
    if user.has_perm("wagtailadmin.access_admin"):
        return redirect("wagtailadmin_home")
    return render(request, "403.html", status=403)


def password_reset_elsewhere(request: HttpRequest) -> HttpResponse:
    """Wagtail's admin password reset sent mail with no rate limit: allauth's has one."""
    return redirect("account_reset_password")


def shared_passwords_off(request: HttpRequest) -> HttpResponse:
    raise Http404("Shared page passwords are switched off.")


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been updated.")
        return redirect("profile")
    return render(request, "learning_site/profile.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def delete_account_view(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(request, "Your account has been deleted.")
        return redirect("/")
    return render(request, "learning_site/delete_account.html", {"form": form})


class FaviconRedirect(RedirectView):
    """/favicon.ico, for browsers and feed readers that do not read the page's icon link.
    Not permanent: the icon's static address changes when its content does."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        return static("images/favicon.svg")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Database, cache and broker status for load balancers and monitoring: 200 or 503."""
    checks = health.run_checks()
    healthy = all(c["ok"] for c in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


@never_cache
@require_GET
def service_status(request: HttpRequest) -> HttpResponse:
    """The footer's "Service status": the same checks as /healthz, in words."""
    results = health.run_checks()
    rows = [(check, results[check.key]["ok"]) for check in health.CHECKS]
    return render(
        request,
        "learning_site/service_status.html",
        {"rows": rows, "all_working": all(ok for _, ok in rows)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation email.

    Signed out with no account: a short form makes the account (the emailed link proves
    the address). Signed out with an account: sign in first, then come back. Signed in as
    the invited address: one button joins. Anyone else is refused, and nothing changes.
    """
    try:
        invitation = invitation_from_token(token)
    except InvitationError as error:
        return render(
            request, "learning_site/invitation_problem.html", {"problem": str(error)}, status=410
        )
    user = request.user
    context = {"invitation": invitation, "partnership": invitation.partnership}
    if user.is_authenticated:
        if request.method == "POST":
            try:
                accept(invitation, user, request=request)
            except InvitationError as error:
                return render(
                    request,
                    "learning_site/invitation_problem.html",
                    {"problem": str(error)},
                    status=409,
                )
            messages.success(request, f"You have joined {invitation.partnership}.")
            return redirect("landing")
        if user.email.lower() != invitation.email:
            context["problem"] = (
                f"This invitation was sent to {invitation.email}, but you are signed in as "
                f"{user.email}. Sign out, then open the link again."
            )
            return render(request, "learning_site/invitation_problem.html", context, status=403)
        return render(request, "learning_site/invitation_join.html", context)
    if User.objects.filter(email__iexact=invitation.email).exists():
        context["login_url"] = (
            reverse("account_login") + "?" + urlencode({"next": request.get_full_path()})
        )
        return render(request, "learning_site/invitation_sign_in.html", context)
    form = AcceptInvitationForm(
        request.POST if request.method == "POST" else None, invitation=invitation
    )
    if request.method == "POST" and form.is_valid():
        user = create_account_from_invitation(invitation, form.cleaned_data, request=request)
        messages.success(
            request, f"Your account is ready. You have joined {invitation.partnership}."
        )
        return redirect("landing")
    context["form"] = form
    return render(request, "learning_site/invitation_accept.html", context)


def site_history(request: HttpRequest, results_only: bool = False) -> HttpResponse:
    """Wagtail's site history report lists every change anyone made: other partnerships'
    surveys and invitations, and the names of their staff. Platform administrators only
    (it filters by model permission, not by partnership)."""
    from django.contrib.auth.views import redirect_to_login
    from wagtail.admin.views.reports.audit_logging import LogEntriesView

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.is_administrator:
        return render(request, "403.html", status=403)
    return LogEntriesView.as_view(results_only=results_only)(request)
