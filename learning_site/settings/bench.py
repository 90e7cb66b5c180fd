"""Load benchmark only (tests/bench/run_load.py): the production settings, served over
plain HTTP on localhost, plus a minimal "floor" view to compare against.

Everything else - DEBUG off, PostgreSQL, the Redis cache, the manifest static files,
security middleware, allauth's rate limits - is production's. The differences are only
those plain HTTP forces: no redirect to HTTPS, and cookies not marked Secure (a client
would not send them back over http://).
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "tests.bench.urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
