"""Production: PostgreSQL, Redis, SMTP, Elasticsearch where configured, behind a TLS proxy.

Required variables: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. See README "Configuration".
"""

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
SECRET_KEY = env.text("SECRET_KEY", required=True)
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise env.ConfigurationError("SECRET_KEY", "must be at least 50 random characters")
ALLOWED_HOSTS = env.csv("ALLOWED_HOSTS", required=True)
env.text("DATABASE_URL", required=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env.flag(
    "ALLOW_SQLITE_IN_PRODUCTION"
):
    raise env.ConfigurationError("DATABASE_URL", "must point at PostgreSQL in production")

# behind a TLS-terminating proxy (nginx, Varnish, a load balancer)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env.flag("USE_X_FORWARDED_HOST", False)
SECURE_SSL_REDIRECT = env.flag("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.flag("SECURE_HSTS_PRELOAD", True)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]  # a deliberate choice of the operator
env.url("EMAIL_URL", {"smtp", "smtps"}, required=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    **STORAGES,  # noqa: F405 – the private storage of base.py
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
