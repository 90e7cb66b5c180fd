"""The role x URL matrix: every URL of ours, every role, the status each should get.

Each app's tests declare their URLs in ``tests/<app>/access_cases.py`` as ``CASES``
(name -> AccessCase) and may provide ``build_world(world)`` to create the objects the
URLs point at. ``tests/test_access_matrix.py`` walks the URLconf and fails when a URL of
ours has no case, so a view cannot be added without saying who may see it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ROLES = ("anonymous", "learner", "other_learner", "trainer", "board_member", "administrator")

# Shorthands for expectations.
OK, REDIRECT, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 302, 403, 404, 405


@dataclass
class AccessCase:
    """Who gets what for GET on one URL.

    ``kwargs`` builds the URL's arguments from the world (objects owned by ``learner`` in
    ``partnership``). ``expect`` maps each role to a status code; ``default`` covers roles
    not named.
    """

    expect: dict[str, int]
    kwargs: Callable[[Any], dict] = field(default=lambda world: {})
    default: int | None = None
    query: str = ""

    def status_for(self, role: str) -> int:
        if role in self.expect:
            return self.expect[role]
        if self.default is None:
            raise KeyError(role)
        return self.default


def signed_in_only(status: int = OK, **overrides: int) -> dict[str, int]:
    """Anonymous is sent to sign in; every signed-in role gets ``status``."""
    return {"anonymous": REDIRECT, **dict.fromkeys(ROLES[1:], status), **overrides}


def everyone(status: int = OK, **overrides: int) -> dict[str, int]:
    return {**dict.fromkeys(ROLES, status), **overrides}
