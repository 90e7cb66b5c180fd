"""Who may fetch which files.

Private files (board packs and report exports) are kept in :class:`PrivateFileStorage`,
outside ``MEDIA_ROOT`` and with no URL at all: only a view that checks who asks can send
them.
"""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage, storages


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
