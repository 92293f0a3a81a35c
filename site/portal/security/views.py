"""The pages of the two-factor sign-in (``two_factor.py``): confirm with a code, set up
the authenticator app, new backup codes, switch off (only where it is optional)."""

from __future__ import annotations

import base64

import segno
from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import two_factor

BACKUP_CODES = 10
APP_DEVICE_NAME = "Authenticator-App"
BACKUP_DEVICE_NAME = "Ersatzcodes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split()).lower()


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/admin/"
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/admin/"


def _render(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    response = TemplateResponse(
        request, template, {"next": _next(request), **context}, status=status
    )
    response["Cache-Control"] = "no-store"  # codes and secrets are never kept by a cache
    return response


def _check(user, code: str):
    """(device that accepted the code or None, throttled: bool). Six digits are asked of
    the app, anything else of the backup codes – a backup code never counts as a wrong
    app code (which would slow down the next real one)."""
    throttled = False
    kind = TOTPDevice if code.isdigit() and len(code) <= 8 else StaticDevice
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            if not isinstance(device, kind):
                continue
            allowed, _info = device.verify_is_allowed()
            if not allowed:
                throttled = True
                continue
            if device.verify_token(code):
                return device, False
    return None, throttled


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    """Second step of signing in: a code from the app or a backup code."""
    if request.user.is_verified() or two_factor.next_step(request.user) is None:
        return HttpResponseRedirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, throttled = _check(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _(
                        "Sie haben sich mit einem Ersatzcode angemeldet; %(left)d sind noch "
                        "übrig. Erzeugen Sie unter „Zwei-Faktor-Anmeldung“ rechtzeitig neue."
                    )
                    % {"left": left},
                )
            return HttpResponseRedirect(_next(request))
        form.add_error(
            "code",
            _(
                "Zu viele falsche Codes. Bitte warten Sie einen Moment und versuchen Sie es "
                "dann erneut."
            )
            if throttled
            else _(
                "Der Code stimmt nicht. Bitte geben Sie den aktuellen sechsstelligen Code aus "
                "Ihrer App oder einen Ersatzcode ein."
            ),
        )
    return _render(request, "security/two_factor_verify.html", {"form": form})


def _new_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=5, border=2, omitsize=False)


@never_cache
def setup(request: HttpRequest) -> HttpResponse:
    """Set up the app (QR code + first code), show backup codes once, switch off."""
    user = request.user
    app = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    action = request.POST.get("action") if request.method == "POST" else None

    if app is not None:
        # changing an existing set-up needs a confirmed session
        if action and not user.is_verified():
            return HttpResponseRedirect(request.path)
        if action == "backup":
            codes = _new_backup_codes(user)
            return _render(request, "security/two_factor_codes.html", {"codes": codes})
        if action == "remove" and not two_factor.required():
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            messages.success(request, _("Die Zwei-Faktor-Anmeldung ist abgeschaltet."))
            return HttpResponseRedirect("/admin/account/")
        return _render(
            request,
            "security/two_factor_setup.html",
            {
                "app": app,
                "backup_left": StaticToken.objects.filter(device__user=user).count(),
                "may_remove": not two_factor.required(),
            },
        )

    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if pending is None:
        pending = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if action == "confirm" and form.is_valid():
        if pending.verify_token(form.cleaned_data["code"]):
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            otp_login(request, pending)
            codes = _new_backup_codes(user)
            messages.success(request, _("Die Zwei-Faktor-Anmeldung ist eingerichtet."))
            return _render(request, "security/two_factor_codes.html", {"codes": codes})
        form.add_error(
            "code",
            _(
                "Der Code stimmt nicht. Prüfen Sie, ob die Uhrzeit Ihres Telefons stimmt, und "
                "geben Sie den Code ein, den die App gerade zeigt."
            ),
        )
    secret = base64.b32encode(pending.bin_key).decode().rstrip("=")
    return _render(
        request,
        "security/two_factor_setup.html",
        {
            "form": form,
            "qr": _qr_svg(pending.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": two_factor.required(),
        },
    )
