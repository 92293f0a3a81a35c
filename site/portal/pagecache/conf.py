"""The page cache's settings (README "Configuration")."""

from __future__ import annotations

from django.conf import settings

DEFAULT_SECONDS = 600


def enabled() -> bool:
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", True))


def seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def redis_url() -> str | None:
    return getattr(settings, "PAGE_CACHE_REDIS_URL", None)


def key_prefix() -> str:
    return getattr(settings, "PAGE_CACHE_KEY_PREFIX", "redi")


def max_bytes() -> int:
    """Larger pages are rendered every time rather than filling the cache."""
    return int(getattr(settings, "PAGE_CACHE_MAX_BYTES", 2 * 1024 * 1024))


def ignored_models() -> set[str]:
    """``app_label`` or ``app_label.model_name`` whose changes no public page shows."""
    return {label.lower() for label in getattr(settings, "PAGE_CACHE_IGNORED_MODELS", [])}
