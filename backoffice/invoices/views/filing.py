"""„Erneut ablegen“: file an ordered invoice into the E-Akte again after a failure (POST).

For those who order payments or export (``order_payment`` / ``export_invoice``); the invoice
is looked up through :func:`backoffice.invoices.access.invoices_for` (anything else: 404).
Filing is idempotent – an invoice already filed is not filed twice.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import View
from wagtail.admin import messages

from .. import access, filing

PERMISSIONS = ("invoices.order_payment", "invoices.export_invoice")


def may_refile(user) -> bool:
    return access.may_use(user) and (
        user.is_superuser or any(user.has_perm(permission) for permission in PERMISSIONS)
    )


def _back(request, pk: int) -> str:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    for name, args in (("invoices:detail", [pk]), ("invoices:index", [])):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            continue
    return reverse("invoices:export")


class FileInvoiceView(View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        if not may_refile(request.user):
            raise PermissionDenied
        invoice = access.invoices_for(request.user).filter(pk=pk).first()
        if invoice is None:
            raise Http404
        if invoice.status not in filing.FILEABLE_STATUSES:
            messages.error(request, _("Nur angeordnete Rechnungen werden in der E-Akte abgelegt."))
            return redirect(_back(request, invoice.pk))
        if invoice.filed_at is not None:
            messages.info(
                request,
                _("Die Rechnung ist bereits in der Akte %(az)s abgelegt.")
                % {"az": invoice.filed_in},
            )
            return redirect(_back(request, invoice.pk))
        result = filing.file_invoice(invoice, request.user)
        if result.ok:
            messages.success(request, result.message)
        else:
            messages.error(
                request,
                _("Die Rechnung konnte nicht abgelegt werden: %(reason)s")
                % {"reason": result.message},
            )
        return redirect(_back(request, invoice.pk))


urlpatterns = [
    path("<int:pk>/ablegen/", FileInvoiceView.as_view(), name="file"),
]
