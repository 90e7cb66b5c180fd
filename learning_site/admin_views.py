"""Admin screens for people: resetting someone's two-factor authentication."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from learning_site.models import User
from learning_site.permissions import can_manage_person
from learning_site.two_factor import has_authenticator, reset_two_factor


class ResetTwoFactorView(WagtailAdminTemplateMixin, TemplateView):
    """An administrator removes a person's authenticator, for example after a lost phone.

    The person sets up a new one at their next sign-in (their role still needs one). The
    act is recorded in the audit log with who did it.
    """

    template_name = "learning_site/admin/reset_two_factor.html"
    header_icon = "key"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        self.person = get_object_or_404(User, pk=kwargs["user_id"])
        if not can_manage_person(request.user, self.person):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Reset two-factor authentication for {self.person}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            person=self.person,
            has_authenticator=has_authenticator(self.person),
            users_url=reverse("wagtailusers_users:index"),
        )
        return context

    def post(self, request, *args, **kwargs):
        removed = reset_two_factor(self.person, by=request.user, request=request)
        if removed:
            messages.success(
                request,
                f"Two-factor authentication reset for {self.person}. They will set up a new "
                "authenticator app the next time they sign in.",
            )
        else:
            messages.info(request, f"{self.person} had no two-factor authentication set up.")
        return redirect("wagtailusers_users:index")
