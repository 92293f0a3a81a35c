"""Running the project's manage.py in a child process, with its own environment – for
tests of start-up and settings, which a running test process cannot re-read."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def manage(
    *args: str, env: dict[str, str], drop: Iterable[str] = ()
) -> subprocess.CompletedProcess:
    """``manage.py *args`` with ``env`` on top of this environment minus ``drop``."""
    dropped = set(drop)
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def printed(code: str, env: dict[str, str], drop: Iterable[str] = ()) -> str:
    """The last line ``manage.py shell -c code`` printed (it must succeed)."""
    result = manage("shell", "--no-imports", "-c", code, env=env, drop=drop)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def services_required() -> bool:
    """CI runs with PostgreSQL, Redis, Mosquitto, nginx and Varnish: there a missing one
    fails the tests that need it; locally they are skipped with the reason."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"} or (
        os.environ.get("REDI_REQUIRE_SERVICES") == "1"
    )


def need(condition: bool, reason: str) -> None:
    import pytest

    if condition:
        return
    if services_required():
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


def login(client, username: str, password: str) -> bool:
    """``client.login()`` with a request, as the sign-in lockout (django-axes) needs one."""
    from django.test import RequestFactory

    request = RequestFactory().post("/admin/login/", REMOTE_ADDR="127.0.0.1")
    return client.login(request=request, username=username, password=password)


# --- two-factor sign-in (portal/security/two_factor.py) --------------------------------


def authenticator_app(user):
    """A confirmed TOTP device: the account has set up its authenticator app."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)


def current_code(device) -> str:
    """The six digits the app shows right now."""
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def second_factor_confirmed(client, device) -> None:
    """The session as after entering a code (django-otp keeps the device in it)."""
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
