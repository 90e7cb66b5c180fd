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
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction

# The tokens this request has read or given (``RequestTokens``): a page that asks for
# the same token twice reads it once. Outside a request (a task, a command) every read
# goes to the cache.
_request_tokens: ContextVar[dict | None] = ContextVar("cache_tokens", default=None)


def token(key: str) -> str:
    seen = _request_tokens.get()
    if seen is not None and key in seen:
        return seen[key]
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key) or uuid.uuid4().hex
    if seen is not None:
        seen[key] = value
    return value


def renew(*keys: str) -> None:
    """New tokens for ``keys`` now, and again when the current transaction commits."""
    if keys:
        _give_new_tokens(keys)
        transaction.on_commit(lambda: _give_new_tokens(keys))


def _give_new_tokens(keys) -> None:
    new = {key: uuid.uuid4().hex for key in keys}
    cache.set_many(new, None)
    seen = _request_tokens.get()
    if seen is not None:
        seen.update(new)


def once_per_request(key: str, compute):
    """``compute()``, once per request (every time outside one). For reads two parts of
    one page need; whoever writes what it read calls ``forget_in_request(key)``."""
    seen = _request_tokens.get()
    if seen is None:
        return compute()
    memo_key = ("once", key)
    if memo_key not in seen:
        seen[memo_key] = compute()
    return seen[memo_key]


def forget_in_request(prefix: str) -> None:
    seen = _request_tokens.get()
    if seen:
        for key in [k for k in seen if isinstance(k, tuple) and k[1].startswith(prefix)]:
            del seen[key]


class RequestTokens:
    """Middleware: each request reads each token from the shared cache at most once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = _request_tokens.set({})
        try:
            return self.get_response(request)
        finally:
            _request_tokens.reset(started)


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
