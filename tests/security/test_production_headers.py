"""Security headers and cookies as production serves them.

The values come from ``learning_site.settings.production`` itself (read in a subprocess,
since it refuses to load without its secrets) and are applied with ``override_settings``,
so this follows any change to production.py. ``tests/learning_site/test_security.py``
covers the Content-Security-Policy on the test settings and ``check --deploy``; this adds
what only production turns on: HTTPS redirect, HSTS and secure cookies.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
HOST = "learning.example.org"
KEYS = [
    "DEBUG",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
]


@pytest.fixture(scope="module")
def production_values(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    env = {
        **os.environ,
        "SECRET_KEY": "p" * 10 + "production-like-secret-key-with-enough-entropy-0123456789",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "ALLOWED_HOSTS": HOST,
        "VAR_DIR": str(tmp),
    }
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD"):
        env.pop(name, None)  # the defaults production ships with
    code = (
        "import json, learning_site.settings.production as s;"
        f"print(json.dumps({{k: getattr(s, k) for k in {KEYS!r}}}))"
    )
    # The command is this interpreter and a constant script: no outside input.
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    values = json.loads(result.stdout.strip().splitlines()[-1])
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production(production_values, home_page):
    with override_settings(**production_values):
        yield production_values


@pytest.fixture
def https_client():
    # Behind the TLS-terminating proxy, as production.py expects.
    return Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https(production):
    response = Client(HTTP_HOST=HOST).get("/")
    assert response.status_code == 301
    assert response["Location"] == f"https://{HOST}/"


@pytest.mark.django_db
def test_https_responses_carry_hsts_and_the_strict_headers(production, https_client):
    response = https_client.get("/")
    assert response.status_code == 200
    hsts = response["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts and "preload" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )
    assert directives["script-src"] == "'self'"
    assert "unsafe" not in directives["style-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["base-uri"] == "'self'"


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_secure(production, https_client, learner):
    page = https_client.get("/accounts/login/")
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] is True and csrf["samesite"] == "Lax"
    response = https_client.post(
        "/accounts/login/",
        {"login": learner.email, "password": PASSWORD},
        HTTP_REFERER=f"https://{HOST}/accounts/login/",
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
