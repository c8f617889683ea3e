"""DanVan settings: one module, driven by the environment (see docs/architecture.md)."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

PRODUCTION = env_bool("DANVAN_PRODUCTION", False)
DEBUG = env_bool("DANVAN_DEBUG", False) and not PRODUCTION
SECRET_KEY = env_str("DANVAN_SECRET_KEY", None if PRODUCTION else "dev-only-insecure-key-change-me")
if PRODUCTION and (len(SECRET_KEY) < 50 or SECRET_KEY.startswith("dev-only")):
    raise ImproperlyConfigured("DANVAN_SECRET_KEY must be a random string of at least 50 characters.")
ALLOWED_HOSTS = env_list("DANVAN_ALLOWED_HOSTS", [] if PRODUCTION else ["*"])
CSRF_TRUSTED_ORIGINS = env_list("DANVAN_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",
    "ninja",  # serves its vendored Swagger UI; without it the docs page loads from a CDN
    "django_tasks_db",
    "danvan.core",
    "danvan.audit",
    "danvan.territory",
    "danvan.orgs",
    "danvan.accounts",
    "danvan.practices",
    "danvan.reporting",
    "danvan.meetings",
    "danvan.petitions",
    "danvan.campaigns",
    "danvan.membership",
    "danvan.extraction",
    "danvan.documents",
    "danvan.dashboards",
    "danvan.portal",
    "danvan.demo",
    "danvan.generator",
]

MIDDLEWARE = [
    "danvan.core.middleware.RequestSizeLimitMiddleware",  # first: refuses oversized bodies unread
    "danvan.core.middleware.NulCharacterMiddleware",  # API input with NUL: 422, never a 500
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "danvan.accounts.middleware.SessionActivityMiddleware",  # after SessionMiddleware: runs before its save
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "danvan.accounts.middleware.ScopeMiddleware",
    "danvan.accounts.middleware.SecondFactorRequiredMiddleware",  # after the scope: reads the roles
    "danvan.accounts.ratelimit.ApiRateLimitMiddleware",  # 429 + Retry-After per token / address
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "danvan.core.context_processors.shell",
            ],
            "builtins": ["danvan.core.templatetags.vn"],
        },
    }
]

# Database: SQLite under var/ by default, or DATABASE_URL (sqlite:///… or postgres://…).
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'danvan.sqlite3'}")
try:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DANVAN_DB_CONN_MAX_AGE", 0, minimum=0))
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database address: {exc}") from exc
if _db["ENGINE"] == "django.db.backends.sqlite3":
    if _db["NAME"] not in ("", ":memory:"):
        Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    _db["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA cache_size=-64000;"
        ),
    }
elif _db["ENGINE"] == "django.db.backends.postgresql":
    # Lets psycopg prepare statements on the server. Django's cursors bind parameters in the client
    # and never prepare; only the reads of core/fixed_sql.py (`Prepared`) ask for it, on a cursor of
    # their own (prepare_threshold None would forbid even that). See docs/deploy.md for poolers.
    # Added to what the address gives (?sslmode=require…), not in its place.
    _db.setdefault("OPTIONS", {}).setdefault("prepare_threshold", 5)
else:
    raise ImproperlyConfigured("DATABASE_URL must be a sqlite:// or postgres:// address.")
_db["TEST"] = {"NAME": env_str("DANVAN_TEST_DB_NAME", "")} if env_str("DANVAN_TEST_DB_NAME", "") else {}
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "danvan.accounts.backends.AccountBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Roles whose holders must use the second sign-in factor (TOTP), e.g. "system_admin,approver":
# until they turn it on, every page leads to its setup and the API refuses their tokens.
DANVAN_TOTP_REQUIRED_ROLES = env_list("DANVAN_TOTP_REQUIRED_ROLES", [])
_ROLES = {"viewer", "reporter", "approver", "unit_admin", "system_admin"}
if set(DANVAN_TOTP_REQUIRED_ROLES) - _ROLES:
    raise ImproperlyConfigured(f"DANVAN_TOTP_REQUIRED_ROLES takes roles among: {', '.join(sorted(_ROLES))}.")
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions expire after inactivity (seconds) and when the browser closes.
# database sessions, the row read by fixed SQL on every request (accounts/sessions.py)
SESSION_ENGINE = "danvan.accounts.sessions"
SESSION_COOKIE_AGE = env_int("DANVAN_SESSION_SECONDS", 8 * 3600, minimum=300)
# Sliding idle expiry, saved at most once per interval (accounts.middleware.SessionActivityMiddleware)
# rather than on every request (SESSION_SAVE_EVERY_REQUEST wrote the session row each time).
DANVAN_SESSION_REFRESH_SECONDS = env_int("DANVAN_SESSION_REFRESH_SECONDS", 300, minimum=0)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Lockout after repeated failed logins (django-axes): per username and address.
AXES_FAILURE_LIMIT = env_int("DANVAN_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("DANVAN_LOGIN_COOLOFF_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("DANVAN_MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"

# Uploads: refuse large bodies before they are read whole.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # a form or JSON body without files
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # larger files are streamed to a temporary file
# One uploaded file (danvan.core.uploads) and a whole request (RequestSizeLimitMiddleware, 413).
DANVAN_MAX_UPLOAD_BYTES = env_int("DANVAN_MAX_UPLOAD_BYTES", 20 * 1024 * 1024, minimum=1024)
DANVAN_MAX_REQUEST_BYTES = env_int(
    "DANVAN_MAX_REQUEST_BYTES", DANVAN_MAX_UPLOAD_BYTES + 1024 * 1024, minimum=DATA_UPLOAD_MAX_MEMORY_SIZE
)
DANVAN_MAX_EXCEL_BYTES = env_int("DANVAN_MAX_EXCEL_BYTES", 5 * 1024 * 1024, minimum=1024)
DANVAN_MAX_IMPORT_ROWS = env_int("DANVAN_MAX_IMPORT_ROWS", 5000, minimum=10)
# One Excel export of a list: more rows answer a message asking to filter (danvan.core.export).
DANVAN_MAX_EXPORT_ROWS = env_int("DANVAN_MAX_EXPORT_ROWS", 100_000, minimum=10)

TASKS = {
    "default": {
        "BACKEND": env_str("DANVAN_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# A task that raises is tried again (danvan.core.task_retry): at most this many attempts in all,
# waiting the base delay, then 4× longer after each further failure (1 min, 4 min, …).
DANVAN_TASK_MAX_ATTEMPTS = env_int("DANVAN_TASK_MAX_ATTEMPTS", 3, minimum=1)
DANVAN_TASK_RETRY_SECONDS = env_int("DANVAN_TASK_RETRY_SECONDS", 60, minimum=1)
# A task running longer than this is shown as stalled (its worker may have died) and may be re-run.
DANVAN_TASK_STALLED_MINUTES = env_int("DANVAN_TASK_STALLED_MINUTES", 60, minimum=1)

# E-mail (password reset, reminders): console by default; SMTP when DANVAN_SMTP_HOST is set.
_smtp_host = env_str("DANVAN_SMTP_HOST", "")
MAILERS = {
    "default": (
        {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _smtp_host,
                "port": env_int("DANVAN_SMTP_PORT", 587, minimum=1),
                "username": env_str("DANVAN_SMTP_USER", ""),
                "password": env_str("DANVAN_SMTP_PASSWORD", ""),
                "use_tls": env_bool("DANVAN_SMTP_TLS", True),
            },
        }
        if _smtp_host
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    )
}
DEFAULT_FROM_EMAIL = env_str("DANVAN_FROM_EMAIL", "DanVan <no-reply@danvan.local>")

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500
DANVAN_API_TOKEN_DAYS = env_int("DANVAN_API_TOKEN_DAYS", 90, minimum=1)
# Public petitions per client address and hour (the load test, all from 127.0.0.1, raises it).
DANVAN_PETITION_PUBLIC_LIMIT = env_int("DANVAN_PETITION_PUBLIC_LIMIT", 10, minimum=1)

# Security: production hardening (checked by `manage.py check --deploy`).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Content-Security-Policy (Django's built-in middleware): our own files only, no inline script or
# style, no eval, no framing, forms post only to us. `data:` images: Pico's CSS icons.
# Enforced everywhere but under DEBUG, where it is report-only (Django's debug page is inline).
_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CSP = {} if DEBUG else _CSP
SECURE_CSP_REPORT_ONLY = _CSP if DEBUG else {}
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DANVAN_SSL_REDIRECT", True)
    # Trust X-Forwarded-Proto only behind a reverse proxy that sets it (and strips the client's).
    if env_bool("DANVAN_BEHIND_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DANVAN_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_NAME = "__Host-sessionid"  # only over HTTPS, for this host, path / (no subdomain)
    CSRF_COOKIE_NAME = "__Host-csrftoken"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DANVAN_LOG_LEVEL", "WARNING")},
}
