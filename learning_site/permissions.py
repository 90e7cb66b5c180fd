"""Who may act on whom: the partnership boundary for people."""

from __future__ import annotations


def is_platform_administrator(user) -> bool:
    return bool(user.is_authenticated and user.is_administrator)


def can_manage_person(actor, person) -> bool:
    """Platform administrators manage everyone."""
    if not actor.is_authenticated:
        return False
    return is_platform_administrator(actor)
