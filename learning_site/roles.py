"""Roles are Django groups with permissions; ``ensure_roles`` makes them idempotently.

It runs after every ``migrate`` (see ``apps.py``), so a fresh database, the test database
and production all have the same groups without a hand-run step.
"""

from enum import StrEnum


class Role(StrEnum):
    LEARNER = "Learner"
    TRAINER = "Trainer"
    BOARD_MEMBER = "Board member"
    # Sets up their own partnership (domains, agencies, follow-ups) and invites its people.
    PARTNERSHIP_ADMIN = "Partnership administrator"
    # A platform administrator: every partnership, and people's accounts.
    ADMINISTRATOR = "Administrator"


# Model permissions per role, as "app_label.codename". Apps add theirs as features land.
ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.LEARNER: [],
    Role.TRAINER: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "learning_site.view_trainer_analytics",
        # Research digest topics: trainers may add and rename, not delete (concept topics
        # are how scenarios and modules find digests).
        "research_digest.add_digesttopic",
        "research_digest.change_digesttopic",
        "research_digest.view_digesttopic",
        # Trainers read their own partnership's training-impact reports (issue 7).
        "learning_site.view_impact_reports",
        # Survey instruments, measures and schedules (snippets). No deleting instruments
        # or measures: answers already given point at them.
        "evaluations.add_instrument",
        "evaluations.change_instrument",
        "evaluations.view_instrument",
        "evaluations.add_measure",
        "evaluations.change_measure",
        "evaluations.view_measure",
        "evaluations.add_waveinstrument",
        "evaluations.change_waveinstrument",
        "evaluations.view_waveinstrument",
        "evaluations.delete_waveinstrument",
    ],
    Role.BOARD_MEMBER: [
        "learning_site.view_impact_reports",
    ],
    Role.PARTNERSHIP_ADMIN: [
        "wagtailadmin.access_admin",
        # Their own partnership only (learning_site.admin_scoping): no adding or deleting.
        "learning_site.view_partnership",
        "learning_site.change_partnership",
        "learning_site.add_invitation",
        "learning_site.change_invitation",
        "learning_site.view_invitation",
        "learning_site.delete_invitation",
        "learning_site.view_auditevent",
        "learning_site.view_impact_reports",
        # Their own partnership's xAPI learning record store (issue 18).
        "learning_records.add_learningrecordstore",
        "learning_records.change_learningrecordstore",
        "learning_records.view_learningrecordstore",
        "learning_records.delete_learningrecordstore",
    ],
    Role.ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        "learning_site.add_invitation",
        "learning_site.change_invitation",
        "learning_site.view_invitation",
        "learning_site.delete_invitation",
        "learning_site.view_auditevent",
        "learning_site.add_partnership",
        "learning_site.change_partnership",
        "learning_site.view_partnership",
        "learning_site.add_user",
        "learning_site.change_user",
        "learning_site.view_user",
        "learning_site.delete_user",
        "auth.view_group",
        "auth.change_group",
        "learning_site.view_impact_reports",
        "learning_site.view_trainer_analytics",
        "impact_reports.manage_outcome_indicators",
        "learning_records.add_learningrecordstore",
        "learning_records.change_learningrecordstore",
        "learning_records.view_learningrecordstore",
        "learning_records.delete_learningrecordstore",
    ],
}

# Wagtail page-tree permissions granted on the root page (so they cover every site).
ROLE_PAGE_PERMISSIONS: dict[Role, list[str]] = {
    Role.TRAINER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.ADMINISTRATOR: [
        "add_page",
        "change_page",
        "publish_page",
        "bypass_workflow_page",
        "lock_page",
        "unlock_page",
    ],
}
ROLE_COLLECTION_PERMISSIONS: dict[Role, list[str]] = {
    Role.TRAINER: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
}


def _permission(codename: str):
    from django.contrib.auth.models import Permission

    app_label, code = codename.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=code).first()


def ensure_roles() -> dict[Role, object]:
    """Create or update the role groups and their permissions. Safe to run repeatedly."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    groups = {}
    for role in Role:
        group, _ = Group.objects.get_or_create(name=str(role))
        wanted = [p for p in (_permission(c) for c in ROLE_PERMISSIONS[role]) if p]
        group.permissions.add(*wanted)
        groups[role] = group

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for role, codenames in ROLE_PAGE_PERMISSIONS.items():
            for codename in codenames:
                permission = Permission.objects.filter(
                    content_type__app_label="wagtailcore", codename=codename
                ).first()
                if permission:
                    GroupPagePermission.objects.get_or_create(
                        group=groups[role], page=root_page, permission=permission
                    )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for role, codenames in ROLE_COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                permission = _permission(codename)
                if permission:
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[role], collection=root_collection, permission=permission
                    )
    return groups


def grant_role(user, role: Role) -> None:
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name=str(role)))
    user.__dict__.pop("role_names", None)
