"""Who may fetch which files.

Three kinds of file, three ways out:

- Public media (image originals and renditions) sit under ``MEDIA_ROOT`` and are served
  at ``MEDIA_URL`` by the web server in production and, in development only, by
  :func:`public_media`, which serves those folders and nothing else.
- Wagtail documents also sit under ``MEDIA_ROOT`` (``documents/``) but are only ever
  served by Wagtail's own view at ``/documents/<id>/<filename>``
  (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which checks the filename and the
  collection's privacy; :func:`refuse_private_document` words the refusal.
- Private files (board packs and report exports) are kept in
  :class:`PrivateFileStorage`, outside ``MEDIA_ROOT`` and with no URL at all: only a view
  that checks who asks can send them.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import Http404
from django.shortcuts import render
from django.urls import re_path
from django.views.decorators.http import require_GET
from django.views.static import serve

# Folders of MEDIA_ROOT anyone may fetch: Wagtail's original images and their renditions.
PUBLIC_MEDIA_FOLDERS = ("original_images", "images")


class PrivateFileStorage(FileSystemStorage):
    """Files kept outside ``MEDIA_ROOT`` that have no public address.

    ``url()`` refuses rather than returning a ``/media/`` path that would either not work
    or, worse, work for anyone who has it."""

    def url(self, name):
        raise NotImplementedError(
            "Private files have no public address; a view that checks who asks serves them."
        )


def private_storage():
    """The storage for private files (a callable, so FileFields read STORAGES when used
    and migrations record the name rather than the location)."""
    return storages["private"]


@require_GET
def public_media(request, path: str):
    """Development only: serve public media the way the web server does in production.

    Only the public folders are served: documents, and anything else that may come to
    sit under ``MEDIA_ROOT``, never are (documents go through Wagtail's serve view, which
    checks who asks). Outside ``DEBUG`` this is always 404."""
    if not settings.DEBUG:
        raise Http404
    folder, _, rest = posixpath.normpath(path).lstrip("/").partition("/")
    if folder not in PUBLIC_MEDIA_FOLDERS or not rest:
        raise Http404
    # Served from inside the folder, so "images/../documents/x" cannot climb out of it.
    return serve(request, rest, document_root=Path(settings.MEDIA_ROOT) / folder)


def public_media_urlpattern():
    """``MEDIA_URL`` + a public folder only: other paths under it are not ours to answer
    (the page tree's 404)."""
    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    folders = "|".join(PUBLIC_MEDIA_FOLDERS)
    return re_path(rf"^{prefix}(?P<path>(?:{folders})/.+)$", public_media, name="public_media")


def refuse_private_document(document, request):
    """A signed-in person outside the groups a document's collection is restricted to is
    refused with a page saying so. (Wagtail would send them to sign in, and the sign-in
    page sends a signed-in person straight back: a loop.) Anonymous people and password
    restrictions are left to Wagtail: sign in, or enter the password."""
    from wagtail.models import BaseViewRestriction

    if not request.user.is_authenticated:
        return None
    for restriction in document.collection.get_view_restrictions():
        if restriction.restriction_type != BaseViewRestriction.GROUPS:
            continue
        if not restriction.accept_request(request):
            return render(request, "learning_site/document_refused.html", status=403)
    return None
