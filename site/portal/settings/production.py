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
# nobody works in the admin of a live installation without a second factor
STAFF_TWO_FACTOR = env.choice("STAFF_TWO_FACTOR", {"required", "optional"}, "required")
# sign-in counts must be shared by the workers: without REDIS_URL django-axes warns
SILENCED_SYSTEM_CHECKS = []
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")  # a deliberate choice of the operator
env.url("EMAIL_URL", {"smtp", "smtps"}, required=True)
# Cookies only over HTTPS, bound to the exact host (``__Host-``: Secure, Path=/, no
# Domain – a town's cookie never reaches another town's address)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = True
SECURE_CSP = {**SECURE_CSP, "upgrade-insecure-requests": True}  # noqa: F405
SECURE_CSP_ADMIN = {**SECURE_CSP_ADMIN, "upgrade-insecure-requests": True}  # noqa: F405

STORAGES = {
    **STORAGES,  # noqa: F405 – the private storage of base.py
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

# --- S3-compatible object storage (issue #11) --------------------------------------------
# With S3_BUCKET every process reads and writes the same files, wherever it runs: media
# (Wagtail images/documents, filer's public files) go to S3_BUCKET with public reads;
# citizens' uploads, records and invoices (storage "private", filer's private files) go to
# S3_PRIVATE_BUCKET – private objects without a public URL, read only by the
# permission-checked views (``storages["private"].open(...)``). Without S3_BUCKET the
# files stay on this machine's disk (MEDIA_ROOT, PRIVATE_MEDIA_ROOT), as in base.py.
S3_BUCKET = env.text("S3_BUCKET")
_S3_NAMES = (
    "S3_PRIVATE_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_CUSTOM_DOMAIN",
)


def _s3_options() -> tuple[dict, dict]:
    """(public, private) ``OPTIONS`` of ``storages.backends.s3.S3Storage``."""
    private_bucket = env.text("S3_PRIVATE_BUCKET", required=True)
    if private_bucket == S3_BUCKET:
        raise env.ConfigurationError(
            "S3_PRIVATE_BUCKET", "must name another bucket than S3_BUCKET (public reads)"
        )
    access_key = env.text("S3_ACCESS_KEY_ID")
    secret_key = env.text("S3_SECRET_ACCESS_KEY")
    if bool(access_key) != bool(secret_key):  # one without the other: a typo, not a choice
        missing = "S3_SECRET_ACCESS_KEY" if access_key else "S3_ACCESS_KEY_ID"
        raise env.ConfigurationError(
            missing, "is not set (S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together)"
        )
    custom_domain = env.text("S3_CUSTOM_DOMAIN")
    if custom_domain and "://" in custom_domain:
        raise env.ConfigurationError(
            "S3_CUSTOM_DOMAIN", "must be a host name like media.redi.example, not a URL"
        )
    public_acl = env.text("S3_PUBLIC_ACL", "public-read")
    common = {
        # without keys boto3 finds credentials itself (instance role, AWS_* variables)
        "access_key": access_key,
        "secret_key": secret_key,
        "endpoint_url": env.url("S3_ENDPOINT_URL", {"http", "https"}),
        "region_name": env.text("S3_REGION"),
        "addressing_style": env.choice("S3_ADDRESSING_STYLE", {"auto", "path", "virtual"}, "auto"),
        "file_overwrite": False,  # two uploads of "antrag.pdf" must not replace each other
    }
    public = {
        **common,
        "bucket_name": S3_BUCKET,
        "custom_domain": custom_domain,
        # "none": the bucket policy grants public reads (buckets without ACLs)
        "default_acl": None if public_acl == "none" else public_acl,
        "querystring_auth": False,  # plain, cacheable URLs
    }
    private = {
        **common,
        "bucket_name": private_bucket,
        "custom_domain": None,  # never a public URL
        "default_acl": "private",
        "querystring_auth": True,  # a URL, if ever made, is signed and expires
        "querystring_expire": 300,
    }
    return public, private


if S3_BUCKET:
    _S3_PUBLIC, _S3_PRIVATE = _s3_options()
    _S3 = "storages.backends.s3.S3Storage"
    STORAGES["default"] = {"BACKEND": _S3, "OPTIONS": _S3_PUBLIC}
    STORAGES["private"] = {"BACKEND": _S3, "OPTIONS": {**_S3_PRIVATE, "location": "private"}}
    FILER_STORAGES = {
        "public": {
            "main": {
                "ENGINE": _S3,
                "OPTIONS": {**_S3_PUBLIC, "location": "filer"},
                "UPLOAD_TO": "filer.utils.generate_filename.randomized",
                "UPLOAD_TO_PREFIX": "",
            },
            "thumbnails": {
                "ENGINE": _S3,
                "OPTIONS": {**_S3_PUBLIC, "location": "filer-thumbnails"},
                "THUMBNAIL_OPTIONS": {},
            },
        },
        "private": {
            "main": {
                "ENGINE": _S3,
                "OPTIONS": {**_S3_PRIVATE, "location": "filer"},
                "UPLOAD_TO": "filer.utils.generate_filename.randomized",
                "UPLOAD_TO_PREFIX": "",
            },
            "thumbnails": {
                "ENGINE": _S3,
                "OPTIONS": {**_S3_PRIVATE, "location": "filer-thumbnails"},
                "THUMBNAIL_OPTIONS": {},
            },
        },
    }
else:
    for _name in _S3_NAMES:  # half a configuration: say so instead of writing to disk
        if env.text(_name):
            raise env.ConfigurationError("S3_BUCKET", f"is not set, but {_name} is")


def _media_origins() -> list[str]:
    """Where browsers fetch public media from when it lives in S3 (for the CSP)."""
    public = STORAGES["default"].get("OPTIONS", {})
    if not S3_BUCKET:
        return []
    if public.get("custom_domain"):
        return [f"https://{public['custom_domain']}"]
    endpoint = public.get("endpoint_url")
    if endpoint:
        scheme, _, rest = endpoint.partition("://")
        host = rest.split("/")[0]
        return [f"{scheme}://{host}", f"{scheme}://{S3_BUCKET}.{host}"]
    region = public.get("region_name")
    hosts = [f"{S3_BUCKET}.s3.amazonaws.com"]
    if region:
        hosts.append(f"{S3_BUCKET}.s3.{region}.amazonaws.com")
    return [f"https://{host}" for host in hosts]


for _policy in (SECURE_CSP, SECURE_CSP_ADMIN):
    for _directive in ("img-src", "media-src"):
        _policy[_directive] = [*_policy[_directive], *_media_origins()]
