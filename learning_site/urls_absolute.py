"""The one place that makes absolute links for emails, feeds and PDFs.

Anything read away from the site (an email, a feed reader, a printed certificate) needs
a full address. It always comes from ``WAGTAILADMIN_BASE_URL``: not from the request's
Host header (which a sender can forge, and which is 127.0.0.1 behind a proxy), and not
from Wagtail's Site record (whose default is http://localhost on port 80).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    """The site's address without a trailing slash, e.g. ``https://learning.example.org``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def base_domain() -> str:
    """The host (and port, if any) of :func:`base_url`, e.g. ``learning.example.org``."""
    return urlsplit(base_url()).netloc


def site_name() -> str:
    return settings.WAGTAIL_SITE_NAME


def absolute_url(path: str) -> str:
    """``path`` (a site path, optionally with a query) as a full address on the base URL.

    An address that is already absolute is put on the base URL too, keeping its path and
    query: links built by other code from the request's host come out right.
    """
    parts = urlsplit(path)
    path = parts.path or "/"
    if not path.startswith("/"):
        path = "/" + path
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{base_url()}{path}{query}{fragment}"


def page_url(page) -> str | None:
    """A Wagtail page's full address on the base URL (None if it is not routable)."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    return absolute_url(parts[2])
