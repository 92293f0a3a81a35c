"""Reading configuration from the environment.

Every external service is chosen by an environment variable. A missing or broken
variable stops start-up with one line that names it – never with a stack trace.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import parse_qs, urlsplit

import dj_database_url


class ConfigurationError(SystemExit):
    """Stops the process with one readable line on standard error."""

    def __init__(self, name: str, problem: str) -> None:
        sys.stderr.write(f"re@di Portal: configuration error: {name} {problem}\n")
        super().__init__(2)


def text(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        if required:
            raise ConfigurationError(name, "is not set (required with these settings)")
        return default
    return value.strip()


def flag(name: str, default: bool = False) -> bool:
    value = text(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(name, f"must be true or false, not {value!r}")


def integer(name: str, default: int) -> int:
    value = text(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ConfigurationError(name, f"must be a whole number, not {value!r}") from None


def choice(name: str, choices: set[str], default: str) -> str:
    value = text(name)
    if value is None:
        return default
    if value.lower() not in choices:
        raise ConfigurationError(
            name, f"must be one of {', '.join(sorted(choices))}, not {value!r}"
        )
    return value.lower()


def csv(name: str, default: list[str] | None = None, *, required: bool = False) -> list[str]:
    value = text(name, required=required)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def url(name: str, schemes: set[str], *, required: bool = False) -> str | None:
    value = text(name, required=required)
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in schemes or not (parts.hostname or parts.path):
        allowed = ", ".join(sorted(schemes))
        raise ConfigurationError(name, f"must be a URL with one of the schemes {allowed}")
    return value


def database(name: str, default: str) -> dict:
    value = text(name) or default
    try:
        config = dj_database_url.parse(value, conn_max_age=60, conn_health_checks=True)
    except Exception as error:  # dj-database-url raises several types
        raise ConfigurationError(name, f"is not a usable database URL ({error})") from None
    if not config.get("ENGINE"):
        raise ConfigurationError(name, "names an unknown database engine")
    return config


def mailer(name: str) -> dict:
    """``smtp://user:password@host:587?tls=1`` → a Django 6.1 ``MAILERS`` entry."""
    value = url(name, {"smtp", "smtps", "console", "locmem"})
    if value is None or value.startswith("console:"):
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if value.startswith("locmem:"):
        return {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    parts = urlsplit(value)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    options = {
        "host": parts.hostname,
        "port": parts.port or (465 if parts.scheme == "smtps" else 587),
        "use_ssl": parts.scheme == "smtps",
        "use_tls": parts.scheme == "smtp" and query.get("tls", "1") not in {"0", "false"},
        "timeout": 20,
    }
    if parts.username:
        options["username"] = parts.username
        options["password"] = parts.password or ""
    return {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": options}
