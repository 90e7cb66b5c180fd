"""Where uploaded and generated files live: the ``STORAGES`` setting.

Plain functions of the environment, with no Django imports, so the settings module can
call them and tests can build the same dictionary for their own S3 server.

- Embedded default: the local filesystem. Public media (images, documents) under
  ``MEDIA_ROOT``; private files (board packs, exports, certificates) under
  ``PRIVATE_MEDIA_ROOT``.
- Shared storage: set ``AWS_STORAGE_BUCKET_NAME`` (and ``S3_ENDPOINT_URL`` for a
  non-Amazon S3-compatible server) and every web process and Celery worker reads and
  writes one bucket, so a file one machine writes is there for the others. Media go under
  ``media/``, private files under ``private/``. Nothing is made public: the bucket keeps
  its own (private) access rules and addresses are signed and short-lived.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

FILESYSTEM_STORAGE = "django.core.files.storage.FileSystemStorage"
PRIVATE_FILESYSTEM_STORAGE = "learning_site.files.PrivateFileStorage"
S3_STORAGE = "storages.backends.s3.S3Storage"
PRIVATE_S3_STORAGE = "learning_site.files.PrivateS3Storage"

# How long a signed address for a private file works: long enough to start a download
# after the permission check, too short to be worth passing on.
DEFAULT_PRIVATE_URL_SECONDS = 300
# Image addresses are signed too (the bucket stays private) and sit in pages, which a
# reader may keep open for a while.
DEFAULT_MEDIA_URL_SECONDS = 3600


class StorageConfigurationError(ValueError):
    """The environment asks for shared storage but leaves out what it needs."""


def uses_bucket(env: Mapping[str, str]) -> bool:
    return bool(env.get("AWS_STORAGE_BUCKET_NAME") or env.get("S3_ENDPOINT_URL"))


def _s3_options(env: Mapping[str, str], *, location: str, expire: int, signed: bool) -> dict:
    options = {
        "bucket_name": env["AWS_STORAGE_BUCKET_NAME"],
        "location": location,
        # No ACL on upload: objects take the bucket's own (private) rules.
        "default_acl": None,
        "querystring_auth": signed,
        "querystring_expire": expire,
        "file_overwrite": False,
    }
    optional = {
        "endpoint_url": "S3_ENDPOINT_URL",
        "region_name": "AWS_S3_REGION_NAME",
        "access_key": "AWS_ACCESS_KEY_ID",
        "secret_key": "AWS_SECRET_ACCESS_KEY",
        "addressing_style": "AWS_S3_ADDRESSING_STYLE",
    }
    for option, name in optional.items():
        if env.get(name):
            options[option] = env[name]
    return options


def file_storages(env: Mapping[str, str], *, private_media_root: Path) -> dict[str, dict]:
    """``STORAGES`` for ``default`` (images and documents) and ``private``."""
    if not uses_bucket(env):
        return {
            # No location: FileSystemStorage follows MEDIA_ROOT.
            "default": {"BACKEND": FILESYSTEM_STORAGE},
            "private": {
                "BACKEND": PRIVATE_FILESYSTEM_STORAGE,
                "OPTIONS": {"location": private_media_root},
            },
        }
    if not env.get("AWS_STORAGE_BUCKET_NAME"):
        raise StorageConfigurationError(
            "S3_ENDPOINT_URL is set without AWS_STORAGE_BUCKET_NAME: name the bucket too."
        )
    media_seconds = int(env.get("S3_MEDIA_URL_SECONDS") or DEFAULT_MEDIA_URL_SECONDS)
    private_seconds = int(env.get("S3_PRIVATE_URL_SECONDS") or DEFAULT_PRIVATE_URL_SECONDS)
    # With a bucket policy that lets anyone read media/images/ and media/original_images/
    # (README), image addresses need no signature and browsers can cache them.
    images_public = env.get("S3_IMAGES_PUBLIC_READ", "").strip().lower() in {"1", "true", "yes"}
    return {
        "default": {
            "BACKEND": S3_STORAGE,
            "OPTIONS": _s3_options(
                env, location="media", expire=media_seconds, signed=not images_public
            ),
        },
        "private": {
            "BACKEND": PRIVATE_S3_STORAGE,
            "OPTIONS": _s3_options(env, location="private", expire=private_seconds, signed=True),
        },
    }


def bucket_origins(env: Mapping[str, str]) -> list[str]:
    """The origins image addresses point at, for the Content Security Policy."""
    if not uses_bucket(env):
        return []
    endpoint = env.get("S3_ENDPOINT_URL")
    bucket = env["AWS_STORAGE_BUCKET_NAME"]
    if endpoint:
        parts = urlsplit(endpoint)
        origins = [f"{parts.scheme}://{parts.netloc}"]
        if env.get("AWS_S3_ADDRESSING_STYLE") == "virtual":
            origins.append(f"{parts.scheme}://{bucket}.{parts.netloc}")
        return origins
    region = env.get("AWS_S3_REGION_NAME")
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    if region:
        origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return origins
