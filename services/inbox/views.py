"""The case inbox: list, case page, actions, file downloads and exports.

Every view needs ``services.change_case`` (else Wagtail's usual "no permission"); a case
is looked up only among the cases of the user's towns, so any other id answers 404.
"""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy

from .. import exports, workflow
from ..models import Case, CaseEventKind
from ..roles import CASE_PERMISSION
from ..workflow import WorkflowError, display_name
from . import filing, history
from .access import cases_for, get_case_or_404, may_export, site_ids_for
from .filters import CaseFilterSet
from .forms import AssignForm, MessageForm, NoteForm, StatusForm

logger = logging.getLogger(__name__)
URL_NAMESPACE = "vorgaenge"


def url(name: str, *args) -> str:
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def _submitted(case: Case) -> str:
    return exports.format_datetime(case.submitted_at)


def _assignee(case: Case) -> str:
    return display_name(case.assignee) if case.assignee_id else "–"


def _status(case: Case) -> str:
    return str(case.get_status_display())


class CaseIndexView(IndexView):
    """The list of the user's towns' cases with filters, search, sorting and CSV."""

    model = Case
    permission_policy = ModelPermissionPolicy(Case)
    permission_required = "change"
    any_permission_required = None
    index_url_name = f"{URL_NAMESPACE}:index"
    index_results_url_name = f"{URL_NAMESPACE}:index_results"
    filterset_class = CaseFilterSet
    search_fields = ["reference", "applicant_name", "applicant_email"]
    default_ordering = "-submitted_at"
    paginate_by = 25
    page_title = gettext_lazy("Vorgänge")
    header_icon = "tasks"
    list_export = ["reference"]  # the rows come from exports.case_row

    def get_base_queryset(self):
        return cases_for(self.request.user).select_related("site", "assignee")

    @cached_property
    def several_towns(self) -> bool:
        site_ids = site_ids_for(self.request.user)
        return site_ids is None or len(site_ids) > 1

    @cached_property
    def columns(self):
        columns = [
            TitleColumn(
                "reference",
                label=_("Vorgangsnummer"),
                sort_key="reference",
                get_url=lambda case: url("detail", case.pk),
            ),
            Column("service_name", label=_("Leistung"), sort_key="service_name"),
            Column(
                "submitted_at",
                label=_("Eingegangen am"),
                accessor=_submitted,
                sort_key="submitted_at",
            ),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor=_status,
                sort_key="status",
                primary=lambda case: not case.is_closed,
            ),
            Column("assignee", label=_("Bearbeitet von"), accessor=_assignee),
        ]
        if self.several_towns:
            columns.insert(
                2,
                Column(
                    "site", label=_("Stadt"), accessor="site.site_name", sort_key="site__site_name"
                ),
            )
        return columns

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("Keine Vorgänge passen zu Ihrer Suche oder Ihren Filtern.")
        return _("Es gibt keine Vorgänge.")

    # --- CSV export of the filtered list (only with services.export_case) ---------------

    @cached_property
    def show_export_buttons(self) -> bool:
        return may_export(self.request.user)

    @cached_property
    def header_more_buttons(self):
        buttons = [b for b in super().header_more_buttons if "export=" not in (b.url or "")]
        if self.show_export_buttons:
            buttons.append(
                Button(
                    _("Liste als CSV herunterladen"),
                    url=self.get_export_url("csv"),
                    icon_name="download",
                    priority=100,
                )
            )
        return buttons

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            if not self.show_export_buttons:
                raise PermissionDenied
            if self.request.GET.get("export") != self.FORMAT_CSV:
                raise Http404
            return self.write_csv_response(context["object_list"])
        return super().render_to_response(context, **response_kwargs)

    def write_csv_response(self, queryset):
        # who exported how many, and with which filters – not their values (names, e-mails)
        logger.info(
            "Case list exported as CSV by user %s: %d cases, parameters %s",
            self.request.user.pk,
            queryset.count(),
            sorted(key for key in self.request.GET if key != "export"),
        )
        response = StreamingHttpResponse(
            exports.cases_csv(queryset.iterator()), content_type="text/csv; charset=utf-8"
        )
        filename = f"vorgaenge-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


class CaseMixin:
    """Needs ``services.change_case``; ``self.case`` only from the user's towns."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CASE_PERMISSION):
            raise PermissionDenied
        self.case = get_case_or_404(request.user, kwargs["pk"])
        self.check_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def check_permission(self, request) -> None:
        """Further checks once the case is known (another town's case is a 404 first)."""


class CaseDetailView(CaseMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "services/inbox/detail.html"
    header_icon = "tasks"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.bound_forms: dict = {}

    def get_page_title(self) -> str:
        return _("Vorgang %(reference)s") % {"reference": self.case.reference}

    def get_page_subtitle(self) -> str:
        return self.case.service_name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("Vorgänge")},
            {"url": "", "label": self.case.reference},
        ]

    def get_forms(self) -> dict:
        case, user = self.case, self.request.user
        forms = {
            "assign_form": AssignForm(case=case, user=user),
            "status_form": StatusForm(case=case),
            "note_form": NoteForm(),
            "message_form": MessageForm(),
        }
        forms.update(self.bound_forms)
        return forms

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case, user = self.case, self.request.user
        site_ids = site_ids_for(user)
        context.update(self.get_forms())
        context.update(
            {
                "case": case,
                "language": dict(settings.LANGUAGES).get(case.language, case.language),
                "answers": exports.answers(case),
                "files": list(case.files.all()),
                "history": list(reversed(history.entries(case))),
                "can_change": not case.is_anonymised,
                "can_export": may_export(user),
                "may_take": case.assignee_id != user.pk
                and (site_ids is None or case.site_id in site_ids),
                "urls": {
                    name: url(name, case.pk)
                    for name in (
                        *("assign", "status", "note", "message", "file"),
                        *("export_pdf", "export_json"),
                    )
                },
                "filing": filing.context(case, user, self.bound_forms.get("filing_form")),
            }
        )
        return context


class CaseActionView(CaseDetailView):
    """A POST that changes the case through ``services.workflow``; bad input re-renders the
    case page with the message next to the field and the entered text kept."""

    http_method_names = ["post"]
    form_name = ""

    def make_form(self):
        raise NotImplementedError

    def perform(self, form) -> str:
        """Make the change; return the success message."""
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.make_form()
        summary = _("Die Änderung wurde nicht gespeichert. Bitte prüfen Sie die Angaben.")
        if form.is_valid():
            try:
                message = self.perform(form)
            except WorkflowError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
                summary = _("Die Änderung wurde nicht gespeichert: %(reason)s") % {"reason": error}
            else:
                messages.success(request, message)
                return redirect(url("detail", self.case.pk))
        self.bound_forms = {self.form_name: form}
        messages.error(request, summary)
        return self.render_to_response(self.get_context_data())


class AssignView(CaseActionView):
    form_name = "assign_form"

    def make_form(self):
        return AssignForm(self.request.POST, case=self.case, user=self.request.user)

    def perform(self, form) -> str:
        assignee = form.cleaned_data["assignee"]
        workflow.assign(self.case, assignee, self.request.user)
        if assignee is None:
            return _("Die Zuweisung wurde aufgehoben.")
        if assignee.pk == self.request.user.pk:
            return _("Der Vorgang ist Ihnen zugewiesen.")
        return _("Der Vorgang ist %(name)s zugewiesen.") % {"name": display_name(assignee)}


class StatusView(CaseActionView):
    form_name = "status_form"

    def make_form(self):
        return StatusForm(self.request.POST, case=self.case)

    def perform(self, form) -> str:
        data = form.cleaned_data
        workflow.change_status(self.case, data["status"], self.request.user, data["message"])
        return _("Neuer Status: %(status)s.") % {"status": self.case.get_status_display()}


class NoteView(CaseActionView):
    form_name = "note_form"

    def make_form(self):
        return NoteForm(self.request.POST)

    def perform(self, form) -> str:
        workflow.add_note(self.case, form.cleaned_data["text"], self.request.user)
        return _("Die interne Notiz wurde gespeichert.")


class MessageView(CaseActionView):
    form_name = "message_form"

    def make_form(self):
        return MessageForm(self.request.POST)

    def perform(self, form) -> str:
        workflow.send_message(self.case, form.cleaned_data["text"], self.request.user)
        return _("Die Nachricht wurde an die antragstellende Person gesendet.")


class FileIntoAkteView(CaseActionView):
    """ "In E-Akte ablegen": the case's files into one of the user's open Akten."""

    form_name = "filing_form"

    def check_permission(self, request) -> None:
        if not filing.may_file(request.user) or self.case.is_anonymised:
            raise PermissionDenied

    def make_form(self):
        return filing.FilingForm(self.request.POST, case=self.case, user=self.request.user)

    def perform(self, form) -> str:
        return filing.file_case(self.case, form, self.request.user)


def _private_headers(response: HttpResponse) -> HttpResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class DownloadView(CaseMixin, View):
    """A citizen's upload, from private storage, as an attachment."""

    http_method_names = ["get"]

    def get(self, request, pk, file_pk):
        case_file = self.case.files.filter(pk=file_pk).first()
        if case_file is None:
            raise Http404
        try:
            handle = case_file.file.open("rb")
        except (FileNotFoundError, OSError, ValueError):
            raise Http404 from None
        workflow.record(
            self.case, CaseEventKind.DOWNLOADED, request.user, new_value=case_file.original_name
        )
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=case_file.original_name or f"datei-{case_file.pk}",
            content_type=case_file.content_type or "application/octet-stream",
        )
        return _private_headers(response)


class ExportView(CaseMixin, View):
    """One case as a file; needs ``services.export_case`` too. Recorded in the history."""

    http_method_names = ["get"]
    format = ""

    def check_permission(self, request) -> None:
        if not may_export(request.user):
            raise PermissionDenied

    def get(self, request, pk):
        with transaction.atomic():
            workflow.record(self.case, CaseEventKind.EXPORTED, request.user, new_value=self.format)
            body, content_type = self.render(self.case)
        response = HttpResponse(body, content_type=content_type)
        filename = f"{self.case.reference}.{self.format}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return _private_headers(response)


class PDFExportView(ExportView):
    format = "pdf"

    def render(self, case: Case) -> tuple[bytes, str]:
        return exports.case_pdf(case, by=self.request.user), "application/pdf"


class JSONExportView(ExportView):
    format = "json"

    def render(self, case: Case) -> tuple[bytes, str]:
        data = exports.case_json(case)
        body = json.dumps(data, ensure_ascii=False, indent=2).encode()
        return body, "application/json; charset=utf-8"
