"""Fast, isolated settings for the test suite.

The same code paths as production, with quick password hashing, in-memory email and
tasks run at once. CI re-runs the suite with DATABASE_URL / CELERY_BROKER_URL pointing at
real PostgreSQL and Redis; set TEST_CELERY_EAGER=0 to send tasks to a real worker.
"""

import os
import tempfile

# One scratch directory per test process (pytest-xdist workers inherit the environment,
# so key it on the worker id rather than sharing the parent's).
_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
if os.environ.get("VAR_DIR_OWNER") != _worker:
    os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix=f"learning-site-test-{_worker}-")
    os.environ["VAR_DIR_OWNER"] = _worker

from .base import *  # noqa: E402,F403
from .base import env_bool  # noqa: E402

DEBUG = False

# Under pytest-xdist on Redis (CI), each worker gets a Redis database of its own (8, 9, …):
# tests clear the cache, and a shared one would be cleared under the other worker. A
# process outside xdist (and the Celery worker it talks to) keeps REDIS_URL's database.
if REDIS_URL and _worker.startswith("gw"):  # noqa: F405
    from urllib.parse import urlsplit, urlunsplit

    _redis = urlsplit(REDIS_URL)  # noqa: F405
    _redis_db = 8 + int(_worker[2:])
    CACHES["default"]["LOCATION"] = urlunsplit(_redis._replace(path=f"/{_redis_db}"))  # noqa: F405
SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = env_bool("TEST_CELERY_EAGER", True)
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
