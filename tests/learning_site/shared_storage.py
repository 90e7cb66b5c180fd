"""A real S3-compatible server for the shared-storage tests: moto's standalone server
(installed by ``.ci/setup-s3``), one per test session on a free localhost port, a new
bucket per test, and "machines" (a web process or a Celery worker) that each keep their
own local folders and share only that bucket.

Used by ``test_shared_storage.py`` (both machines in this process) and
``test_board_pack_worker.py`` (a real worker process of its own).
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from learning_site.storage_settings import file_storages

REGION = "eu-west-2"


def moto_server() -> str | None:
    """The virtualenv's own moto_server (the version .ci/setup-s3 installs), else one on
    PATH."""
    beside = Path(sys.executable).parent / "moto_server"
    return str(beside) if beside.exists() else shutil.which("moto_server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory):
    """A moto S3 server on a free localhost port for the whole session."""
    executable = moto_server()
    if executable is None:
        pytest.skip(
            "moto's S3 server is not installed: run .ci/setup-s3 (pip install 'moto[server]')"
        )
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with log.open("wb") as out:
        server = subprocess.Popen(  # noqa: S603  (our own virtualenv's moto_server)
            [executable, "-H", "127.0.0.1", "-p", str(port)], stdout=out, stderr=out
        )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(endpoint + "/moto-api/", timeout=1)  # noqa: S310
                break
            if server.poll() is not None:
                pytest.fail(f"moto_server stopped at start:\n{log.read_text()}")
            time.sleep(0.1)
        else:
            pytest.fail(f"moto_server did not answer on {endpoint}:\n{log.read_text()}")
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def bucket_env(s3_endpoint):
    """The environment an operator sets, for a new bucket of this test's own."""
    env = {
        "AWS_STORAGE_BUCKET_NAME": f"learning-{uuid.uuid4().hex[:12]}",
        "S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
    }
    s3_client(env).create_bucket(
        Bucket=env["AWS_STORAGE_BUCKET_NAME"],
        CreateBucketConfiguration={"LocationConstraint": REGION},
    )
    return env


def s3_client(env):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=env["S3_ENDPOINT_URL"],
        region_name=REGION,
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )


def bucket_keys(env) -> list[str]:
    listing = s3_client(env).list_objects_v2(Bucket=env["AWS_STORAGE_BUCKET_NAME"])
    return sorted(item["Key"] for item in listing.get("Contents", []))


def bucket_object(env, key: str) -> bytes:
    return s3_client(env).get_object(Bucket=env["AWS_STORAGE_BUCKET_NAME"], Key=key)["Body"].read()


class Machine:
    """One machine's settings: its own local folders, and the environment's storage."""

    def __init__(self, root: Path, env: dict):
        self.media, self.private = root / "media", root / "private"
        self.env = env

    def settings(self, **extra):
        storages = file_storages(self.env, private_media_root=self.private)
        storages["staticfiles"] = settings.STORAGES["staticfiles"]
        return override_settings(
            MEDIA_ROOT=self.media, PRIVATE_MEDIA_ROOT=self.private, STORAGES=storages, **extra
        )

    def local_files(self) -> list[Path]:
        return [
            p for folder in (self.media, self.private) for p in folder.rglob("*") if p.is_file()
        ]
