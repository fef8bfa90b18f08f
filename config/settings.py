"""Django settings. Every value comes from `simadu.core.settings_registry`; no domain code here."""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

import dj_database_url
import django_stubs_ext

from simadu.core.settings_registry import env, env_bool, env_list

django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env("SIMADU_VAR_DIR"))
if not VAR_DIR.is_absolute():
    VAR_DIR = BASE_DIR / VAR_DIR
SIMADU_ENV = env("SIMADU_ENV")
EMBEDDED = SIMADU_ENV != "production"


def _key_file(name: str, make: bytes) -> str:
    """A generated secret kept under var/keys (embedded default only)."""
    path = VAR_DIR / "keys" / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(make)
    return path.read_text().strip()


_RAW_SIMADU_SECRET_KEY = env("SIMADU_SECRET_KEY")
_RAW_SIMADU_MASTER_KEY = env("SIMADU_MASTER_KEY")
_RAW_DATABASE_URL = env("DATABASE_URL")

if EMBEDDED:
    SECRET_KEY = _RAW_SIMADU_SECRET_KEY or _key_file("secret_key", secrets.token_urlsafe(50).encode())
    SIMADU_MASTER_KEY = _RAW_SIMADU_MASTER_KEY or _key_file("master.key", base64.b64encode(os.urandom(32)))
else:
    SECRET_KEY = _RAW_SIMADU_SECRET_KEY or "!production-needs-SIMADU_SECRET_KEY"
    SIMADU_MASTER_KEY = _RAW_SIMADU_MASTER_KEY
# Retired master keys still unwrap what `simadu keys rotate` has not re-wrapped yet (simadu.core.crypto).
SIMADU_MASTER_KEYS_RETIRED = env_list("SIMADU_MASTER_KEYS_RETIRED")
# Embedded default: the keyring is var/keys/master.key plus var/keys/retired/*.key, which `simadu keys new`
# rotates; empty when SIMADU_MASTER_KEY is given.
SIMADU_KEY_DIR = str(VAR_DIR / "keys") if EMBEDDED and not _RAW_SIMADU_MASTER_KEY else ""

DEBUG = env_bool("SIMADU_DEBUG")
ALLOWED_HOSTS = env_list("SIMADU_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("SIMADU_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "simadu.workspace.admin_apps.SimaduAdminConfig",  # django.contrib.admin behind the staff sign-in
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simadu.core",
    "simadu.accounts",
    "simadu.triage",
    "simadu.audit",
    "simadu.outbox",
    "simadu.confidentiality",
    "simadu.cases",
    "simadu.deadlines",
    "simadu.intake",
    "simadu.tracking",
    "simadu.transparency",
    "simadu.portal",
    "simadu.workspace",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "simadu.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "simadu.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

if _RAW_DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(_RAW_DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "simadu.sqlite3"),
            "OPTIONS": {
                # IMMEDIATE: a writer takes the lock at BEGIN, so two writers queue
                # instead of failing when one upgrades a read lock.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            },
            "TEST": {"NAME": str(VAR_DIR / "test.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # Shared by every web worker of `simadu serve`, so per-client limits hold across processes.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "workspace:login"
LOGIN_REDIRECT_URL = "workspace:inbox"
LOGOUT_REDIRECT_URL = "workspace:login"

# Reporters carry no account and no server-side session: staff sessions only, one working day long
# and gone when the browser closes. Lax, not Strict: Strict would drop the session when an officer
# follows a link to a case from a mail or chat message, and Lax already keeps the cookie off every
# cross-site POST (CSRF tokens guard the rest).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SECURE = not EMBEDDED
CSRF_COOKIE_SECURE = not EMBEDDED
SIMADU_REQUIRE_2FA = env_bool("SIMADU_REQUIRE_2FA")

# Headers. HTTPS-only (HSTS) in production; not on the embedded default, which is served over http.
SECURE_HSTS_SECONDS = 0 if EMBEDDED else int(env("SIMADU_HSTS_SECONDS"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = False  # other services of the ministry's domain are not ours to bind
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SIMADU_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# No inline script, style or event handler anywhere: our templates load everything from /static/
# (htmx's own indicator style is turned off with <meta name="htmx-config">).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "src" / "simadu" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "media"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SIMADU_MAX_UPLOAD_BYTES = int(env("SIMADU_MAX_UPLOAD_MB")) * 1024 * 1024
# Request bodies: room for five evidence files; JSON bodies are bounded by the schema.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
SIMADU_RATE_LIMITS = env_bool("SIMADU_RATE_LIMITS")
SIMADU_CLIENT_IP_HEADER = env("SIMADU_CLIENT_IP_HEADER").strip()
SIMADU_DEMO_DATA = env_bool("SIMADU_DEMO_DATA")
SIMADU_RETENTION_YEARS = int(env("SIMADU_RETENTION_YEARS"))
SIMADU_OUTBOX_KEEP_DAYS = int(env("SIMADU_OUTBOX_KEEP_DAYS"))
SIMADU_IDEMPOTENCY_KEEP_DAYS = int(env("SIMADU_IDEMPOTENCY_KEEP_DAYS"))
SIMADU_WORKING_HOURS = env("SIMADU_WORKING_HOURS")
SIMADU_ESCALATE_ITJEN_AFTER_DAYS = int(env("SIMADU_ESCALATE_ITJEN_AFTER_DAYS"))
SIMADU_SCHEDULER = env_bool("SIMADU_SCHEDULER")
SIMADU_WEB_WORKERS = int(env("SIMADU_WEB_WORKERS"))
SIMADU_WEB_THREADS = int(env("SIMADU_WEB_THREADS"))

if env("SIMADU_SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("SIMADU_SMTP_HOST")
    EMAIL_PORT = int(env("SIMADU_SMTP_PORT"))
    EMAIL_HOST_USER = env("SIMADU_SMTP_USER")
    EMAIL_HOST_PASSWORD = env("SIMADU_SMTP_PASSWORD")
    EMAIL_USE_TLS = env_bool("SIMADU_SMTP_TLS")
    EMAIL_TIMEOUT = 15  # seconds: a server that swallows connections must not hang a worker or the sweep
    SIMADU_MAIL_CONFIGURED = True
else:
    # Nothing leaves and nothing is written to disk: the outbox keeps the message.
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    SIMADU_MAIL_CONFIGURED = False
DEFAULT_FROM_EMAIL = env("SIMADU_MAIL_FROM")
SIMADU_PUBLIC_URL = env("SIMADU_PUBLIC_URL").rstrip("/")
SIMADU_MAIL_DOMAIN = env("SIMADU_MAIL_DOMAIN").strip()
SIMADU_MAIL_REPLY_TO = env("SIMADU_MAIL_REPLY_TO").strip()
SIMADU_SMS_GATEWAY_URL = env("SIMADU_SMS_GATEWAY_URL").strip()
SIMADU_WHATSAPP_GATEWAY_URL = env("SIMADU_WHATSAPP_GATEWAY_URL").strip()
SIMADU_GATEWAY_TOKEN = env("SIMADU_GATEWAY_TOKEN").strip()

# Celery: Redis in production; in-process (eager) on the embedded default.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
# Celery beat's schedule of the periodic jobs is `simadu.deadlines.scheduler.JOBS` (config/celery.py).
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# No request data in logs: Django's request logger would print paths with tracking ids.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        # One line per in-process task and the broker's note about memory:// would bury what matters.
        "celery.app.trace": {"level": "WARNING"},
        "kombu.connection": {"level": "ERROR"},
    },
}

NINJA_PAGINATION_PER_PAGE = 50
