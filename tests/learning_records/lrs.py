# ruff: noqa: S603 - runs ralph from our own .venv-lrs
"""A real learning record store for the tests: ralph's LRS server (PyPI ralph-malph)
with its file-system backend, installed into .venv-lrs by .ci/setup-lrs.

``LearningRecordStoreServer`` starts it on a free localhost port with a credentials file
written by ``ralph auth``, reads statements back through its xAPI, and can be stopped
and started again on the same port and data (a store that is down for a while).
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
LRS_VENV = ROOT / ".venv-lrs"
UVICORN = LRS_VENV / "bin" / "uvicorn"
RALPH = LRS_VENV / "bin" / "ralph"
PYTHON = LRS_VENV / "bin" / "python"


def installed() -> bool:
    return UVICORN.exists() and RALPH.exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LearningRecordStoreServer:
    username = "learning-platform"

    def __init__(self):
        self.directory = Path(tempfile.mkdtemp(prefix="xapi18-ralph-"))
        (self.directory / "data").mkdir()
        self.password = secrets.token_urlsafe(16)
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(self.directory),
            "RALPH_AUTH_FILE": str(self.directory / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.directory / "data"),
        }
        subprocess.run(
            [
                str(RALPH), "auth",
                "--username", self.username,
                "--password", self.password,
                "--scope", "statements/write",
                "--scope", "statements/read",
                "--agent-ifi-account", self.username, "https://lrs.test",
                "--write-to-disk",
            ],
            env=self.env, check=True, capture_output=True, timeout=120,
        )  # fmt: skip

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self) -> None:
        log = open(self.directory / "server.log", "ab")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            [str(PYTHON), str(Path(__file__).with_name("run_ralph.py")), str(self.port)],
            env=self.env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url("__heartbeat__"), timeout=1).ok:
                    return
            except requests.ConnectionError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise RuntimeError(
            "ralph did not start: " + (self.directory / "server.log").read_text()[-2000:]
        )

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def statements(self, **params) -> list[dict]:
        """Every statement the store holds (following its 'more' links)."""
        found = []
        url, query = self.url("xAPI/statements"), {"limit": 100, **params}
        while url:
            response = requests.get(
                url,
                params=query,
                auth=(self.username, self.password),
                headers={"X-Experience-API-Version": "1.0.3"},
                timeout=10,
            )
            response.raise_for_status()
            body = response.json()
            found += body["statements"]
            more = body.get("more")
            url, query = (self.url(more.lstrip("/")) if more else None), None
        return found

    def stored_lines(self) -> list[dict]:
        """What the file backend wrote, one statement a line: a statement stored twice
        would be two lines here even if the API showed one."""
        path = self.directory / "data" / "fs_lrs.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def validate_with_ralph_models(statements: list[dict]) -> list[str]:
    """Check each statement against ralph's own xAPI 1.0.3 pydantic model (in its venv);
    returns the errors, one per invalid statement."""
    script = (
        "import json, sys\n"
        "from ralph.models.xapi.base.statements import BaseXapiStatement\n"
        "errors = []\n"
        "for s in json.load(sys.stdin):\n"
        "    try:\n"
        "        BaseXapiStatement.model_validate(s)\n"
        "    except Exception as e:\n"
        "        errors.append(f\"{s.get('id')}: {e}\")\n"
        "print(json.dumps(errors))\n"
    )
    done = subprocess.run(
        [str(PYTHON), "-c", script],
        input=json.dumps(statements), capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    return json.loads(done.stdout)
