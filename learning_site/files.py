"""Who may fetch which files.

Three kinds of file, three ways out:

- Public media (image originals and renditions) sit under ``MEDIA_ROOT`` and are served
  at ``MEDIA_URL`` by the web server in production and, in development only, by
  :func:`public_media`, which serves those folders and nothing else.
- Wagtail documents also sit under ``MEDIA_ROOT`` (``documents/``) but are only ever
  served by Wagtail's own view at ``/documents/<id>/<filename>``
  (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which checks the filename and the
  collection's privacy; :func:`refuse_private_document` words the refusal.
- Private files (board packs, report exports and certificates) are kept in the
  ``private`` storage: :class:`PrivateFileStorage`, outside ``MEDIA_ROOT`` and with no
  URL at all, or :class:`PrivateS3Storage` in a shared bucket. Only a view that checks
  who asks sends them, through :func:`private_file_response`.

Where the files live (local folders or one S3-compatible bucket) is the ``STORAGES``
setting (``learning_site.storage_settings``); code here and in the apps goes through the
storage API only, never a path on disk.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import re_path
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET
from django.views.static import serve
from storages.backends.s3 import S3Storage

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


class PrivateS3Storage(S3Storage):
    """Private files in a shared bucket. Their addresses are always signed and short-lived
    (``S3_PRIVATE_URL_SECONDS``), and only :func:`private_file_response` asks for one,
    after the view has checked who asks."""

    def get_default_settings(self):
        return {**super().get_default_settings(), "querystring_auth": True, "default_acl": None}


class _PrivateStorage(LazyObject):
    """``storages["private"]`` looked up when first used, and again after ``STORAGES``
    changes (as Django does for ``default_storage``), so a FileField bound to it follows
    the setting rather than keeping the backend it met at import."""

    def _setup(self):
        self._wrapped = storages["private"]


_private = _PrivateStorage()


def _forget_private_storage(*, setting, **kwargs):
    if setting in ("STORAGES", "PRIVATE_MEDIA_ROOT"):
        _private._wrapped = empty


setting_changed.connect(_forget_private_storage, dispatch_uid="learning_site_private_storage")


def private_storage():
    """The storage for private files (a callable, so migrations record the name rather
    than the location)."""
    return _private


def private_file_response(field_file, *, filename: str, content_type: str):
    """Send a private file to someone a view has already let through.

    In a bucket: a redirect to a signed address that works for a few minutes and makes
    the browser save the file under ``filename`` (or the file streamed through this
    process when ``S3_STREAM_PRIVATE_FILES`` is on). On the filesystem: streamed. Never
    cached by a shared cache either way."""
    storage = field_file.storage
    if isinstance(storage, S3Storage) and not settings.PRIVATE_FILES_STREAMED:
        disposition = content_disposition_header(as_attachment=True, filename=filename)
        response = HttpResponseRedirect(
            storage.url(
                field_file.name,
                parameters={
                    "ResponseContentDisposition": disposition,
                    "ResponseContentType": content_type,
                    "ResponseCacheControl": "private, no-store",
                },
            )
        )
    else:
        response = FileResponse(
            field_file.open("rb"), as_attachment=True, filename=filename, content_type=content_type
        )
    response["Cache-Control"] = "private, no-store"
    return response


def delete_file_with_row(sender, instance, **kwargs):
    """``post_delete`` receiver for models with a private ``file``: the file goes once the
    deletion is committed (a rolled-back deletion keeps it). Erasing an account must not
    leave the person's name on a certificate in a bucket."""
    field_file = getattr(instance, "file", None)
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name))


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
