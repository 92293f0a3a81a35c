"""Admin views of Akten and Vorgänge: the list, a file's page, creating, editing, closing
(zdA) and reopening files, creating and editing processes.

Every view needs ``access.may_view``; changes need ``access.may_edit`` (reopening:
``access.may_dispose``), else Wagtail's "no permission". Objects are looked up only
through ``access`` – whatever the user may not see answers 404.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import access, actions, audit
from ..forms import AkteEditForm, AkteFilterForm, AkteForm, CloseForm, ReopenForm, VorgangForm
from ..models import AkteStatus, Dokument, ObjectKind

ICON = "folder-open-inverse"
PER_PAGE = 50
NOT_SAVED = gettext_lazy("Die Änderung wurde nicht gespeichert. Bitte prüfen Sie die Angaben.")


def url(name: str, *args) -> str:
    return reverse(f"efiles:{name}", args=args)


class RecordsView(WagtailAdminTemplateMixin, TemplateView):
    """Base of the records views: permission checks, then the objects (404 if invisible)."""

    header_icon = ICON
    #: the view changes records (also on GET, e.g. a form page)
    changes_records = False

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not access.may_view(user) and not self.may_change(user):
            raise PermissionDenied
        self.load(**kwargs)
        if (self.changes_records or request.method == "POST") and not self.may_change(user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs) -> None:
        """Look up the objects of the URL (through ``access``)."""

    def may_change(self, user) -> bool:
        return access.may_edit(user)

    def akten_crumbs(self) -> list[dict]:
        return [*self.breadcrumbs_items, {"url": url("index"), "label": _("Akten")}]

    def akte_crumbs(self, akte) -> list[dict]:
        return [
            *self.akten_crumbs(),
            {"url": url("akte_detail", akte.pk), "label": akte.aktenzeichen},
        ]


# --- the list ----------------------------------------------------------------------------
class AkteIndexView(RecordsView):
    template_name = "efiles/admin/index.html"
    page_title = gettext_lazy("Akten")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Akten")}]

    @cached_property
    def filter_form(self) -> AkteFilterForm:
        return AkteFilterForm(self.request.GET or None, user=self.request.user)

    def get_queryset(self):
        akten = (
            access.akten_for(self.request.user)
            .select_related("plan_unit", "org_unit")
            .order_by("-opened_on", "-pk")
        )
        form = self.filter_form
        if form.is_bound and form.is_valid():
            akten = form.filter(akten)
        return akten

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = WagtailPaginator(self.get_queryset(), PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        form = self.filter_form
        context.update(
            {
                "filter_form": form,
                "is_filtering": form.is_bound and form.has_filters(),
                "page_obj": page,
                "akten": page.object_list,
                "paginator": paginator,
                "elided_page_range": paginator.get_elided_page_range(page.number),
                "may_edit": access.may_edit(self.request.user),
            }
        )
        return context


# --- creating and editing a file -----------------------------------------------------------
class FormPageView(RecordsView):
    """A page with one form; on success ``perform`` changes the records and returns the
    URL to go to; a ``RecordError`` shows the form again with the message."""

    template_name = "efiles/admin/akte_form.html"
    changes_records = True
    submit_label = gettext_lazy("Speichern")
    multipart = False

    def make_form(self, data=None, files=None):
        raise NotImplementedError

    def perform(self, form) -> str:
        raise NotImplementedError

    def cancel_url(self) -> str:
        return url("index")

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                target = self.perform(form)
            except actions.RecordError as error:
                form.add_error(None, error.message)
                messages.error(
                    request,
                    _("Die Änderung wurde nicht gespeichert: %(reason)s") % {"reason": error},
                )
            else:
                return redirect(target)
        else:
            messages.error(request, str(NOT_SAVED))
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "submit_label": self.submit_label,
                "cancel_url": self.cancel_url(),
                "multipart": self.multipart,
            }
        )
        return context


class AkteCreateView(FormPageView):
    page_title = gettext_lazy("Neue Akte anlegen")
    submit_label = gettext_lazy("Akte anlegen")

    def get_breadcrumbs_items(self):
        return [*self.akten_crumbs(), {"url": "", "label": _("Neue Akte")}]

    def make_form(self, data=None, files=None):
        return AkteForm(data, user=self.request.user)

    def perform(self, form) -> str:
        data = form.cleaned_data
        akte = actions.create_akte(
            self.request.user,
            plan_unit=data["plan_unit"],
            org_unit=data["org_unit"],
            title=data["title"],
            description=data["description"],
            confidentiality=data["confidentiality"],
        )
        messages.success(
            self.request,
            _("Die Akte %(az)s „%(title)s“ wurde angelegt.")
            % {"az": akte.aktenzeichen, "title": akte.title},
        )
        return url("akte_detail", akte.pk)


class AkteObjectMixin:
    """``self.akte`` from the URL, among the user's files."""

    def load(self, pk, **kwargs) -> None:
        self.akte = access.get_akte_or_404(self.request.user, pk)


class OpenAkteFormView(AkteObjectMixin, FormPageView):
    """A form page on an open file; a closed one sends the user back with the reason."""

    def cancel_url(self) -> str:
        return url("akte_detail", self.akte.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["akte"] = self.akte
        return context

    def get(self, request, *args, **kwargs):
        try:
            actions.ensure_open(self.akte)
        except actions.RecordError as error:
            messages.error(request, error.message)
            return redirect(self.cancel_url())
        return super().get(request, *args, **kwargs)


class AkteEditView(OpenAkteFormView):
    submit_label = gettext_lazy("Speichern")

    def get_page_title(self) -> str:
        return _("Akte %(az)s bearbeiten") % {"az": self.akte.aktenzeichen}

    def get_breadcrumbs_items(self):
        return [*self.akte_crumbs(self.akte), {"url": "", "label": _("Bearbeiten")}]

    def make_form(self, data=None, files=None):
        return AkteEditForm(data, user=self.request.user, akte=self.akte)

    def perform(self, form) -> str:
        actions.update_akte(self.request.user, self.akte, **form.cleaned_data)
        messages.success(self.request, _("Die Akte wurde gespeichert."))
        return url("akte_detail", self.akte.pk)


class VorgangCreateView(OpenAkteFormView):
    template_name = "efiles/admin/vorgang_form.html"
    submit_label = gettext_lazy("Vorgang anlegen")

    def get_page_title(self) -> str:
        return _("Neuer Vorgang in %(az)s") % {"az": self.akte.aktenzeichen}

    def get_breadcrumbs_items(self):
        return [*self.akte_crumbs(self.akte), {"url": "", "label": _("Neuer Vorgang")}]

    def make_form(self, data=None, files=None):
        return VorgangForm(data)

    def perform(self, form) -> str:
        vorgang = actions.create_vorgang(self.request.user, self.akte, **form.cleaned_data)
        messages.success(
            self.request,
            _("Der Vorgang %(ref)s wurde angelegt.") % {"ref": vorgang.reference},
        )
        return url("akte_detail", self.akte.pk) + f"#vorgang-{vorgang.pk}"


class VorgangEditView(OpenAkteFormView):
    template_name = "efiles/admin/vorgang_form.html"

    def load(self, pk, **kwargs) -> None:
        self.vorgang = access.get_vorgang_or_404(self.request.user, pk)
        self.akte = self.vorgang.akte

    def get_page_title(self) -> str:
        return _("Vorgang %(ref)s bearbeiten") % {"ref": self.vorgang.reference}

    def get_breadcrumbs_items(self):
        return [*self.akte_crumbs(self.akte), {"url": "", "label": self.vorgang.reference}]

    def make_form(self, data=None, files=None):
        initial = {"title": self.vorgang.title, "description": self.vorgang.description}
        return VorgangForm(data, initial=initial)

    def perform(self, form) -> str:
        actions.update_vorgang(self.request.user, self.vorgang, **form.cleaned_data)
        messages.success(self.request, _("Der Vorgang wurde gespeichert."))
        return url("akte_detail", self.akte.pk) + f"#vorgang-{self.vorgang.pk}"


# --- a file's page -------------------------------------------------------------------------
class AkteDetailView(AkteObjectMixin, RecordsView):
    template_name = "efiles/admin/akte_detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.bound_forms: dict = {}

    def get_page_title(self) -> str:
        return _("Akte %(az)s") % {"az": self.akte.aktenzeichen}

    def get_page_subtitle(self) -> str:
        return self.akte.title

    def get_breadcrumbs_items(self):
        return [*self.akten_crumbs(), {"url": "", "label": self.akte.aktenzeichen}]

    def get(self, request, *args, **kwargs):
        actions.record_view(request.user, self.akte)
        return super().get(request, *args, **kwargs)

    def vorgaenge(self) -> list:
        """The file's processes, each with the documents the user may see."""
        akte = self.akte
        dokumente = (
            Dokument.objects.filter(
                akte=akte, confidentiality__lte=access.clearance(self.request.user)
            )
            .select_related("locked_by")
            .annotate(version_number=Max("versions__number"))
            .order_by("document_date", "pk")
        )
        by_vorgang = defaultdict(list)
        for dokument in dokumente:
            by_vorgang[dokument.vorgang_id].append(dokument)
        vorgaenge = list(akte.vorgaenge.order_by("number"))
        for vorgang in vorgaenge:
            vorgang.akte = akte  # for ``reference`` without a query
            vorgang.visible_dokumente = by_vorgang.get(vorgang.pk, [])
        return vorgaenge

    def audit_entries(self) -> list:
        """The file's last 50 audit entries – without those of documents above the
        user's clearance (their titles are not for them)."""
        hidden = Dokument.objects.filter(
            akte=self.akte, confidentiality__gt=access.clearance(self.request.user)
        ).values("pk")
        entries = audit.entries_for(self.akte).exclude(
            object_kind=ObjectKind.DOKUMENT, object_id__in=hidden
        )
        return list(entries.select_related("user")[:50])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, akte = self.request.user, self.akte
        can_edit = access.may_edit(user) and akte.is_open
        forms = {"close_form": CloseForm(), "reopen_form": ReopenForm()}
        forms.update(self.bound_forms)
        context.update(forms)
        context.update(
            {
                "akte": akte,
                "vorgaenge": self.vorgaenge(),
                "can_edit": can_edit,
                "can_reopen": access.may_dispose(user) and akte.status == AkteStatus.CLOSED,
                "audit_entries": self.audit_entries(),
            }
        )
        return context


class ActionMixin:
    """A POST on a record's page (``make_form`` → ``perform``); a refused or invalid
    change shows the page again with the reason, nothing changed."""

    http_method_names = ["post"]
    form_name = ""

    def make_form(self):
        raise NotImplementedError

    def perform(self, form) -> str:
        raise NotImplementedError

    def success_url(self) -> str:
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.make_form()
        summary = NOT_SAVED
        if form is None or form.is_valid():
            try:
                message = self.perform(form)
            except actions.RecordError as error:
                if form is not None:
                    form.add_error(None, error.message)
                summary = _("Die Änderung wurde nicht gespeichert: %(reason)s") % {
                    "reason": error.message
                }
            else:
                messages.success(request, message)
                return redirect(self.success_url())
        if form is not None:
            self.bound_forms = {self.form_name: form}
        messages.error(request, str(summary))
        return self.render_to_response(self.get_context_data())


class AkteActionView(ActionMixin, AkteDetailView):
    def success_url(self) -> str:
        return url("akte_detail", self.akte.pk)


class AkteCloseView(AkteActionView):
    form_name = "close_form"

    def make_form(self):
        return CloseForm(self.request.POST)

    def perform(self, form) -> str:
        akte = actions.close_akte(self.request.user, self.akte, form.cleaned_data["closed_on"])
        self.akte = akte
        return _("Die Akte %(az)s ist zu den Akten (zdA) geschlossen.") % {"az": akte.aktenzeichen}


class AkteReopenView(AkteActionView):
    form_name = "reopen_form"

    def may_change(self, user) -> bool:
        return access.may_dispose(user)

    def make_form(self):
        return ReopenForm(self.request.POST)

    def perform(self, form) -> str:
        akte = actions.reopen_akte(self.request.user, self.akte, form.cleaned_data["reason"])
        return _("Die Akte %(az)s wurde wieder aufgenommen.") % {"az": akte.aktenzeichen}
