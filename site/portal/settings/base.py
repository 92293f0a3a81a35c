"""Settings shared by every run shape. Everything external comes from the environment.

See README.md, "Configuration", for the table of variables.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.utils.csp import CSP

from . import env

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/portal
REPO_DIR = PROJECT_DIR.parent.parent
VAR_DIR = Path(env.text("REDI_VAR_DIR", str(REPO_DIR / "var")))

DEBUG = False
SECRET_KEY = env.text("SECRET_KEY", "insecure-development-key-change-me-in-production-0123456789")
ALLOWED_HOSTS = env.csv("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.csv("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # our own: composition root and layers 1–2
    "portal.pages",
    "portal.core",
    "portal.demo",
    "portal.pagecache",
    "portal.security",
    # domain apps
    "services",
    "vereinsportal",
    "sensor_widgets",
    "backoffice.efiles",
    "backoffice.invoices",
    "blocks",
    "blocks.clipboard",
    "themes",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # files with folders and permissions (records, club downloads)
    "filer",
    "easy_thumbnails",
    # failed sign-ins counted and locked out (portal/security/login.py)
    "axes",
    # second factor for the admin (portal/security/two_factor.py)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # background work
    "django_tasks",
    "django_tasks_db",
    # ASGI
    "daphne",
    "channels",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # first: answers page-cache hits and stores anonymous pages (portal/pagecache)
    "portal.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy, then the admin's policy and Permissions-Policy (portal/security)
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.security.headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.core.middleware.TownScopeMiddleware",
    # every POST of a visitor who is not signed in counts per address (portal/security)
    "portal.security.ratelimit.PublicPostRateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # staff sessions end after idle or maximum time (portal/security/sessions.py)
    "portal.security.sessions.StaffSessionMiddleware",
    # admin pages need the second factor (portal/security/two_factor.py)
    "portal.security.two_factor.TwoFactorMiddleware",
    # last: turns a locked-out sign-in into the sign-in page with the reason
    "axes.middleware.AxesMiddleware",
]

# --- uploads (issue #12, portal/core/uploads) ---------------------------------------
# ClamAV clamd for every upload (unix:///run/clamav/clamd.ctl or tcp://127.0.0.1:3310);
# empty: no scan (demo). Set but not answering: uploads are refused (fail closed).
CLAMAV_URL = env.url("CLAMAV_URL", {"unix", "tcp"})
CLAMAV_TIMEOUT = env.integer("CLAMAV_TIMEOUT", 30)
UPLOADS_ARCHIVE_MAX_MEMBERS = env.integer("UPLOADS_ARCHIVE_MAX_MEMBERS", 1000)
UPLOADS_ARCHIVE_MAX_MB = env.integer("UPLOADS_ARCHIVE_MAX_MB", 100)
UPLOADS_ARCHIVE_MAX_RATIO = env.integer("UPLOADS_ARCHIVE_MAX_RATIO", 100)
UPLOADS_PDF_MAX_ATTACHMENTS = env.integer("UPLOADS_PDF_MAX_ATTACHMENTS", 20)
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.core.uploads.forms.CheckedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.core.uploads.forms.CheckedDocumentForm"

# --- security headers (issue #12, portal/security/headers.py) ---------------------------
# Citizen pages: scripts and styles only from files of this origin (a script may carry
# the request's nonce, none does today), no eval, frames only from the providers the
# two-click consent of blocks/embeds.py loads, framed by no one.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "frame-src": [
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://www.openstreetmap.org",
    ],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
# Wagtail 8's admin writes inline <script> elements (inline panels, date and chooser
# widgets, modal responses) and inline styles: there, and only there, they are allowed.
# Its preview panel frames the preview from the same origin.
SECURE_CSP_ADMIN = {
    **SECURE_CSP,
    "frame-ancestors": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "base-uri": [CSP.SELF],
}
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views say SAMEORIGIN themselves
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.core.context_processors.town",
            ],
        },
    },
]

# --- data ---------------------------------------------------------------------------
DATABASES = {"default": env.database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'redi.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")  # full-text search of Wagtail's backend
    # Under ASGI every request runs in a thread of its own: without a pool, concurrent
    # requests left their connections open until PostgreSQL refused more ("too many
    # clients" at 8 parallel form submissions). Django's psycopg pool bounds them.
    if env.flag("DATABASE_POOL", True):
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # required with a pool
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": env.integer("DATABASE_POOL_SIZE", 20),
            "timeout": 10,
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.url("REDIS_URL", {"redis", "rediss", "unix"})

if REDIS_URL:
    CACHES = {
        "default": {
            # Redis away: reads miss, writes are dropped, pages still served (core/cache.py)
            "BACKEND": "portal.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.text("CACHE_KEY_PREFIX", "redi"),
        }
    }
    # Live updates across processes (issue #11): "fanout" – one Redis subscription per
    # process, delivered to that process's sockets (portal/fanout); "pubsub"/"redis" –
    # the layers of channels-redis, kept for comparison (bench/fanout.py).
    _CHANNEL_LAYER_BACKENDS = {
        "fanout": "portal.fanout.layer.FanoutChannelLayer",
        "pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer",
        "redis": "channels_redis.core.RedisChannelLayer",
    }
    _channel_layer = env.choice("CHANNEL_LAYER", set(_CHANNEL_LAYER_BACKENDS), "fanout")
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": _CHANNEL_LAYER_BACKENDS[_channel_layer],
            "CONFIG": {"hosts": [REDIS_URL], "prefix": env.text("CACHE_KEY_PREFIX", "redi")},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    # one process (demo, tests): its own memory is the right place for sign-in counts;
    # production.py takes this back – several workers need a shared cache (Redis)
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]

# --- anonymous page cache (portal/pagecache, issue #11) ------------------------------
# Whole pages for visitors without session: Redis when REDIS_URL is set (every worker
# shares it), this process's memory otherwise. Any content change invalidates all.
PAGE_CACHE_ENABLED = env.flag("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = env.integer("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_REDIS_URL = REDIS_URL
PAGE_CACHE_KEY_PREFIX = env.text("CACHE_KEY_PREFIX", "redi")
# changes of these (app label or app_label.model) leave public pages as they are
PAGE_CACHE_IGNORED_MODELS = [
    "admin", "auth", "contenttypes", "sessions", "django_tasks_database", "block_clipboard",
    "efiles", "invoices", "easy_thumbnails", "wagtailsearch", "wagtailadmin",
    "core.outboxmessage", "wagtailcore.revision", "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry", "wagtailcore.referenceindex", "wagtailcore.workflowstate",
    "wagtailcore.taskstate", "wagtailcore.comment", "wagtailcore.commentreply",
    "wagtailcore.pagesubscription", "wagtailcore.uploadedfile", "wagtailimages.rendition",
    "wagtailusers.userprofile", "wagtailforms.formsubmission", "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits", "wagtail_localize.translationlog",
    "filer.clipboard", "filer.clipboarditem",
    "services.slotclaim", "services.ticket", "services.casesequence", "services.case",
    "services.casefile", "services.caseevent", "services.applicationdraft", "services.draftfile",
    "vereinsportal.clubmembership", "vereinsportal.clubinvitation",
    "vereinsportal.clubregistration", "vereinsportal.volunteerinterest",
    "sensor_widgets.observation", "sensor_widgets.observationaggregate",
    "sensor_widgets.uplink", "sensor_widgets.intakeproblem", "sensor_widgets.device",
]  # fmt: skip
# A reverse proxy in front (deploy/varnish/redi.vcl) purged on every change through
# wagtail.contrib.frontend_cache: e.g. FRONTEND_CACHE_URL=http://127.0.0.1:6081
FRONTEND_CACHE_URL = env.url("FRONTEND_CACHE_URL", {"http", "https"})
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

# --- background work (django-tasks; Wagtail 8 uses it for index and reference updates)
TASKS = {
    "default": {
        "BACKEND": (
            # django-tasks-db's queue, able to take Wagtail's django-tasks *backport*
            # tasks too (see portal/core/tasks.py)
            "portal.core.task_backend.DatabaseBackend"
            if env.text("TASK_BACKEND", "immediate") == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- search -------------------------------------------------------------------------
ELASTICSEARCH_URL = env.url("ELASTICSEARCH_URL", {"http", "https"})
SEARCH_INDEX_PREFIX = env.text("SEARCH_INDEX_PREFIX", "redi-dev")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": SEARCH_INDEX_PREFIX,
            "TIMEOUT": 10,
            "OPTIONS": {},
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {"type": "german"},
                        }
                    }
                }
            },
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- mail ---------------------------------------------------------------------------
MAILERS = {"default": env.mailer("EMAIL_URL")}
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", '"re@di Portal" <noreply@redi.example>')
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- files --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.text("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.text("MEDIA_ROOT", str(VAR_DIR / "media")))
PRIVATE_MEDIA_ROOT = Path(env.text("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # citizens' uploads and records: stored outside MEDIA_ROOT (a .url() would still name
    # /media/…, where none of it is served), served only by permission-checked views
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
# django-filer keeps non-public files (records of the E-Akte) below PRIVATE_MEDIA_ROOT;
# they have no URL of their own and are served only by permission-checked views
FILER_STORAGES = {
    "private": {
        "main": {
            "ENGINE": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT / "filer"), "base_url": None},
            "UPLOAD_TO": "filer.utils.generate_filename.randomized",
            "UPLOAD_TO_PREFIX": "",
        },
        "thumbnails": {
            "ENGINE": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT / "filer-thumbnails"), "base_url": None},
            "THUMBNAIL_OPTIONS": {},
        },
    },
}
# E-Akte: largest document upload
EFILES_MAX_UPLOAD_MB = env.integer("EFILES_MAX_UPLOAD_MB", 50)
# E-Akte: the archive that receives disposal packages (empty: "Stadtarchiv <Stadt>")
EFILES_ARCHIVE_NAME = env.text("EFILES_ARCHIVE_NAME", "")
# Rechnungslauf: largest invoice file, payment days when an invoice names no due date,
# reminder window, the official CEN rules (Saxon) for UBL, warnings that reject an invoice
INVOICES_MAX_UPLOAD_MB = env.integer("INVOICES_MAX_UPLOAD_MB", 20)
INVOICES_DEFAULT_PAYMENT_DAYS = env.integer("INVOICES_DEFAULT_PAYMENT_DAYS", 30)
INVOICES_REMINDER_DAYS = env.integer("INVOICES_REMINDER_DAYS", 3)
INVOICES_OFFICIAL_CEN_RULES = env.flag("INVOICES_OFFICIAL_CEN_RULES", True)
INVOICES_REJECTING_WARNINGS = set(env.csv("INVOICES_REJECTING_WARNINGS", ["BR-DE-19"]))
# Rechnungslauf API: requests per delivery key, and per client address with wrong keys
INVOICES_API_RATE = env.text("INVOICES_API_RATE", "120/m")
INVOICES_API_FAILED_RATE = env.text("INVOICES_API_FAILED_RATE", "30/m")
# Rechnungslauf: TrueType font of the invoice PDFs (empty: DejaVu Sans, else Helvetica)
INVOICES_PDF_FONT = env.text("INVOICES_PDF_FONT", "") or None

# --- languages ----------------------------------------------------------------------
LANGUAGE_CODE = "de"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# German is the source language; the others are translation targets (wagtail-localize).
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ar", "العربية"),
    ("fr", "Français"),
]
LANGUAGES_BIDI = ["ar"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Machine translation in wagtail-localize's editor: off unless configured.
MACHINE_TRANSLATION = env.text("MACHINE_TRANSLATION", "off")
if MACHINE_TRANSLATION == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.text("DEEPL_AUTH_KEY", required=True)},
    }
elif MACHINE_TRANSLATION == "libretranslate":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env.url("LIBRETRANSLATE_URL", {"http", "https"}, required=True),
            "API_KEY": env.text("LIBRETRANSLATE_API_KEY", ""),
        },
    }
elif MACHINE_TRANSLATION != "off":
    raise env.ConfigurationError("MACHINE_TRANSLATION", "must be off, deepl or libretranslate")

# --- auth ---------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account and address
    "django.contrib.auth.backends.ModelBackend",
]
# --- sign-in and staff sessions (issue #12, portal/security) --------------------------
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"  # counts in the (shared) cache
AXES_FAILURE_LIMIT = env.integer("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.integer("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.security.login.locked_out"
AXES_CLIENT_STR_CALLABLE = "portal.security.login.client_str"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password"]
# Everyone who signs in is staff of a town, a club or the region (citizens need no
# account): a session ends after STAFF_SESSION_IDLE_MINUTES without a request and at the
# latest STAFF_SESSION_MAX_HOURS after signing in.
# Every POST of a visitor who is not signed in, per address (django-ratelimit syntax;
# empty: off). Machine interfaces have limits of their own per device or key.
PUBLIC_POST_RATE = env.text("PUBLIC_POST_RATE", "100/h")
RATE_LIMIT_EXEMPT_PREFIXES = ["/sensorik/api/", "/sta/", "/rechnungen/api/"]
# "required": nobody works in the admin without a second factor (TOTP app or backup
# code); "optional": whoever set it up uses it (the demo's default).
STAFF_TWO_FACTOR = env.choice("STAFF_TWO_FACTOR", {"required", "optional"}, "optional")
OTP_TOTP_ISSUER = "re@di Portal"
STAFF_SESSION_IDLE_MINUTES = env.integer("STAFF_SESSION_IDLE_MINUTES", 30)
STAFF_SESSION_MAX_HOURS = env.integer("STAFF_SESSION_MAX_HOURS", 10)

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "re@di Portal"
# no avatars from gravatar.com: it would tell a third party who works in the admin
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env.text("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- re@di -------------------------------------------------------------------------
# Demo host names: "<slug>.<REDI_DEMO_DOMAIN>:<REDI_DEMO_PORT>"; production towns get
# their real host names from `redi createtown` or the Sites admin.
REDI_DEMO_DOMAIN = env.text("REDI_DEMO_DOMAIN", "localhost")
REDI_DEMO_PORT = env.integer("REDI_DEMO_PORT", 8000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.text("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- headless API (portal.api) ------------------------------------------------------
# Wagtail API v2 at /api/v2/, JSON only (no browsable API, so no "rest_framework" app).
# WAGTAILAPI_BASE_URL stays unset: URLs in answers use the host that was asked, one per
# town. CORS is closed unless CORS_ALLOWED_ORIGINS lists origins, and applies to /api/.
INSTALLED_APPS += ["wagtail.api.v2", "corsheaders", "portal.api"]
MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")
CORS_ALLOWED_ORIGINS = env.csv("CORS_ALLOWED_ORIGINS")
for _origin in CORS_ALLOWED_ORIGINS:
    _scheme, _, _host = _origin.partition("://")
    if _scheme not in {"http", "https"} or not _host or "/" in _host:
        raise env.ConfigurationError(
            "CORS_ALLOWED_ORIGINS", f"must list origins like https://app.example, not {_origin!r}"
        )
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_RICH_TEXT_FORMAT = "html"  # links resolved to public URLs; db_html on request
WAGTAILAPI_SEARCH_ENABLED = True

# --- search (portal.search) ---------------------------------------------------------
# The search page per town (issue #4). Backend by run shape, see portal/search/conf.py:
# Elasticsearch with a German analyzer when ELASTICSEARCH_URL is set; otherwise Wagtail's
# database backend, German via PostgreSQL's "german" configuration, or on SQLite by
# widening each word with its German Snowball stem (portal/search/backends.py).
from portal.search.conf import search_backends  # noqa: E402

INSTALLED_APPS += ["portal.search"]
WAGTAILSEARCH_BACKENDS = search_backends(
    database_engine=DATABASES["default"]["ENGINE"],
    elasticsearch_url=ELASTICSEARCH_URL,
    index_prefix=SEARCH_INDEX_PREFIX,
)
# --- end of search (portal.search) --------------------------------------------------

# --- Online-Bürgerservice (services) ------------------------------------------------
# Online applications: limit per IP address on sending and on "save for later"
# (django-ratelimit syntax), minimum seconds between showing and sending the first
# step (bots are faster), total size of one application's uploads.
SERVICES_SUBMIT_RATE = env.text("SERVICES_SUBMIT_RATE", "10/h")
SERVICES_MIN_SUBMIT_SECONDS = env.integer("SERVICES_MIN_SUBMIT_SECONDS", 3)
SERVICES_MAX_UPLOAD_TOTAL_MB = env.integer("SERVICES_MAX_UPLOAD_TOTAL_MB", 30)
# TrueType font of the case PDF export; default: DejaVu Sans where installed
SERVICES_PDF_FONT = env.text("SERVICES_PDF_FONT")
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True  # Redis away: count nothing rather than refuse every form

# --- Vereine & Ehrenamt (vereinsportal) ---------------------------------------------
# Public forms (club contact, club registration, sign-up, volunteer interest): limit per
# IP address (django-ratelimit syntax).
VEREINE_FORM_RATE = env.text("VEREINE_FORM_RATE", "20/h")
# Recurring events without an end are materialised this many days ahead (a daily job
# moves the horizon on).
VEREINE_OCCURRENCE_HORIZON_DAYS = env.integer("VEREINE_OCCURRENCE_HORIZON_DAYS", 400)
# Personal data: sign-ups are deleted this many days after the event date, volunteer
# interests this many days after they arrived.
VEREINE_SIGNUP_KEEP_DAYS = env.integer("VEREINE_SIGNUP_KEEP_DAYS", 30)
VEREINE_INTEREST_KEEP_DAYS = env.integer("VEREINE_INTEREST_KEEP_DAYS", 90)
# Decided club registrations (with the applicant's contact details) are deleted after this.
VEREINE_REGISTRATION_KEEP_DAYS = env.integer("VEREINE_REGISTRATION_KEEP_DAYS", 90)
# Largest image a club may upload (logo, photos, event image), in megabytes.
VEREINE_MAX_IMAGE_MB = env.integer("VEREINE_MAX_IMAGE_MB", 5)
# Sent mails (citizens' addresses and texts) are deleted from the outbox after this.
OUTBOX_KEEP_DAYS = env.integer("OUTBOX_KEEP_DAYS", 30)
# Accepted or expired club invitations (an e-mail address) are deleted after this.
VEREINE_INVITATION_KEEP_DAYS = env.integer("VEREINE_INVITATION_KEEP_DAYS", 30)
# Answers sent through form pages (accessibility feedback) are deleted after this.
FORM_SUBMISSION_KEEP_DAYS = env.integer("FORM_SUBMISSION_KEEP_DAYS", 180)

# --- Infrastruktur Sensorik (sensor_widgets) -----------------------------------------
# MQTT broker the intake worker (`redi mqtt_intake`) subscribes to, e.g.
# mqtt://user:password@127.0.0.1:1883 (mqtts:// for TLS). Unset: HTTP intake only.
MQTT_URL = env.url("MQTT_URL", {"mqtt", "mqtts"})
# Topics of the uplinks: ChirpStack v4 and The Things Stack v3 by default.
SENSOR_MQTT_TOPICS = env.csv(
    "SENSOR_MQTT_TOPICS", ["application/+/device/+/event/up", "v3/+/devices/+/up"]
)
# Client id of the worker: the broker keeps its persistent session (QoS 1) under it.
SENSOR_MQTT_CLIENT_ID = env.text("SENSOR_MQTT_CLIENT_ID", "redi-intake")
# Raw observations are deleted after this many days; hourly/daily aggregates stay.
SENSOR_RAW_KEEP_DAYS = env.integer("SENSOR_RAW_KEEP_DAYS", 90)
# Ended threshold alerts are deleted after this many days (open ones never).
SENSOR_ALERT_KEEP_DAYS = env.integer("SENSOR_ALERT_KEEP_DAYS", 730)
# Most observations one HTTP request may carry.
SENSOR_BATCH_MAX = env.integer("SENSOR_BATCH_MAX", 10000)
# Largest HTTP intake body (bytes).
SENSOR_HTTP_MAX_BYTES = env.integer("SENSOR_HTTP_MAX_BYTES", 16 * 1024 * 1024)
# How long the broker keeps the worker's session (and queues uplinks) while it is away.
SENSOR_MQTT_SESSION_EXPIRY = env.integer("SENSOR_MQTT_SESSION_EXPIRY", 7 * 24 * 3600)
# How many HTTP requests one device may send (django-ratelimit syntax).
SENSOR_HTTP_RATE = env.text("SENSOR_HTTP_RATE", "600/m")
# SensorThings API: entities per page by default and at most ($top).
SENSOR_STA_PAGE_SIZE = env.integer("SENSOR_STA_PAGE_SIZE", 100)
SENSOR_STA_MAX_TOP = env.integer("SENSOR_STA_MAX_TOP", 10000)
# SensorThings MQTT extension: new observations are published to the broker under
# v1.1/Datastreams(<id>)/Observations (only when MQTT_URL is set).
SENSOR_STA_MQTT = env.flag("SENSOR_STA_MQTT", True)
# Pages whose WebSocket is unavailable ask for new values this often (seconds).
SENSOR_POLL_SECONDS = env.integer("SENSOR_POLL_SECONDS", 30)
