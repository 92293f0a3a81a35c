"""Admin views of the booking-file export (permission ``invoices.export_invoice``, the Kasse).

- ``export``: the ordered invoices of the user's towns that are in no booking file yet, all
  preselected, with their sum and the choice CSV/JSON; "Buchungsdatei erstellen" writes the
  file (:func:`backoffice.invoices.export.export`) and leads to the download.
- ``export_batches``: the booking files made so far (who, when, how many, sum) with download.
- ``export_download`` <pk>: a stored booking file, byte for byte as it was made.

A town the user does not work for does not exist for them (404).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.core.models import TownSettings

from .. import access
from .. import export as booking_export
from ..models import ExportBatch

ICON = "download"
PER_PAGE = 50


def url(name: str, *args) -> str:
    return reverse(f"invoices:{name}", args=args)


def _private_headers(response: HttpResponse) -> HttpResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def batches_for(user):
    """The booking files of ``user``'s towns."""
    if not booking_export.may_export(user):
        return ExportBatch.objects.none()
    ids = access.site_ids(user)
    batches = ExportBatch.objects.select_related("site", "created_by")
    return batches if ids is None else batches.filter(site_id__in=ids)


class ExportBase(WagtailAdminTemplateMixin, TemplateView):
    """Only for those who may export (the Kasse)."""

    header_icon = ICON

    def dispatch(self, request, *args, **kwargs):
        if not booking_export.may_export(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def crumbs(self, *items) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": url("export"), "label": _("Export an die Finanzbuchhaltung")},
            *items,
        ]


class ExportView(ExportBase):
    template_name = "invoices/admin/export.html"
    page_title = gettext_lazy("Buchungsdatei erstellen")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Export")}]

    def towns(self) -> list[dict]:
        """The towns with something to export: ``{"site_id", "name", "count"}``."""
        counts: dict[int, int] = {}
        for site_id in booking_export.exportable(self.request.user).values_list(
            "site_id", flat=True
        ):
            counts[site_id] = counts.get(site_id, 0) + 1
        names = dict(TownSettings.objects.filter(site_id__in=counts).values_list("site_id", "name"))
        return sorted(
            (
                {"site_id": pk, "name": names.get(pk, str(pk)), "count": count}
                for pk, count in counts.items()
            ),
            key=lambda town: town["name"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        towns = self.towns()
        wanted = _int(self.request.GET.get("stadt") or self.request.POST.get("stadt"))
        current = next((t for t in towns if t["site_id"] == wanted), towns[0] if towns else None)
        invoices = []
        if current is not None:
            invoices = list(
                booking_export.exportable(self.request.user).filter(site_id=current["site_id"])
            )
        rows = [
            {
                "invoice": invoice,
                "amount": booking_export.signed_amount(invoice),
                "credit_note": booking_export.is_credit_note(invoice),
                "booking": booking_export.booking(invoice, today=timezone.localdate()),
            }
            for invoice in invoices
        ]
        context.update(
            towns=towns,
            town=current,
            rows=rows,
            total=sum((row["amount"] for row in rows), Decimal("0.00")),
            formats=[("csv", _("CSV (Semikolon, UTF-8)")), ("json", _("JSON"))],
            action_url=url("export"),
            batches_url=url("export_batches"),
            columns=booking_export.COLUMNS,
        )
        return context

    def post(self, request, *args, **kwargs):
        ids = request.POST.getlist("invoice")
        fmt = request.POST.get("format", "csv")
        site_id = _int(request.POST.get("stadt"))
        site = None
        if site_id is not None:
            site = next(
                (
                    settings.site
                    for settings in TownSettings.objects.filter(site_id=site_id).select_related(
                        "site"
                    )
                ),
                None,
            )
        back = url("export") + (f"?stadt={site_id}" if site_id else "")
        if site_id is not None and site is None:
            messages.error(request, _("Diese Stadt gibt es nicht."))
            return redirect(url("export"))
        try:
            batch = booking_export.export(request.user, ids, fmt, site=site)
        except booking_export.ExportError as error:
            messages.error(request, error.message)
            return redirect(back)
        messages.success(
            request,
            _("Die Buchungsdatei %(name)s mit %(count)d Rechnung(en) wurde erstellt.")
            % {"name": batch.filename, "count": batch.count},
        )
        return redirect(f"{url('export_batches')}?neu={batch.pk}")


class ExportBatchesView(ExportBase):
    template_name = "invoices/admin/export_batches.html"
    page_title = gettext_lazy("Buchungsdateien")

    def get_breadcrumbs_items(self):
        return self.crumbs({"url": "", "label": _("Buchungsdateien")})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batches = batches_for(self.request.user)
        page = Paginator(batches, PER_PAGE).get_page(self.request.GET.get("p"))
        names = dict(TownSettings.objects.values_list("site_id", "name"))
        new_pk = _int(self.request.GET.get("neu"))
        new = batches.filter(pk=new_pk).first() if new_pk else None
        context.update(
            page=page,
            batches=[{"batch": batch, "town": names.get(batch.site_id, "")} for batch in page],
            new=new,
            new_town=names.get(new.site_id, "") if new else "",
            export_url=url("export"),
        )
        return context


class ExportDownloadView(View):
    """The stored file as an attachment (the CSV with its byte order mark)."""

    http_method_names = ["get"]

    def get(self, request, pk):
        if not booking_export.may_export(request.user):
            raise PermissionDenied
        batch = batches_for(request.user).filter(pk=pk).first()
        if batch is None:
            raise Http404
        response = HttpResponse(
            booking_export.content_bytes(batch), content_type=booking_export.content_type(batch)
        )
        response["Content-Disposition"] = f'attachment; filename="{batch.filename}"'
        return _private_headers(response)


urlpatterns = [
    path("export/", ExportView.as_view(), name="export"),
    path("export/dateien/", ExportBatchesView.as_view(), name="export_batches"),
    path("export/dateien/<int:pk>/", ExportDownloadView.as_view(), name="export_download"),
]
