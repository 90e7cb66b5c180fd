"""A token that changes whenever published content changes anywhere on the site.

Fragments of pages that are the same for every reader (a module's facts and outcomes, a
digest's text and the pages that link to it) are kept in the shared cache under this
token, so a reader costs no queries for them (issue 19), and nobody sees them stale:
saving, publishing, unpublishing, moving or deleting any page, changing a view
restriction or a digest topic gives a new token. Templates read it as
``content_version`` (``learning_site.context_processors.site_navigation``).
"""

from __future__ import annotations

import uuid

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from learning_site import cache_tokens

KEY = "content-version"


def current() -> str:
    return cache_tokens.token(KEY)


def cached_for_readers(key: str, compute, timeout: int = 3600):
    """``compute()`` (the same for every reader), kept until content changes."""
    return cache_tokens.cached(key, KEY, compute, timeout)


def for_preview() -> str:
    """A token no other request has: a preview of a draft is never served from, nor
    mistaken for, the cached live content."""
    return "preview-" + uuid.uuid4().hex


def bump(**kwargs) -> None:
    cache_tokens.renew(KEY)


def _page_changed(sender, instance, **kwargs) -> None:
    # Any save of a page row (a draft's too: rare next to reading) and any deletion.
    if isinstance(instance, Page):
        bump()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump, dispatch_uid=f"content-version-{signal}")
    post_save.connect(_page_changed, dispatch_uid="content-version-page-saved")
    post_delete.connect(_page_changed, dispatch_uid="content-version-page-deleted")
    post_save.connect(bump, sender=PageViewRestriction, dispatch_uid="content-version-pvr-saved")
    post_delete.connect(bump, sender=PageViewRestriction, dispatch_uid="content-version-pvr-gone")
