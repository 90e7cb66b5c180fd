"""Version tokens for what is kept in the shared cache: a key's token changes whenever
what is cached under it changes, so readers never see the old copy.

A reader reads the token first and keeps what it computed under that token. A writer
gives a new token at once and again once its transaction commits: a reader that read the
old rows between the change and the commit kept them under a token nobody reads again.
A token lost from the cache (eviction, restart) is replaced by a new random one, never
by an earlier value.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict

from django.core.cache import cache
from django.db import transaction


def token(key: str) -> str:
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key) or uuid.uuid4().hex
    return value


def renew(*keys: str) -> None:
    """New tokens for ``keys`` now, and again when the current transaction commits."""
    if not keys:
        return
    cache.set_many({key: uuid.uuid4().hex for key in keys}, None)
    transaction.on_commit(lambda: cache.set_many({key: uuid.uuid4().hex for key in keys}, None))


# The last values read in this process, by key and token: a page that asks twice reads
# the shared cache once. A new token is a new key, so this can never serve an old value;
# what it returns is shared, so callers copy before changing it.
_recent: OrderedDict = OrderedDict()
RECENT_SIZE = 256


def cached(key: str, version_key: str, compute, timeout: int):
    """``compute()``, kept under ``key`` and the current token of ``version_key``."""
    full_key = f"{key}:{token(version_key)}"
    value = _recent.get(full_key)
    if value is not None:
        _recent.move_to_end(full_key)
        return value
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    _recent[full_key] = value
    if len(_recent) > RECENT_SIZE:
        _recent.popitem(last=False)
    return value
