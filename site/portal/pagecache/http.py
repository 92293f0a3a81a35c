"""Request facts the middleware and the ASGI front must read the same way."""

from __future__ import annotations

from django.conf import settings


def scheme(forwarded_value: str | None, own_scheme: str) -> str:
    """Django's ``request.scheme``: the proxy's header when SECURE_PROXY_SSL_HEADER names one."""
    proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy and forwarded_value is not None:
        return "https" if forwarded_value.split(",")[0].strip() == proxy[1] else "http"
    return own_scheme


def proxy_header_meta_name() -> str | None:
    proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    return proxy[0] if proxy else None


def host(host_header: str, forwarded_host: str | None) -> str:
    if getattr(settings, "USE_X_FORWARDED_HOST", False) and forwarded_host:
        return forwarded_host.split(",")[0].strip()
    return host_header


def cache_control(seconds: int) -> str:
    """Browsers revalidate every time (ETag → 304); shared caches keep it ``seconds``."""
    return f"public, max-age=0, s-maxage={seconds}"


def not_modified(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates
