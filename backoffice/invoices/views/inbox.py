"""The invoice inbox in the admin: the list, an invoice's page (the readable invoice, its
checks, its path and the actions the user may take), downloads, and the POST actions of the
approval path.

Every view needs :func:`.access.may_use`; invoices are looked up only through
:func:`.access.invoices_for` – whatever the user may not see answers 404. Whether an action
is allowed is decided by :mod:`..workflow`; a refusal is shown with its German reason and
changes nothing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import access, deadlines, visualisation, workflow
from ..document.errors import InvoiceFormatError
from ..forms import (
    AssignForm,
    BookingForm,
    CommentForm,
    FormalForm,
    InboxFilterForm,
    RejectForm,
    StepForm,
)
from ..models import InvoiceStatus
from ..validation.findings import Finding

ICON = "doc-full-inverse"
PER_PAGE = 50
NOT_SAVED = gettext_lazy("Der Schritt wurde nicht gespeichert: %(reason)s")
#: the step the status waits for
NEXT_ACTION = {
    InvoiceStatus.RECEIVED: "formal",
    InvoiceStatus.FORMAL: "factual",
    InvoiceStatus.FACTUAL: "arithmetic",
    InvoiceStatus.ARITHMETIC: "order",
}
ACTION_TITLES = {
    "formal": gettext_lazy("Formal prüfen"),
    "factual": gettext_lazy("Sachlich richtig zeichnen"),
    "arithmetic": gettext_lazy("Rechnerisch richtig zeichnen"),
    "order": gettext_lazy("Zahlung anordnen"),
    "reject": gettext_lazy("Zurückweisen"),
    "assign": gettext_lazy("Andere Dienststelle"),
    "booking": gettext_lazy("Buchungsdaten"),
    "comment": gettext_lazy("Kommentar"),
}
FORMS = {
    "formal": FormalForm,
    "factual": StepForm,
    "arithmetic": StepForm,
    "order": StepForm,
    "reject": RejectForm,
    "assign": AssignForm,
    "booking": BookingForm,
    "comment": CommentForm,
}
INVOICE_FORMS = {"formal", "assign", "booking"}
ATTACHMENT_TYPES = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.spreadsheet",
}


def url(name: str, *args) -> str:
    return reverse(f"invoices:{name}", args=args)


def private_download(content: bytes, filename: str, content_type: str, *, inline=False):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def safe_filename(name: str, fallback: str) -> str:
    name = "".join(ch for ch in (name or "") if ch.isprintable() and ch not in '/\\:"*?<>|')
    return name.strip(" .")[:150] or fallback


class InvoicesView(WagtailAdminTemplateMixin, TemplateView):
    """Base: only for those who may use the Rechnungslauf; ``load`` finds the objects."""

    header_icon = ICON

    def dispatch(self, request, *args, **kwargs):
        if not access.may_use(request.user):
            raise PermissionDenied
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs) -> None:
        pass

    def index_crumbs(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": url("index"), "label": _("Rechnungen")}]


# --- the list ----------------------------------------------------------------------------------
class IndexView(InvoicesView):
    template_name = "invoices/admin/index.html"
    page_title = gettext_lazy("Rechnungen")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Rechnungen")}]

    @cached_property
    def filter_form(self) -> InboxFilterForm:
        return InboxFilterForm(self.request.GET or None, user=self.request.user)

    def get_queryset(self):
        invoices = access.invoices_for(self.request.user).select_related("duplicate_of")
        form = self.filter_form
        if form.is_bound and form.is_valid():
            invoices = form.filter(invoices)
            if form.cleaned_data.get("critical"):
                invoices = invoices.open().filter(
                    deadlines.critical_filter(timezone.localdate(), deadlines.DEFAULT_DAYS)
                )
        return invoices.order_by("-received_at", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = WagtailPaginator(self.get_queryset(), PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        today = timezone.localdate()
        rows = [
            {"invoice": invoice, "deadline": deadlines.row_for(invoice, today)}
            for invoice in page.object_list
        ]
        form = self.filter_form
        context.update(
            {
                "filter_form": form,
                "is_filtering": form.is_bound and form.has_filters(),
                "page_obj": page,
                "rows": rows,
                "paginator": paginator,
                "open_statuses": [s.value for s in InvoiceStatus if s in NEXT_ACTION]
                + [InvoiceStatus.ORDERED.value],
            }
        )
        return context


# --- one invoice -------------------------------------------------------------------------------
class InvoiceMixin:
    def load(self, pk, **kwargs) -> None:
        self.invoice = get_object_or_404(access.invoices_for(self.request.user), pk=pk)


class DetailView(InvoiceMixin, InvoicesView):
    """The invoice's page; subclasses handle one POST action each."""

    template_name = "invoices/admin/detail.html"
    action = ""

    def get_page_title(self) -> str:
        return _("Rechnung %(number)s") % {"number": self.invoice.number}

    def get_page_subtitle(self) -> str:
        return self.invoice.seller_name

    def get_breadcrumbs_items(self):
        return [*self.index_crumbs(), {"url": "", "label": self.invoice.number}]

    def form(self, name: str, data=None):
        kwargs = {"invoice": self.invoice} if name in INVOICE_FORMS else {}
        return FORMS[name](data, prefix=name, **kwargs)

    def make_forms(self, bound: dict | None = None) -> dict:
        bound = bound or {}
        return {name: bound[name] if name in bound else self.form(name) for name in FORMS}

    def get_context_data(self, forms: dict | None = None, **kwargs):
        context = super().get_context_data(**kwargs)
        invoice, user = self.invoice, self.request.user
        refusals = workflow.refusals(invoice, user)
        next_action = NEXT_ACTION.get(invoice.status, "")
        try:
            refile_url = url("file", invoice.pk)
        except NoReverseMatch:
            refile_url = ""
        visible = access.invoices_for(user)
        made = self.make_forms(forms)
        context.update(
            {
                "invoice": invoice,
                "view_model": visualisation.view_of(invoice),
                "warnings": [Finding.from_dict(f) for f in invoice.findings or []],
                "duplicate_of": visible.filter(pk=invoice.duplicate_of_id).first()
                if invoice.duplicate_of_id
                else None,
                "duplicates": list(visible.filter(duplicate_of=invoice)),
                "steps": list(invoice.steps.all()),
                "forms": made,
                "next_form": made.get(next_action),
                "refusals": refusals,
                "allowed": {name: not reason for name, reason in refusals.items()},
                "next_action": next_action,
                "next_title": ACTION_TITLES.get(next_action, ""),
                "next_refusal": refusals.get(next_action, ""),
                "order_note": workflow.order_note(invoice, user)
                if next_action == "order" and not refusals["order"]
                else "",
                "filing_problem": workflow.filing_problem(invoice),
                "refile_url": refile_url
                if user.is_superuser
                or user.has_perm("invoices.order_payment")
                or user.has_perm("invoices.export_invoice")
                else "",
                "deadline": deadlines.row_for(invoice, timezone.localdate()),
                "is_final": invoice.status in (InvoiceStatus.EXPORTED, InvoiceStatus.REJECTED),
            }
        )
        return context

    # --- POST actions (subclasses) ---------------------------------------------------------
    def get(self, request, *args, **kwargs):
        if self.action:
            return redirect(url("detail", self.invoice.pk))
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.action:
            return redirect(url("detail", self.invoice.pk))
        form = self.bind(request.POST)
        if form.is_valid():
            try:
                target = self.perform(form.cleaned_data)
            except workflow.WorkflowError as error:
                if error.field and error.field in form.fields:
                    form.add_error(error.field, error.message)
                else:
                    form.add_error(None, error.message)
                messages.error(request, NOT_SAVED % {"reason": error.message})
            else:
                return redirect(target)
        else:
            messages.error(
                request, _("Der Schritt wurde nicht gespeichert. Bitte prüfen Sie die Angaben.")
            )
        return self.render_to_response(self.get_context_data(forms={self.action: form}))

    def bind(self, data):
        return self.form(self.action, data)

    def perform(self, data) -> str:
        raise NotImplementedError

    def detail_url(self) -> str:
        return url("detail", self.invoice.pk)

    def success(self, text: str) -> None:
        messages.success(self.request, text)

    def names(self) -> dict:
        return {"number": self.invoice.number}

    def after_change(self) -> str:
        """The invoice's page – or the list when the user no longer sees the invoice."""
        if access.invoices_for(self.request.user).filter(pk=self.invoice.pk).exists():
            return self.detail_url()
        return url("index")


class FormalView(DetailView):
    action = "formal"

    def perform(self, data) -> str:
        workflow.formal_check(
            self.invoice, self.request.user, data["comment"], org_unit=data.get("org_unit")
        )
        self.success(_("Die Rechnung %(number)s ist formal geprüft.") % self.names())
        return self.after_change()


class FactualView(DetailView):
    action = "factual"

    def perform(self, data) -> str:
        workflow.confirm_factual(self.invoice, self.request.user, data["comment"])
        self.success(_("Die Rechnung %(number)s ist sachlich richtig gezeichnet.") % self.names())
        return self.detail_url()


class ArithmeticView(DetailView):
    action = "arithmetic"

    def perform(self, data) -> str:
        workflow.confirm_arithmetic(self.invoice, self.request.user, data["comment"])
        self.success(
            _("Die Rechnung %(number)s ist rechnerisch richtig gezeichnet.") % self.names()
        )
        return self.detail_url()


class OrderView(DetailView):
    action = "order"

    def perform(self, data) -> str:
        outcome = workflow.order(self.invoice, self.request.user, data["comment"])
        if not outcome.completed:
            self.success(
                _(
                    "Ihre Anordnung zur Rechnung %(number)s ist als erste Unterschrift "
                    "erfasst. Eine zweite Person mit Anordnungsbefugnis muss mitzeichnen."
                )
                % self.names()
            )
            return self.detail_url()
        self.success(_("Die Zahlung zur Rechnung %(number)s ist angeordnet.") % self.names())
        result = outcome.filing
        if result is not None and result.ok:
            messages.success(
                self.request,
                _("Die Rechnung ist in der E-Akte abgelegt (%(az)s).")
                % {"az": result.aktenzeichen or result.message},
            )
        elif result is not None:
            messages.warning(
                self.request,
                _("Die Rechnung konnte nicht in der E-Akte abgelegt werden: %(reason)s")
                % {"reason": result.message},
            )
        return self.detail_url()


class RejectView(DetailView):
    action = "reject"

    def perform(self, data) -> str:
        workflow.reject(self.invoice, self.request.user, data["reason"], data["notice"])
        self.success(_("Die Rechnung %(number)s ist zurückgewiesen.") % self.names())
        return self.detail_url()


class AssignView(DetailView):
    action = "assign"

    def perform(self, data) -> str:
        workflow.assign(self.invoice, self.request.user, data["org_unit"])
        self.success(
            _("Die Rechnung %(number)s ist jetzt der Dienststelle %(unit)s zugeordnet.")
            % {"number": self.invoice.number, "unit": data["org_unit"].name}
        )
        return self.after_change()


class BookingView(DetailView):
    action = "booking"

    def perform(self, data) -> str:
        workflow.update_booking(
            self.invoice, self.request.user, data["cost_centre"], data["booking_text"]
        )
        self.success(_("Die Buchungsdaten sind gespeichert."))
        return self.detail_url()


class CommentView(DetailView):
    action = "comment"

    def perform(self, data) -> str:
        workflow.comment(self.invoice, self.request.user, data["text"])
        self.success(_("Ihr Kommentar ist gespeichert."))
        return self.detail_url() + "#rechnung-verlauf"


# --- downloads ---------------------------------------------------------------------------------
class DownloadBase(InvoiceMixin, View):
    http_method_names = ["get"]

    def dispatch(self, request, *args, **kwargs):
        if not access.may_use(request.user):
            raise PermissionDenied
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def original_bytes(self) -> bytes:
        try:
            with self.invoice.original.open("rb") as handle:
                return handle.read()
        except (FileNotFoundError, OSError, ValueError):
            raise Http404(_("Die Originaldatei ist nicht mehr vorhanden.")) from None


class OriginalView(DownloadBase):
    def get(self, request, *args, **kwargs):
        invoice = self.invoice
        content_type = "application/pdf" if invoice.container == "pdf" else "application/xml"
        fallback = f"rechnung-{invoice.pk}.{invoice.container or 'xml'}"
        return private_download(
            self.original_bytes(), safe_filename(invoice.original_name, fallback), content_type
        )


class PdfView(DownloadBase):
    def get(self, request, *args, **kwargs):
        invoice = self.invoice
        name = safe_filename(f"Rechnung-{invoice.number}.pdf", f"rechnung-{invoice.pk}.pdf")
        return private_download(
            visualisation.render_pdf(invoice), name, "application/pdf", inline=True
        )


class ApprovalRecordView(DownloadBase):
    def get(self, request, *args, **kwargs):
        invoice = self.invoice
        name = safe_filename(f"Pruefvermerk-{invoice.number}.pdf", f"pruefvermerk-{invoice.pk}.pdf")
        return private_download(
            visualisation.render_approval_record(invoice), name, "application/pdf", inline=True
        )


class AttachmentView(DownloadBase):
    """An attachment embedded in the invoice (BG-24), read again from the original file."""

    def get(self, request, *args, index: int, **kwargs):
        from ..document.reader import read_invoice

        try:
            document = read_invoice(self.original_bytes(), self.invoice.original_name).document
        except InvoiceFormatError:
            raise Http404(_("Die Originaldatei kann nicht gelesen werden.")) from None
        if index >= len(document.attachments) or document.attachments[index].content is None:
            raise Http404(_("Diese Anlage ist nicht in der Rechnung enthalten."))
        attachment = document.attachments[index]
        mime = (attachment.mime_code or "").strip().lower()
        content_type = mime if mime in ATTACHMENT_TYPES else "application/octet-stream"
        name = safe_filename(
            attachment.filename or attachment.id, f"anlage-{self.invoice.pk}-{index + 1}"
        )
        return private_download(attachment.content, name, content_type)


urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("<int:pk>/", DetailView.as_view(), name="detail"),
    path("<int:pk>/pdf/", PdfView.as_view(), name="pdf"),
    path("<int:pk>/pruefvermerk/", ApprovalRecordView.as_view(), name="approval_record"),
    path("<int:pk>/original/", OriginalView.as_view(), name="original"),
    path("<int:pk>/anlage/<int:index>/", AttachmentView.as_view(), name="attachment"),
    path("<int:pk>/formal-geprueft/", FormalView.as_view(), name="formal"),
    path("<int:pk>/sachlich-richtig/", FactualView.as_view(), name="factual"),
    path("<int:pk>/rechnerisch-richtig/", ArithmeticView.as_view(), name="arithmetic"),
    path("<int:pk>/anordnen/", OrderView.as_view(), name="order"),
    path("<int:pk>/zurueckweisen/", RejectView.as_view(), name="reject"),
    path("<int:pk>/zuordnen/", AssignView.as_view(), name="assign"),
    path("<int:pk>/buchungsdaten/", BookingView.as_view(), name="booking"),
    path("<int:pk>/kommentar/", CommentView.as_view(), name="comment"),
]
