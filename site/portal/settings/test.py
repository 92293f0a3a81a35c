"""Settings for the test suite. DATABASE_URL / REDIS_URL point tests at real services."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = False
# Most tests change data in a transaction that is rolled back: the page cache would keep
# what they rendered. Its own tests switch it on (tests/portal/pagecache/).
PAGE_CACHE_ENABLED = env.flag("PAGE_CACHE", False)
ALLOWED_HOSTS = [".localhost", "localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
MEDIA_ROOT = VAR_DIR / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
VAR_DIR.mkdir(parents=True, exist_ok=True)
# E-Akte documents in django-filer's private storage: a throwaway folder for the tests
FILER_STORAGES["private"]["main"]["OPTIONS"]["location"] = str(VAR_DIR / "test-private" / "filer")  # noqa: F405
FILER_STORAGES["private"]["thumbnails"]["OPTIONS"]["location"] = str(  # noqa: F405
    VAR_DIR / "test-private" / "filer-thumbnails"
)
