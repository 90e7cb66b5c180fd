"""A real OpenID Connect provider for the single sign-on tests.

``tests/oidc_provider/server.js`` runs oidc-provider (a certified implementation from npm,
installed by ``.ci/setup-oidc``) on a free localhost port. Tests that need it are marked
``oidc`` and skipped only when Node.js or its node_modules are missing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PROVIDER_DIR = Path(__file__).resolve().parent / "oidc_provider"
NODE = shutil.which("node")
INSTALLED = (PROVIDER_DIR / "node_modules" / "oidc-provider" / "package.json").exists()

needs_identity_provider = [
    pytest.mark.oidc,
    pytest.mark.skipif(NODE is None, reason="Node.js is not installed (.ci/setup-oidc)"),
    pytest.mark.skipif(not INSTALLED, reason="oidc-provider is not installed: run .ci/setup-oidc"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class IdentityProvider:
    issuer: str
    port: int
    process: subprocess.Popen
    log_path: Path
    clients: list[dict] = field(default_factory=list)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log_path.unlink(missing_ok=True)


def start_identity_provider(
    *, clients: list[dict], users: dict[str, dict], code_ttl: int = 60
) -> IdentityProvider:
    """Start the provider with these clients ({client_id, client_secret, redirect_uris})
    and users ({email: {name, email_verified}}); returns once it answers."""
    port = free_port()
    log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - kept open by the process
        prefix="oidc-provider-", suffix=".log", delete=False
    )
    env = {
        **os.environ,
        "PORT": str(port),
        "CLIENTS": json.dumps(clients),
        "USERS": json.dumps(users),
        "CODE_TTL": str(code_ttl),
    }
    process = subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
        [NODE, "server.js"], cwd=PROVIDER_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    log.close()
    provider = IdentityProvider(
        issuer=f"http://127.0.0.1:{port}",
        port=port,
        process=process,
        log_path=Path(log.name),
        clients=clients,
    )
    # Node loads the provider's modules in a few seconds on an idle machine; in CI, beside
    # two browsers and two live servers on 2 CPUs, it once took over 30 s.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if "listening on" in provider.log():
            return provider
        if process.poll() is not None:
            break
        time.sleep(0.1)
    output = provider.log()
    provider.stop()
    raise RuntimeError(f"The OpenID provider did not start:\n{output}")
