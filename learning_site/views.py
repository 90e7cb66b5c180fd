from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from learning_site import health
from learning_site.forms import DeleteAccountForm, ProfileForm
from learning_site.sections import optional_reverse
from learning_site.services import delete_account


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    """Where each role lands after signing in."""
    user = request.user
    if user.has_perm("learning_site.view_impact_reports") and not user.is_trainer:
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


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Database and broker status for load balancers and monitoring: 200 or 503."""
    checks = {"database": health.check_database(), "broker": health.check_broker()}
    healthy = all(c["ok"] for c in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
