"""The pages of the two-factor sign-in (``two_factor.py``): confirm with a code, set up
the authenticator app, new backup codes, switch off (only where it is optional) – and,
for superusers, resetting a colleague's devices when they lost their phone."""

from __future__ import annotations

import base64
import logging

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from portal.core.outbox import queue_mail

from . import two_factor

logger = logging.getLogger(__name__)
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


# --- resetting a colleague's second factor (lost phone) ----------------------------
RESET_ACTION = "portal.two_factor_reset"


def may_reset(user) -> bool:
    """Superusers only: after a reset the password alone lets in (or, where the second
    factor is required, leads straight to setting up a new app)."""
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def mail_reset(person, by) -> bool:
    """Tell ``person`` (in their admin language) that their devices are gone; False if
    the account has no address."""
    if not person.email:
        return False
    language = UserProfile.get_for_user(person).get_preferred_language()
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = _("Ihre Zwei-Faktor-Anmeldung wurde zurückgesetzt")
        body = render_to_string(
            "security/mail/two_factor_reset.txt",
            {
                "name": display_name(person),
                "username": person.get_username(),
                "by": display_name(by),
                "required": two_factor.required(),
                "setup_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("security_two_factor_setup"),
            },
        )
    queue_mail([person.email], subject, body.strip() + "\n")
    return True


def reset_devices(person, by) -> bool:
    """Remove every device of ``person``, record who did it, queue the mail – all in one
    transaction. True if the mail could be sent."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=person).delete()
        StaticDevice.objects.filter(user=person).delete()
        log(instance=person, action=RESET_ACTION, user=by)
        mailed = mail_reset(person, by)
    logger.info("Two-factor devices of user %s reset by user %s", person.pk, by.pk)
    return mailed


@method_decorator(never_cache, name="dispatch")
class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """A colleague lost their phone: GET asks, POST removes their app and backup codes.
    Not under /admin/zwei-faktor/ – this page needs a confirmed session itself."""

    template_name = "security/two_factor_reset_confirm.html"
    page_title = gettext_lazy("Zwei-Faktor-Anmeldung zurücksetzen")
    header_icon = "key"

    def dispatch(self, request, *args, user_id: int, **kwargs):
        if not may_reset(request.user):
            raise PermissionDenied
        self.person = get_object_or_404(get_user_model(), pk=user_id)
        if self.person.pk == request.user.pk:
            raise PermissionDenied  # one's own: account → "Zwei-Faktor-Anmeldung"
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return display_name(self.person)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailusers_users:index"), "label": _("Benutzer")},
            {
                "url": reverse("wagtailusers_users:edit", args=[self.person.pk]),
                "label": display_name(self.person),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.person
        context.update(
            {
                "person": person,
                "name": display_name(person),
                "has_app": TOTPDevice.objects.filter(user=person, confirmed=True).exists(),
                "backup_left": StaticToken.objects.filter(device__user=person).count(),
                "required": two_factor.required(),
                "index_url": reverse("wagtailusers_users:index"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        name = display_name(self.person)
        if reset_devices(self.person, request.user):
            messages.success(
                request,
                _(
                    "Die Zwei-Faktor-Anmeldung von %(name)s ist zurückgesetzt; %(name)s "
                    "wurde per E-Mail informiert."
                )
                % {"name": name},
            )
        else:
            messages.warning(
                request,
                _(
                    "Die Zwei-Faktor-Anmeldung von %(name)s ist zurückgesetzt. Zu dem Konto "
                    "ist keine E-Mail-Adresse hinterlegt – bitte informieren Sie die Person "
                    "selbst."
                )
                % {"name": name},
            )
        return redirect("wagtailusers_users:index")
