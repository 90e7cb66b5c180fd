"""What a signed-in person may do, read from the database once and kept in the shared
cache, so a page view does not ask again for their roles, permissions and whether they
have an authenticator (four queries on every request before).

The cache is shared by every process (Redis in production, a file cache otherwise), and
every change that could alter the answer forgets it at once through signals: roles
granted or taken away, a role's permissions changed, a person's own permissions,
superuser or active flags, an authenticator added or removed. ``TIMEOUT`` bounds how long
an entry lives in any case.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

TIMEOUT = 10 * 60
_KEY = "user-access:v1:{}"


@dataclass(frozen=True)
class Access:
    role_names: frozenset[str]
    permissions: frozenset[str]  # "app_label.codename", roles' and the person's own
    has_authenticator: bool


def _key(user_id) -> str:
    return _KEY.format(user_id)


def _read(user) -> Access:
    from learning_site.two_factor import has_authenticator

    return Access(
        role_names=frozenset(user.groups.values_list("name", flat=True)),
        permissions=frozenset(ModelBackend().get_all_permissions(user)),
        has_authenticator=has_authenticator(user),
    )


def access_for(user) -> Access:
    """The person's roles, permissions and second factor, from the cache when known.
    Also primes ``user`` so ``has_perm`` and ``has_role`` ask no more queries."""
    # ``request.user`` is a lazy wrapper: plain attribute access reaches the real user.
    access = getattr(user, "_access_snapshot", None)
    if access is None:
        access = cache.get(_key(user.pk))
        if access is None:
            access = _read(user)
            cache.set(_key(user.pk), access, TIMEOUT)
        user._access_snapshot = access
        # Django's ModelBackend (and allauth's, a subclass) read this attribute first.
        user._perm_cache = set(access.permissions) if user.is_active else set()
        user.role_names = access.role_names  # fills the cached_property
    return access


def forget(user_ids) -> None:
    keys = [_key(pk) for pk in user_ids]
    if keys:
        cache.delete_many(keys)


# --- signal receivers: forget whatever a change could make wrong -------------------------
def forget_user(sender, instance, **kwargs) -> None:
    """A person saved or deleted (superuser or active flag), or their authenticator."""
    user_id = getattr(instance, "user_id", None) or instance.pk
    forget([user_id])


def forget_membership(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Roles or own permissions of a person changed (``user.groups``,
    ``user.user_permissions``, from either side)."""
    if not action.startswith("post_") and action != "pre_clear":
        return
    if not reverse:
        forget([instance.pk])
    elif pk_set:
        forget(pk_set)
    else:  # cleared from the group's or permission's side: everyone who had it
        forget(_holders(instance))


def forget_role_permissions(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """A role's permissions changed (``group.permissions``, from either side)."""
    from django.contrib.auth.models import Group

    if not action.startswith("post_") and action != "pre_clear":
        return
    groups = [instance.pk] if not reverse else list(pk_set or [])
    if reverse and not pk_set:
        groups = list(instance.group_set.values_list("pk", flat=True))
    forget(_members(Group.objects.filter(pk__in=groups)))


def forget_group_or_permission(sender, instance, **kwargs) -> None:
    """A role or a permission about to be deleted: its rows go without m2m signals."""
    forget(_holders(instance))


def _members(groups) -> list:
    from django.contrib.auth import get_user_model

    return list(get_user_model().objects.filter(groups__in=groups).values_list("pk", flat=True))


def _holders(instance) -> list:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    users = get_user_model().objects
    if isinstance(instance, Group):
        return _members([instance])
    return list(
        {
            *users.filter(user_permissions=instance).values_list("pk", flat=True),
            *_members(instance.group_set.all()),
        }
    )


def connect() -> None:
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

    user_model = get_user_model()
    for model in (user_model, Authenticator):
        post_save.connect(forget_user, sender=model, dispatch_uid=f"forget_access_{model.__name__}")
        post_delete.connect(
            forget_user, sender=model, dispatch_uid=f"forget_access_del_{model.__name__}"
        )
    for through in (user_model.groups.through, user_model.user_permissions.through):
        m2m_changed.connect(
            forget_membership, sender=through, dispatch_uid=f"forget_access_{through.__name__}"
        )
    m2m_changed.connect(
        forget_role_permissions,
        sender=Group.permissions.through,
        dispatch_uid="forget_access_group_permissions",
    )
    for model in (Group, Permission):
        pre_delete.connect(
            forget_group_or_permission,
            sender=model,
            dispatch_uid=f"forget_access_pre_del_{model.__name__}",
        )
