"""Uploading e-invoices in the admin (Rechnungen → Hochladen).

``upload`` is a page with a multiple-file input (and a drop zone): with JavaScript
(``invoices/upload.js``) every file is posted on its own to ``upload_file`` with a progress bar,
and its result row appears as soon as it is known; without JavaScript the form posts all
files at once and the answer is a page listing every file's result. Either way each file goes
through :func:`backoffice.invoices.intake.receive` – nothing of a rejected file is stored.

A possible duplicate can be taken anyway ("Trotzdem als Dublette übernehmen"): the script
posts the file again with ``accept_duplicate``; without JavaScript the file waits for an hour in
the cache under a random key that the button sends back (only to the same person).

The town: the uploader's (a choice when they work for several); an invoice whose Leitweg-ID
belongs to another town is refused. Needs the permission ``invoices.receive_invoice``.
"""

from __future__ import annotations

import secrets

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.core.models import TownSettings

from .. import access
from ..document.errors import FILE_TOO_LARGE
from ..intake import (
    IntakeResult,
    format_amount,
    max_upload_bytes,
    receive,
    town_name,
)
from ..models import Source
from ..validation.findings import Finding

RETRY_PREFIX = "invoices:upload-retry:"
RETRY_SECONDS = 3600
OUTCOME_LABELS = {
    "accepted": gettext_lazy("Angenommen"),
    "rejected": gettext_lazy("Abgelehnt"),
    "duplicate": gettext_lazy("Mögliche Dublette – nicht übernommen"),
    "same_file": gettext_lazy("Bereits eingegangen – nicht übernommen"),
}


def may_receive(user) -> bool:
    return access.may_use(user) and (user.is_superuser or user.has_perm("invoices.receive_invoice"))


def towns_for(user) -> list[TownSettings]:
    """The towns ``user`` uploads for (superusers: every town)."""
    towns = TownSettings.objects.filter(is_region=False).select_related("site").order_by("name")
    ids = access.site_ids(user)
    return list(towns if ids is None else towns.filter(site_id__in=ids))


def invoice_url(pk: int) -> str:
    try:
        return reverse("invoices:detail", args=[pk])
    except NoReverseMatch:  # the inbox views are not installed
        return ""


def _finding(finding: Finding) -> dict:
    return {
        "rule": finding.rule_id,
        "severity": finding.severity,
        "message": finding.message,
        "term": finding.term,
    }


def row_for(result: IntakeResult, filename: str, retry: str = "") -> dict:
    """One file's result as the page and the script show it (JSON-safe)."""
    row = {
        "filename": filename,
        "outcome": result.outcome,
        "label": str(OUTCOME_LABELS[result.outcome]),
        "message": result.message,
        "findings": [_finding(finding) for finding in result.findings],
        "invoice": None,
        "duplicate_of": None,
        "retry": retry,
    }
    invoice = result.invoice
    if invoice is not None:
        row["invoice"] = {
            "id": invoice.pk,
            "url": invoice_url(invoice.pk),
            "number": invoice.number,
            "seller": invoice.seller_name,
            "amount": format_amount(invoice.amount_due),
            "currency": invoice.currency,
            "town": town_name(invoice.site),
            "office": invoice.org_unit.name if invoice.org_unit else "",
        }
    earlier = result.duplicate_of
    if earlier is not None:
        row["duplicate_of"] = {
            "id": earlier.pk,
            "url": invoice_url(earlier.pk),
            "number": earlier.number,
        }
    return row


def render_row(row: dict, request) -> str:
    return render_to_string("invoices/admin/_upload_row.html", {"row": row}, request=request)


def _too_large(upload) -> IntakeResult:
    limit = max_upload_bytes()
    message = _("Die Datei ist zu groß (%(size)s MB). Erlaubt sind höchstens %(limit)s MB.") % {
        "size": format_amount(upload.size / 1048576),
        "limit": format_amount(limit / 1048576),
    }
    return IntakeResult(
        accepted=False,
        outcome="rejected",
        message=message,
        findings=[Finding(FILE_TOO_LARGE, "error", message)],
    )


def receive_upload(upload, *, user, site, accept_duplicate: bool = False) -> IntakeResult:
    """Receive one uploaded file (too large ones are refused before they are read)."""
    if upload.size is not None and upload.size > max_upload_bytes():
        return _too_large(upload)
    return receive(
        upload.read(),
        upload.name or "rechnung",
        source=Source.UPLOAD,
        user=user,
        site=site,
        accept_duplicate=accept_duplicate,
    )


class UploadMixin:
    """Permission and the uploader's towns (``self.towns``)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_receive(request.user):
            return self.refuse()
        self.towns = towns_for(request.user)
        return super().dispatch(request, *args, **kwargs)

    def refuse(self):
        raise PermissionDenied

    def chosen_site(self, request):
        """The town of the upload: the only one, else the one chosen (None: invalid)."""
        if len(self.towns) == 1:
            return self.towns[0].site
        wanted = request.POST.get("site", "")
        return next((town.site for town in self.towns if str(town.site_id) == wanted), None)


class UploadView(UploadMixin, WagtailAdminTemplateMixin, TemplateView):
    """The upload page; its plain POST (without JavaScript) receives all files at once."""

    template_name = "invoices/admin/upload.html"
    page_title = gettext_lazy("Rechnungen hochladen")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Rechnungen hochladen")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        max_mb = max_upload_bytes() / 1048576
        context.update(
            {
                "towns": self.towns,
                "max_mb": format_amount(max_mb).removesuffix(",00"),
                "max_bytes": max_upload_bytes(),
                "upload_file_url": reverse("invoices:upload_file"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("retry"):
            return self.retry(request)
        site = self.chosen_site(request)
        uploads = request.FILES.getlist("files")
        errors = []
        if not self.towns:
            errors.append(
                _("Sie sind keiner Stadt zugeordnet und können keine Rechnungen hochladen.")
            )
        elif site is None:
            errors.append(_("Bitte wählen Sie die Stadt, für die Sie Rechnungen hochladen."))
        if not uploads:
            errors.append(_("Bitte wählen Sie mindestens eine Datei aus."))
        if errors:
            return self.render_to_response(self.get_context_data(errors=errors), status=400)
        accept = request.POST.get("accept_duplicate") == "1"
        rows = []
        for upload in uploads:
            result = receive_upload(upload, user=request.user, site=site, accept_duplicate=accept)
            retry = (
                self.keep_for_retry(request, upload, site) if result.outcome == "duplicate" else ""
            )
            rows.append(row_for(result, upload.name, retry))
        return self.results(rows)

    def results(self, rows: list[dict]):
        self.template_name = "invoices/admin/upload_results.html"
        accepted = sum(1 for row in rows if row["outcome"] == "accepted")
        return self.render_to_response(
            self.get_context_data(rows=rows, accepted=accepted, refused=len(rows) - accepted)
        )

    # --- duplicates without JavaScript -------------------------------------------------------
    def keep_for_retry(self, request, upload, site) -> str:
        key = secrets.token_urlsafe(18)
        upload.seek(0)
        cache.set(
            RETRY_PREFIX + key,
            {"user": request.user.pk, "site": site.pk, "name": upload.name, "data": upload.read()},
            RETRY_SECONDS,
        )
        return key

    def retry(self, request):
        key = request.POST.get("retry", "")
        kept = cache.get(RETRY_PREFIX + key) if key.isascii() and len(key) < 64 else None
        town = next((t for t in self.towns if kept and t.site_id == kept["site"]), None)
        if not kept or kept["user"] != request.user.pk or town is None:
            message = _("Die Datei liegt nicht mehr vor. Bitte laden Sie sie erneut hoch.")
            result = IntakeResult(accepted=False, outcome="rejected", message=message)
            return self.results([row_for(result, _("(Datei)"))])
        cache.delete(RETRY_PREFIX + key)
        result = receive(
            kept["data"],
            kept["name"],
            source=Source.UPLOAD,
            user=request.user,
            site=town.site,
            accept_duplicate=True,
        )
        return self.results([row_for(result, kept["name"])])


class UploadFileView(UploadMixin, TemplateView):
    """``POST`` one file (field "file", optional "site", "accept_duplicate=1") → JSON of its
    result row (200), 400 without a file or town, 403 without permission."""

    http_method_names = ["post"]

    def refuse(self):
        return JsonResponse({"message": _("Sie dürfen keine Rechnungen hochladen.")}, status=403)

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = JsonResponse({"message": _("Bitte Dateien mit POST senden.")}, status=405)
        response["Allow"] = "POST"
        return response

    def post(self, request, *args, **kwargs):
        upload = request.FILES.get("file")
        if upload is None:
            return JsonResponse({"message": _("Es wurde keine Datei übermittelt.")}, status=400)
        site = self.chosen_site(request)
        if site is None:
            return JsonResponse(
                {"message": _("Bitte wählen Sie die Stadt, für die Sie Rechnungen hochladen.")},
                status=400,
            )
        result = receive_upload(
            upload,
            user=request.user,
            site=site,
            accept_duplicate=request.POST.get("accept_duplicate") == "1",
        )
        row = row_for(result, upload.name)
        return JsonResponse({**row, "html": render_row(row, request)})


urlpatterns = [
    path("hochladen/", UploadView.as_view(), name="upload"),
    path("hochladen/datei/", UploadFileView.as_view(), name="upload_file"),
]
