from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from learning_site.files import refuse_private_document
from learning_site.page_deletion import refusal


@hooks.register("before_delete_page")
def refuse_to_delete_pages_with_learner_records(request, page):
    return refusal(request, [page])


@hooks.register("before_create_page")
def refuse_to_autosave_a_page_not_yet_saved(request, parent_page, page_class):
    """A new page exists from the author's first Save or Publish, never from autosave (its
    form has no autosave: templates/wagtailadmin/pages/create.html). Autosave is the only
    caller that asks for JSON; a form left open from before may still send one."""
    if request.method == "POST" and not request.accepts("text/html"):
        return JsonResponse(
            {
                "success": False,
                "error_code": "not_saved_yet",
                "error_message": "A new page is saved when you choose Save draft or Publish.",
            },
            status=400,
        )
    return None


@hooks.register("before_bulk_action")
def refuse_to_bulk_delete_pages_with_learner_records(request, action_type, objects, action):
    from wagtail.models import Page

    if action_type != "delete":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    return refusal(request, pages) if pages else None


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_rows_the_user_may_not_touch(request, action_type, objects, action):
    """Wagtail's snippet bulk actions check the model permission only; the single edit and
    delete views also check the row (another partnership's, or a shared one). Apply the
    viewset's row check to every object of a bulk action too."""
    viewset = getattr(getattr(action, "model", None), "snippet_viewset", None)
    if viewset is None:
        return None
    policy = viewset.permission_policy
    permission = "delete" if action_type == "delete" else "change"
    refused = [
        obj
        for obj in objects
        if not policy.user_has_permission_for_instance(request.user, permission, obj)
    ]
    if not refused:
        return None
    names = ", ".join(str(obj) for obj in refused[:10])
    raise PermissionDenied(
        f"You cannot {action_type} {names}: it belongs to another partnership or is shared "
        "by every partnership."
    )


@hooks.register("register_admin_urls")
def register_people_admin_urls():
    from learning_site.admin_views import ResetTwoFactorView

    return [
        path(
            "people/<int:user_id>/reset-two-factor/",
            ResetTwoFactorView.as_view(),
            name="learning_site_reset_two_factor",
        )
    ]


@hooks.register("register_admin_urls")
def register_invitation_import_urls():
    from learning_site.admin_invitation_imports import DetailView, UploadView

    return [
        path("invitations/import/", UploadView.as_view(), name="invitation_import"),
        path(
            "invitations/import/<uuid:import_id>/",
            DetailView.as_view(),
            name="invitation_import_detail",
        ),
    ]


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    from learning_site.permissions import can_manage_person

    if can_manage_person(request_user, user):
        yield Button(
            "Reset two-factor",
            reverse("learning_site_reset_two_factor", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_admin_viewset")
def register_partnership_admin():
    from learning_site.admin_people import PeopleGroup

    return PeopleGroup()


# Before Wagtail's own check (order 0), which would send a signed-in person round in a
# loop through the sign-in page.
hooks.register("before_serve_document", refuse_private_document, order=-1)


# Wagtail's "Assign role" bulk action on the people listing adds a group to many people
# at once; like the single edit screen, each person whose roles changed is recorded.
@hooks.register("before_bulk_action")
def remember_roles_before_bulk_assign(request, action_type, objects, action):
    from learning_site.admin_people import scope_roles
    from learning_site.models import User

    if action_type == "assign_role":
        action.roles_before = {
            person.pk: (person.partnership_id, scope_roles(person))
            for person in objects
            if isinstance(person, User)
        }


@hooks.register("after_bulk_action")
def record_roles_after_bulk_assign(request, action_type, objects, action):
    from learning_site.admin_people import record_changes_of_scope

    before = getattr(action, "roles_before", {})
    for person in objects:
        if person.pk in before:
            partnership_id, groups = before[person.pk]
            record_changes_of_scope(
                request, person, before_partnership=partnership_id, before_groups=groups
            )


@hooks.register("construct_reports_menu")
def site_history_for_platform_administrators_only(request, menu_items):
    # See learning_site.views.site_history: it shows every partnership's changes.
    if not request.user.is_administrator:
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
