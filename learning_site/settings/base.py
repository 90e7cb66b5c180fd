"""Settings shared by every environment.

Configuration comes from environment variables (12-factor). The defaults give a
zero-set-up site: SQLite under ``var/``, a filesystem Celery broker, a file cache and
emails printed to the console. Production (``production.py``) refuses to start without
its secrets.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from learning_site.storage_settings import (
    StorageConfigurationError,
    bucket_origins,
    file_storages,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "learning_site",
    "courses",
    "scenarios",
    "research_digest",
    "evaluations",
    "evaluations.reports",
    "learning_site.learning_records",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "learning_site.users_app.UsersAppConfig",  # wagtail.users with our people forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "learning_site.null_characters.RefuseNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "learning_site.cache_tokens.RequestTokens",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "learning_site.middleware.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "learning_site.middleware.RequireTwoFactorForStaffRoles",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "learning_site.urls"
WSGI_APPLICATION = "learning_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "learning_site.context_processors.site_navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the Celery worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------
# allauth's rate limits count attempts in the cache, so the cache must be shared by every
# process: Redis in production, a file cache on the embedded default. Never per-process
# memory or the dummy cache, which would let an attacker spread guesses over workers.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "learning_site.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    # Sessions are read from Redis on each request and written through to the database,
    # so a page costs no session query (issue 19) and nothing is lost if Redis restarts.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# --- Auth and accounts ----------------------------------------------------------------
AUTH_USER_MODEL = "learning_site.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "landing"
# Wagtail's own login form would bypass allauth's rate limits and two-factor step; this view
# sends people on to allauth (and refuses signed-in people without admin access).
WAGTAILADMIN_LOGIN_URL = "admin_login_redirect"
# Passwords and email addresses are allauth's business (rate limits, two-factor, verified
# addresses): Wagtail's own password change, reset and email change are switched off, and
# administrators do not set other people's passwords (people set their own from the
# reset email or an invitation).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
# A password shared by everyone who may read a page is no protection for case material.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# People sign in with their work email; there are no usernames.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# A verified work address is what ties a person to their partnership.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Keep the profile questions (name, partnership, agency, role) on the sign-up form.
ACCOUNT_SIGNUP_FORM_CLASS = "learning_site.forms.SignupProfileForm"
ACCOUNT_ADAPTER = "learning_site.adapters.AccountAdapter"
# allauth's forms with labels and errors that name their field ("Enter your email address").
ACCOUNT_FORMS = {
    "login": "learning_site.forms_accounts.SignInForm",
    "signup": "learning_site.forms_accounts.CreateAccountForm",
    "reset_password": "learning_site.forms_accounts.ResetPasswordForm",
    "reset_password_from_key": "learning_site.forms_accounts.ResetPasswordKeyForm",
    "change_password": "learning_site.forms_accounts.ChangePasswordForm",
    "set_password": "learning_site.forms_accounts.SetPasswordForm",
    "add_email": "learning_site.forms_accounts.AddEmailForm",
    "reauthenticate": "learning_site.forms_accounts.ReauthenticateForm",
}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Neglect learning] "
ACCOUNT_PREVENT_ENUMERATION = True
# allauth's rate limits are on by default; they are stated here so nobody switches them
# off by accident. Keys are allauth's actions; values are "count/period/key".
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "5/10m/key,20/5m/ip",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
# Behind a load balancer every request comes from the proxy's address; count the proxies
# so allauth reads the real client from X-Forwarded-For and limits per person.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Optional: only these email domains may sign up (e.g. "council.gov.uk,nhs.net,police.uk").
# A domain also admits its subdomains (nhs.net admits trust.nhs.net).
SIGNUP_ALLOWED_EMAIL_DOMAINS = env_list("SIGNUP_ALLOWED_EMAIL_DOMAINS")

# Invitations to join a partnership work once and for this many days.
INVITATION_EXPIRE_DAYS = int(os.environ.get("INVITATION_EXPIRE_DAYS", "14"))
# Inviting learners from a spreadsheet: the largest file and the most rows taken at once,
# and how many invitations are made and emailed per batch (one mail connection each).
INVITATION_IMPORT_MAX_ROWS = int(os.environ.get("INVITATION_IMPORT_MAX_ROWS", "10000"))
INVITATION_IMPORT_MAX_BYTES = int(
    float(os.environ.get("INVITATION_IMPORT_MAX_MB", "5")) * 1024 * 1024
)
INVITATION_IMPORT_BATCH_SIZE = int(os.environ.get("INVITATION_IMPORT_BATCH_SIZE", "100"))
# An uploaded file's rows (names and addresses) are kept this long, then deleted nightly;
# the invitations made from it stay.
INVITATION_IMPORT_KEEP_DAYS = int(os.environ.get("INVITATION_IMPORT_KEEP_DAYS", "30"))
# The audit log (who opened reports and exports, who changed roles and partnerships) is
# kept this long, then deleted by a nightly task.
AUDIT_LOG_RETENTION_DAYS = int(os.environ.get("AUDIT_LOG_RETENTION_DAYS", "730"))

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Neglect learning"

# --- Single sign-on per partnership (OpenID Connect, issue 18) --------------------------
# A partnership administrator sets up the partnership's identity provider in the admin
# (learning_site.models.PartnershipSignOn); allauth's openid_connect provider does the
# sign-in, with the apps built from those rows (learning_site.single_sign_on).
INSTALLED_APPS.insert(
    INSTALLED_APPS.index("allauth.mfa") + 1, "allauth.socialaccount.providers.openid_connect"
)
INSTALLED_APPS.insert(INSTALLED_APPS.index("allauth.mfa") + 1, "allauth.socialaccount")
SOCIALACCOUNT_ADAPTER = "learning_site.single_sign_on.SingleSignOnAdapter"
# Sign-in starts from a button (a POST), never from a link another site could send.
SOCIALACCOUNT_LOGIN_ON_GET = False
# The first sign-in makes the account straight away (name and address from the provider).
SOCIALACCOUNT_AUTO_SIGNUP = True
# An account with the same address is linked, not duplicated, when the provider says the
# address is verified and the partnership has claimed its domain (the adapter checks both).
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
# Only what signing in needs is kept: no access tokens in the database.
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = int(os.environ.get("SSO_REQUESTS_TIMEOUT", "10"))
# `amr` values in the provider's ID token that count as a second factor for staff roles
# (RFC 8176: multi-factor, one-time password, hardware key).
SSO_MULTI_FACTOR_AMR = frozenset(env_list("SSO_MULTI_FACTOR_AMR", "mfa,otp,hwk"))
# --- end of single sign-on --------------------------------------------------------------

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Public media: image originals and renditions (the web server may serve the images/ and
# original_images/ folders; in development learning_site.files does), and Wagtail's
# documents (only ever sent by Wagtail's serve view).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Board packs, report exports and certificates: outside MEDIA_ROOT and without a URL, so
# they can only be sent by a view that checks who asks (learning_site.files).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
if PRIVATE_MEDIA_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must not be inside MEDIA_ROOT.")
# With AWS_STORAGE_BUCKET_NAME (and S3_ENDPOINT_URL for a non-Amazon server) set, both go
# to one S3-compatible bucket shared by every web process and Celery worker instead; the
# local folders above are then unused (learning_site.storage_settings).
try:
    STORAGES = file_storages(os.environ, private_media_root=PRIVATE_MEDIA_ROOT)
except StorageConfigurationError as error:
    raise ImproperlyConfigured(str(error)) from error
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
# Private files on S3 are handed out as signed addresses that work for
# S3_PRIVATE_URL_SECONDS (default 300) after the permission check. Where browsers cannot
# reach the bucket (a server on a private network), S3_STREAM_PRIVATE_FILES=1 sends them
# through the web process instead.
PRIVATE_FILES_STREAMED = env_bool("S3_STREAM_PRIVATE_FILES", False)
# Images on pages point at the bucket, so the policies below allow its address.
BUCKET_ORIGINS = bucket_origins(os.environ)

# --- Email ----------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Neglect learning <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ---------------------------------------------------------------------------
# Default broker: kombu's filesystem transport under var/, so a worker and beat run with no
# server. Production and CI set CELERY_BROKER_URL=redis://…
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
if CELERY_BROKER_URL == "filesystem://":
    _broker_dir = VAR_DIR / "celery"
    for _sub in ("queue", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged only after it finishes, so a worker killed mid-task has it
# redelivered; tasks are written to be safe to run twice. Prefetch 1 keeps a slow task
# from holding others hostage on a busy worker.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Expired sessions pile up in the database; clear them at night when nobody is on.
    "clear-expired-sessions-nightly": {
        "task": "learning_site.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=15),
    },
    # The research digest round-up covers the calendar month just ended, so it runs on
    # the 1st; 07:30 lands it in inboxes before the working day starts, away from the
    # 03:15 housekeeping. Safe to run twice (one delivery row per person per month).
    "research-digest-monthly-roundup": {
        "task": "research_digest.tasks.send_monthly_digest_roundup",
        "schedule": crontab(day_of_month=1, hour=7, minute=30),
    },
    # Follow-up surveys: the database says what is due, so the sweep just runs often.
    # Every 15 minutes keeps invitations close to their 09:00 due time and retries a
    # stale claim (a killed worker) soon after it goes stale; a run with nothing due is
    # three small queries.
    "evaluations-sweep-due-invitations": {
        "task": "evaluations.tasks.sweep_due_invitations",
        "schedule": crontab(minute="*/15"),
    },
}

# --- Wagtail --------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Neglect learning"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Wagtail's database search, given only the words people type (see learning_site/search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "learning_site.search"}}
# Every document download goes through Wagtail's view, which checks the filename in the
# URL (so ids cannot be walked) and the collection's privacy; never a /media/ address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Private documents and pages send people to allauth's sign-in, not Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "mp3", "mp4", "m4a", "webm", "ogg", "vtt", "txt"]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_FINDERS = []  # no third-party oEmbed calls: the site runs offline
# Admin avatars: uploaded ones or Wagtail's own default, never Gravatar (the site runs
# offline, and the admin's policy allows images from our own origin only).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security headers -----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Public site: no inline script at all; styles only from our own stylesheet.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *BUCKET_ORIGINS],
        "media-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin ships inline scripts and styles; it gets its own looser policy and
# only under this prefix (see learning_site.middleware).
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *BUCKET_ORIGINS],
        "frame-ancestors": [SELF],  # the admin previews pages in an iframe
        "frame-src": [SELF],
    }
}
# A page previewed in the admin is the public page, so it keeps the public policy, but the
# admin's preview panel (an iframe on our own admin) may show it.
ADMIN_PREVIEW_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": [SELF]}
}

# --- Project settings -----------------------------------------------------------------
# Roles that must have two-factor authentication before reaching the admin or reports.
ROLES_REQUIRING_TWO_FACTOR = (
    "Trainer",
    "Board member",
    "Partnership administrator",
    "Administrator",
)
# Header sections, in order: (label, "app_label.IndexPageModel", the sentence on the home
# page's card for it, used until an editor writes the index page's search description).
SECTION_INDEX_PAGES = [
    (
        "Modules",
        "courses.CourseIndexPage",
        "Short modules on recognising and responding to neglect, each with a certificate "
        "for your continuing professional development (CPD) record.",
    ),
    (
        "Scenarios",
        "scenarios.ScenarioIndexPage",
        "Work through a family's case, make the decisions a practitioner would, and see "
        "what each one meant for the child.",
    ),
    (
        "Research",
        "research_digest.DigestIndexPage",
        "Five-minute summaries of research and case reviews on neglect, and what they "
        "mean for your practice.",
    ),
]
# Pages learners have records of (model, its page field): the admin refuses to delete
# them and suggests unpublishing (learning_site/page_deletion.py).
PAGES_WITH_LEARNER_RECORDS = [
    ("courses.Enrolment", "course"),
    ("scenarios.ScenarioAttempt", "scenario"),
]
FORM_RENDERER = "learning_site.form_rendering.SiteFormRenderer"
# Each app's demo content, run in order by `manage.py seed_demo` after the foundation.
DEMO_SEEDERS: list[str] = [
    "research_digest.demo.seed",
    # Before the modules' seeder: modules embed the demo scenarios by slug.
    "scenarios.demo.seed",
    "courses.demo.seed",
    # After the modules' seeder: it backdates completions on the demo modules.
    "evaluations.demo.seed",
    # After the surveys: it approves a few of their free-text answers for the board.
    "evaluations.reports.demo.seed",
]

# --- Modules (courses) ----------------------------------------------------------------
REFLECTION_MAX_CHARS = 10_000
# Panels on My learning added by other apps: dotted paths to callables taking the request
# and returning {"template": …, "context": {…}} or None (courses imports none of them).
MY_LEARNING_PANELS: list[str] = [
    "scenarios.my_learning.scenarios_panel",
    "evaluations.panels.surveys_waiting",
    "research_digest.panels.research_digests",
]

# --- Research digests -----------------------------------------------------------------
# Trainers see a "review due" warning on digests last reviewed longer ago than this.
DIGEST_REVIEW_AFTER_DAYS = int(os.environ.get("DIGEST_REVIEW_AFTER_DAYS", "365"))

# --- Evaluations (follow-up surveys) --------------------------------------------------
# Reminders this many days after an invitation is sent; it closes after EXPIRE_DAYS.
EVALUATION_REMINDER_DAYS = [
    int(d) for d in env_list("EVALUATION_REMINDER_DAYS", "7,14") if d.isdigit()
]
EVALUATION_EXPIRE_DAYS = int(os.environ.get("EVALUATION_EXPIRE_DAYS", "30"))
# Follow-ups are due at this hour (London time) on their calendar day.
EVALUATION_SEND_HOUR = int(os.environ.get("EVALUATION_SEND_HOUR", "9"))
# A claim older than this is taken to belong to a dead worker and is retried. Longer than
# a sweep batch can take to send, so a live sweep never loses its claim.
EVALUATION_CLAIM_STALE_MINUTES = int(os.environ.get("EVALUATION_CLAIM_STALE_MINUTES", "30"))
# Invitations per batch task (a batch's queries do not grow with it; 500 in chunks of 100
# sent 10,000 with 4 workers about a fifth faster than 100 in chunks of 50).
EVALUATION_SWEEP_BATCH_SIZE = int(os.environ.get("EVALUATION_SWEEP_BATCH_SIZE", "500"))
# A batch sends this many emails at a time, renewing the leases on each chunk's rows
# before sending it (and on the rest every third of the stale period).
EVALUATION_SWEEP_SEND_CHUNK = int(os.environ.get("EVALUATION_SWEEP_SEND_CHUNK", "100"))
SURVEY_FREE_TEXT_MAX_CHARS = int(os.environ.get("SURVEY_FREE_TEXT_MAX_CHARS", "2000"))
# Reports never show a count of fewer people than this (nobody can be picked out).
SMALL_CELL_THRESHOLD = int(os.environ.get("SMALL_CELL_THRESHOLD", "5"))

# --- Training-impact reports (evaluations.reports) ------------------------------------
# How many job roles the reach table lists before folding the rest into "Other roles"
# (job roles are free text, so a long tail of one-off spellings is normal).
REPORT_TOP_JOB_ROLES = int(os.environ.get("REPORT_TOP_JOB_ROLES", "8"))
# The measure whose 3- and 12-month answers say whether a learner applied the learning
# (agree or strongly agree, 4 or 5 on the 1 to 5 scale, counts as applied).
REPORT_APPLIED_MEASURE_SLUG = os.environ.get("REPORT_APPLIED_MEASURE_SLUG", "applied-learning")
# Reports are added up in the database and kept this long per partnership and filters
# (editing an indicator or approving a comment clears them at once); 0 turns caching off.
REPORT_CACHE_SECONDS = int(os.environ.get("REPORT_CACHE_SECONDS", "900"))
# Celery beat adds up each partnership's whole (unfiltered) report this often.
REPORT_REFRESH_MINUTES = int(os.environ.get("REPORT_REFRESH_MINUTES", "10"))
# Each partnership's whole report is added up ahead of time, so the first page a board
# member opens never waits on the database (seconds at county scale). Starts at minute 3
# so it does not coincide with the follow-up sweep.
CELERY_BEAT_SCHEDULE["impact-reports-refresh"] = {
    "task": "evaluations.reports.tasks.refresh_partnership_reports",
    "schedule": crontab(minute=f"3-59/{REPORT_REFRESH_MINUTES}"),
}
# The audit log keeps AUDIT_LOG_RETENTION_DAYS of events; older ones are deleted each
# night. 03:40 is when nobody reads the log and the database is quiet, clear of the other
# night jobs (03:15 sessions, 03:25 spreadsheets) and of the quarter-hour follow-up sweeps.
CELERY_BEAT_SCHEDULE["audit-log-retention-nightly"] = {
    "task": "learning_site.tasks.delete_expired_audit_events",
    "schedule": crontab(hour=3, minute=40),
}
# Spreadsheets of people to invite are deleted INVITATION_IMPORT_KEEP_DAYS after upload.
CELERY_BEAT_SCHEDULE["invitation-imports-delete-old"] = {
    "task": "learning_site.tasks.delete_old_invitation_imports",
    "schedule": crontab(hour=3, minute=25),
}

# --- xAPI: statements to each partnership's learning record store (issue 18) -----------
# A partnership administrator sets the store's endpoint and key in the admin
# (Partnerships → Learning record store); statements queue in an outbox with the event
# and leave in batches (learning_site.learning_records.sending).
XAPI_BATCH_SIZE = int(os.environ.get("XAPI_BATCH_SIZE", "50"))
# A claimed batch is held this long; it must be longer than the HTTP timeout so no other
# worker can claim a batch whose POST is still in flight. A killed worker's batch is
# claimed again after it.
XAPI_LEASE_SECONDS = int(os.environ.get("XAPI_LEASE_SECONDS", "120"))
XAPI_HTTP_TIMEOUT_SECONDS = int(os.environ.get("XAPI_HTTP_TIMEOUT_SECONDS", "30"))
# After a failed try: wait 30 s, then 1, 2, 4 … minutes, at most 6 hours between tries.
XAPI_RETRY_BASE_SECONDS = int(os.environ.get("XAPI_RETRY_BASE_SECONDS", "30"))
XAPI_RETRY_MAX_SECONDS = int(os.environ.get("XAPI_RETRY_MAX_SECONDS", str(6 * 60 * 60)))
# Statements are sent as soon as their transaction commits (a task per commit); beat
# runs the sender every minute too, for retries whose back-off has passed and for
# anything a lost task left behind. A minute with nothing due is one small query.
XAPI_SEND_ON_COMMIT = env_bool("XAPI_SEND_ON_COMMIT", True)
CELERY_BEAT_SCHEDULE["xapi-send-statements"] = {
    "task": "learning_site.learning_records.tasks.send_statements",
    "schedule": 60.0,
}
# --- end of xAPI settings ---------------------------------------------------------------
