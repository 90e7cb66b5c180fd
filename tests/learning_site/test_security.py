import os
import subprocess
import sys
from pathlib import Path

import pytest

from learning_site.sanitise import sanitise_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_public_pages_have_strict_csp_and_headers(client, home_page):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_admin_gets_its_own_looser_policy_only_under_admin(client, trainer, home_page):
    client.force_login(trainer)
    admin_csp = client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in admin_csp
    public_csp = client.get("/accounts/profile/")["Content-Security-Policy"]
    assert "unsafe-inline" not in public_csp


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    # The browser tests' conftest allows sync DB access under Playwright's event loop for
    # this process only; a deployment never has that variable.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "learning_site.settings.production",
        "SECRET_KEY": "x" * 20 + "production-like-secret-key-with-enough-entropy-0123456789",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "learning.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr


def test_production_refuses_to_start_without_secret(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    env.update(DJANGO_SETTINGS_MODULE="learning_site.settings.production", VAR_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


@pytest.mark.parametrize(
    ("payload", "kept"),
    [
        ("<script>alert(1)</script>Met the family", "Met the family"),
        ('<img src=x onerror="alert(1)">Home visit', "Home visit"),
        ('<a href="javascript:alert(1)">link</a> to the plan', "link to the plan"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;ok", "ok"),
        ("Child aged 3 < 5 & hungry", "Child aged 3 < 5 & hungry"),
    ],
)
def test_sanitise_text_strips_markup_and_keeps_words(payload, kept):
    cleaned = sanitise_text(payload)
    assert "<script" not in cleaned and "onerror" not in cleaned and "javascript:" not in cleaned
    assert kept in cleaned
