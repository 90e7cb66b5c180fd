"""The partnership boundary in the Wagtail admin, for models that belong to a partnership.

Platform administrators act on every partnership; a partnership administrator only on
their own. The rule is in one permission policy, and the views below apply it to every
object they load, so listing, search, edit, delete, inspect and history agree.
"""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError, RestrictedError
from django.utils.text import capfirst
from wagtail.admin.views.generic import DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.permission_policies import ModelPermissionPolicy

ALL_ACTIONS = ("view", "change", "delete")


class OwnPartnershipPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and the row must be the user's own partnership's."""

    def __init__(self, model, *, partnership_field: str = "partnership", read_only=False):
        super().__init__(model)
        self.partnership_field = partnership_field
        self.read_only = read_only

    def _partnership_id(self, instance):
        if self.partnership_field == "pk":
            return instance.pk
        return getattr(instance, f"{self.partnership_field}_id")

    def user_has_permission(self, user, action):
        if self.read_only and action != "view":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_administrator:
            return True
        return user.partnership_id is not None and (
            self._partnership_id(instance) == user.partnership_id
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        if user.is_administrator:
            return queryset
        if user.partnership_id is None:
            return queryset.none()
        return queryset.filter(**{self.partnership_field: user.partnership_id})

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class ScopedObjectMixin:
    """Load the object only if the user may act on it (404 hides that it exists)."""

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, ALL_ACTIONS, obj
        ):
            raise PermissionDenied
        return obj


class ScopedIndexView(IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ALL_ACTIONS
        )


class ScopedEditView(ScopedObjectMixin, EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    """Deleting something other records must keep (a partnership with people in it) is
    refused with a message on the confirmation page, not a ProtectedError 500."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (ProtectedError, RestrictedError) as error:
            messages.error(self.request, cannot_delete_message(self.object, error))
            return self.render_to_response(self.get_context_data())


def cannot_delete_message(instance, error: ProtectedError | RestrictedError) -> str:
    """For example: Partnership “Northshire” cannot be deleted while other records refer
    to it (12 users, 3 survey responses). Switch it off instead."""
    if isinstance(error, ProtectedError):
        referring = error.protected_objects
    else:
        referring = error.restricted_objects
    counts = Counter(type(obj) for obj in referring)
    listed = ", ".join(
        f"{n} {model._meta.verbose_name if n == 1 else model._meta.verbose_name_plural}"
        for model, n in counts.items()
    )
    message = (
        f"{capfirst(instance._meta.verbose_name)} “{instance}” cannot be deleted while "
        f"other records refer to it ({listed})."
    )
    if hasattr(instance, "is_active"):
        message += " Switch it off instead."
    return message


class ScopedInspectView(ScopedObjectMixin, InspectView):
    pass


class ScopedObjectQuerysetMixin:
    """Wagtail's history and usage views load the object from the URL's id themselves and
    check only the model permission: they showed another partnership's invitation (its
    address) or partnership, and who changed it. Look the id up among the user's rows."""

    def get_base_object_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ALL_ACTIONS
        )


class ScopedHistoryView(ScopedObjectQuerysetMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectQuerysetMixin, UsageView):
    pass
