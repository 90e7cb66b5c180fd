"""Mass assignment: every form a person can submit, posted with every scope-bearing field
that is not theirs to set, must change nobody's partnership, roles or verified addresses,
and what it saves must belong to the person who posted it.

Each app's tests declare their forms in ``tests/<app>/mass_assignment_cases.py`` as
``CASES`` (name -> FormCase or NotAForm) and may provide ``build_world(world)``.
``tests/test_mass_assignment.py`` walks the URLconf for every URL of ours that accepts
POST (and every page type of ours that answers POST itself) and fails when one has no
entry, so a new form cannot land without saying what it may change.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from typing import Any

_seq = count(1)


def unique(prefix: str) -> str:
    """A fresh value for each post: a case posts its form more than once."""
    return f"{prefix}{next(_seq)}"


@dataclass
class FormCase:
    """How to post one form validly, as whom, and what must hold afterwards.

    ``data(world)`` is a valid POST for ``who`` (a person in the world, or "anonymous"):
    the test adds every hostile field the form does not have and expects a status in
    ``accepted`` (so the hostile extras did not just make the form refuse), then posts a
    hostile value in place of each scope-bearing field the form does have. After every
    post the poster's partnership, roles, staff and superuser flags and verified
    addresses are unchanged, and ``check(world)`` says that what was saved is theirs.

    ``new_account(world)`` is for forms that make an account (sign-up, invitations): it
    returns the account the last post made (or None) and the scope it must have.
    """

    who: str
    data: Callable[[Any], dict]
    kwargs: Callable[[Any], dict] = field(default=lambda world: {})
    url: Callable[[Any], str] | None = None
    accepted: tuple[int, ...] = (302,)
    check: Callable[[Any], None] = field(default=lambda world: None)
    new_account: Callable[[Any], tuple[Any, dict] | None] | None = None
    # The poster is gone afterwards (deleting one's own account).
    poster_remains: bool = True


@dataclass
class NotAForm:
    """A URL that accepts POST but has no form a person fills in that could carry scope:
    say why, so the decision is written down where the next person will look."""

    reason: str


def hostile_fields(world) -> dict:
    """Every scope-bearing field a person might try to add to a form."""
    return {
        "partnership": world.other_partnership.pk,
        "partnership_id": world.other_partnership.pk,
        "groups": [world.administrator_group.pk],
        "is_staff": "on",
        "is_superuser": "on",
        "user": world.other_learner.pk,
        "user_id": world.other_learner.pk,
        "author": world.other_learner.pk,
        "owner": world.other_learner.pk,
        "requested_by": world.other_learner.pk,
        "email_verified": "on",
        "verified": "on",
        # An agency the poster's partnership does not have.
        "agency": world.foreign_agency,
        "role": "Administrator",
    }


def scope_of(user) -> dict:
    """What a person's trust boundary is made of, read fresh from the database."""
    from allauth.account.models import EmailAddress

    from learning_site.models import User

    user = User.objects.get(pk=user.pk)
    return {
        "partnership": user.partnership_id,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "verified": sorted(
            EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
        ),
    }


def expected_scope(partnership, groups, *, verified=()) -> dict:
    return {
        "partnership": partnership.pk,
        "groups": sorted(str(g) for g in groups),
        "is_staff": False,
        "is_superuser": False,
        "verified": sorted(verified),
    }
