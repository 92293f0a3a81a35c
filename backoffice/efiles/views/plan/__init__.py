"""The file plan (Aktenplan) in the admin: the tree of a town's plan, one unit's form, CSV
import and export, and the town's Aktenzeichen settings.

Who: everyone who works with files (``may_view``) reads the plan of their towns; plan
keepers (``efiles.manage_fileplan``) change, import and configure it. Another town's unit
answers 404; a town not one's own in ``?stadt=`` too.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from portal.core.models import TownSettings

from ... import access, aktenzeichen, audit, plan_csv
from ...models import Akte, AuditAction, PlanUnit, RecordSettings
from .forms import UNIT_FIELDS, ImportForm, PlanUnitForm, RecordSettingsForm


def plan_url(name: str, town: TownSettings | None = None, *args) -> str:
    url = reverse(f"efiles:{name}", args=args)
    return f"{url}?stadt={town.slug}" if town is not None else url


def _may_read(user) -> bool:
    return access.may_view(user) or access.may_manage_plan(user)


def towns_for(user, permission: str) -> list[TownSettings]:
    """The towns in which ``user`` holds ``permission`` (superusers: every town)."""
    site_ids = access.site_ids_for(user, permission)
    towns = TownSettings.objects.select_related("site").order_by("name")
    if site_ids is None:
        return list(towns.filter(is_region=False))
    return list(towns.filter(site_id__in=site_ids))


def readable_towns(user) -> list[TownSettings]:
    towns = {town.pk: town for town in towns_for(user, access.MANAGE_PLAN)}
    if access.may_view(user):
        towns.update({town.pk: town for town in towns_for(user, access.VIEW)})
    return sorted(towns.values(), key=lambda town: town.name)


def chosen_town(slug: str | None, towns: list[TownSettings]) -> TownSettings | None:
    """The town named in ``?stadt=`` (404 unless one of ``towns``), else the first."""
    if slug:
        for town in towns:
            if town.slug == slug:
                return town
        raise Http404
    return towns[0] if towns else None


class PlanView(WagtailAdminTemplateMixin, TemplateView):
    """Base: permission check, the town, breadcrumbs."""

    header_icon = "list-ul"
    manage = True  # plan keepers only

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (access.may_manage_plan(user) if self.manage else _may_read(user)):
            raise PermissionDenied
        self.towns = towns_for(user, access.MANAGE_PLAN) if self.manage else readable_towns(user)
        self.town = self.get_town()
        return super().dispatch(request, *args, **kwargs)

    def get_town(self) -> TownSettings | None:
        return chosen_town(self.request.GET.get("stadt"), self.towns)

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if not isinstance(self, PlanIndexView):
            items.append({"url": plan_url("plan_index", self.town), "label": _("Aktenplan")})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_page_subtitle(self):
        return self.town.name if self.town else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(town=self.town, towns=self.towns, several_towns=len(self.towns) > 1)
        return context


class PlanIndexView(PlanView):
    template_name = "efiles/admin/plan_index.html"
    page_title = gettext_lazy("Aktenplan")
    manage = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        town, rows, can_manage = self.town, [], False
        if town is not None:
            counts = dict(
                Akte.objects.filter(site_id=town.site_id)
                .order_by()
                .values("plan_unit")
                .annotate(n=Count("pk"))
                .values_list("plan_unit", "n")
            )
            rows = [
                (unit, depth, counts.get(unit.pk, 0)) for unit, depth in plan_csv.tree(town.site)
            ]
            can_manage = access.may_manage_plan(self.request.user) and any(
                t.pk == town.pk for t in towns_for(self.request.user, access.MANAGE_PLAN)
            )
            records = RecordSettings.objects.filter(site_id=town.site_id).first()
            context["pattern"] = (
                records.aktenzeichen_pattern if records else aktenzeichen.DEFAULT_PATTERN
            )
        context.update(
            rows=rows,
            can_manage=can_manage,
            index_url=reverse("efiles:plan_index"),
            add_url=plan_url("plan_add", town) if town else "",
            import_url=plan_url("plan_import", town) if town else "",
            export_url=plan_url("plan_export", town) if town else "",
            settings_url=plan_url("settings_edit", town) if town else "",
        )
        return context


class PlanUnitFormView(PlanView):
    template_name = "efiles/admin/plan_form.html"
    unit: PlanUnit | None = None

    def get_form(self) -> PlanUnitForm:
        site = self.town.site
        if self.request.method == "POST":
            return PlanUnitForm(self.request.POST, instance=self.unit, site=site)
        initial = {}
        parent = self.request.GET.get("parent", "")
        if self.unit is None and parent.isascii() and parent.isdigit() and len(parent) < 19:
            initial["parent"] = PlanUnit.objects.filter(site=site, pk=int(parent)).first()
        return PlanUnitForm(instance=self.unit, site=site, initial=initial)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        before = audit.snapshot(self.unit, UNIT_FIELDS) if self.unit else None
        form = self.get_form()
        if form.is_valid():
            try:
                with transaction.atomic():
                    unit = self.save(form, before)
            except IntegrityError:
                form.add_error("code", _("Das Kennzeichen wurde gerade anderweitig vergeben."))
            else:
                messages.success(request, self.success_message(unit))
                return redirect(plan_url("plan_index", self.town))
        messages.error(
            request, _("Die Einheit wurde nicht gespeichert. Bitte prüfen Sie die Angaben.")
        )
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(unit=self.unit, cancel_url=plan_url("plan_index", self.town))
        return context


class PlanUnitCreateView(PlanUnitFormView):
    page_title = gettext_lazy("Neue Aktenplaneinheit")

    def get_town(self):
        town = super().get_town()
        if town is None:
            raise PermissionDenied
        return town

    def save(self, form, before) -> PlanUnit:
        form.instance.site = self.town.site
        unit = form.save()
        audit.record(
            self.request.user, AuditAction.CREATE, unit, after=audit.snapshot(unit, UNIT_FIELDS)
        )
        return unit

    def success_message(self, unit) -> str:
        return _("Die Einheit „%(unit)s“ wurde angelegt.") % {"unit": unit}


class PlanUnitEditView(PlanUnitFormView):
    page_title = gettext_lazy("Aktenplaneinheit bearbeiten")

    def get_town(self):
        site_ids = access.site_ids_for(self.request.user, access.MANAGE_PLAN)
        pk = self.kwargs["pk"]
        self.unit = (
            PlanUnit.objects.for_sites(site_ids).select_related("parent").filter(pk=pk).first()
        )
        if self.unit is None:
            raise Http404
        town = next((t for t in self.towns if t.site_id == self.unit.site_id), None)
        if town is None:
            raise Http404
        return town

    def get_page_subtitle(self):
        return str(self.unit)

    def save(self, form, before) -> PlanUnit:
        unit = form.save()
        old, new = audit.changes(before, audit.snapshot(unit, UNIT_FIELDS))
        if new:
            audit.record(self.request.user, AuditAction.CHANGE, unit, before=old, after=new)
        return unit

    def success_message(self, unit) -> str:
        return _("Die Einheit „%(unit)s“ wurde gespeichert.") % {"unit": unit}


# --- import / export ----------------------------------------------------------------------


class PlanImportView(PlanView):
    template_name = "efiles/admin/plan_import.html"
    page_title = gettext_lazy("Aktenplan importieren")
    header_icon = "upload"

    def get(self, request, *args, **kwargs):
        initial = {"town": self.town.slug} if self.town else {}
        form = ImportForm(towns=self.towns, initial=initial)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES, towns=self.towns)
        if not form.is_valid():
            messages.error(request, _("Es wurde nichts importiert. Bitte prüfen Sie die Angaben."))
            return self.render_to_response(self.get_context_data(form=form))
        self.town = chosen_town(form.cleaned_data["town"], self.towns)
        dry_run = form.cleaned_data["dry_run"]
        result = plan_csv.import_plan(
            self.town.site, form.cleaned_data["file"], user=request.user, dry_run=dry_run
        )
        if not result.ok:
            messages.error(request, _("Die Datei enthält Fehler. Es wurde nichts importiert."))
            return self.render_to_response(self.get_context_data(form=form, result=result))
        if dry_run:
            messages.info(
                request,
                _("Probelauf für %(town)s: %(summary)s. Es wurde nichts gespeichert.")
                % {"town": self.town.name, "summary": result.summary},
            )
            return self.render_to_response(self.get_context_data(form=form, result=result))
        messages.success(
            request,
            _("Aktenplan von %(town)s importiert: %(summary)s.")
            % {"town": self.town.name, "summary": result.summary},
        )
        if result.missing:
            messages.warning(request, result.missing_message)
        return redirect(plan_url("plan_index", self.town))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(header=";".join(plan_csv.HEADER))
        return context


class PlanExportView(View):
    """The town's plan as CSV (UTF-8 with BOM, so spreadsheet programs read the umlauts)."""

    http_method_names = ["get"]

    def get(self, request):
        if not _may_read(request.user):
            raise PermissionDenied
        town = chosen_town(request.GET.get("stadt"), readable_towns(request.user))
        if town is None:
            raise Http404
        response = HttpResponse(
            "\ufeff" + plan_csv.export_plan(town.site), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="aktenplan-{town.slug}.csv"'
        response["Cache-Control"] = "private, no-store"
        return response


# --- Aktenzeichen settings ----------------------------------------------------------------


class SettingsEditView(PlanView):
    template_name = "efiles/admin/settings_edit.html"
    page_title = gettext_lazy("Einstellungen der E-Akte")
    header_icon = "cog"

    def get_town(self):
        town = super().get_town()
        if town is None:
            raise PermissionDenied
        return town

    def get_form(self) -> RecordSettingsForm:
        records = aktenzeichen.settings_for(self.town.site)
        units = PlanUnit.objects.filter(site_id=self.town.site_id)
        codes = set(units.values_list("code", flat=True))
        parents = set(units.exclude(parent=None).values_list("parent__code", flat=True))
        leaves = sorted(codes - parents)
        kwargs = {
            "instance": records,
            "sample_code": leaves[0] if leaves else aktenzeichen.SAMPLE["plan"],
            "longest_code": max(codes, key=len, default=aktenzeichen.SAMPLE["plan"]),
        }
        if not records.town_code and self.town.code:
            kwargs["initial"] = {"town_code": self.town.code}
        if self.request.method == "POST":
            return RecordSettingsForm(self.request.POST, **kwargs)
        return RecordSettingsForm(**kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            example=kwargs["form"].example(),
            example_prefix=_("z. B. %(example)s") % {"example": ""},
            year=timezone.localdate().year,
            cancel_url=plan_url("plan_index", self.town),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        before = {
            "aktenzeichen_pattern": form.instance.aktenzeichen_pattern,
            "town_code": form.instance.town_code,
        }
        if not form.is_valid():
            messages.error(
                request,
                _("Die Einstellungen wurden nicht gespeichert. Bitte prüfen Sie die Angaben."),
            )
            return self.render_to_response(self.get_context_data(form=form))
        if "preview" in request.POST:
            return self.render_to_response(self.get_context_data(form=form))
        with transaction.atomic():
            records = form.save()
            old, new = audit.changes(before, {name: form.cleaned_data[name] for name in before})
            if new:
                log(
                    instance=records,
                    action="wagtail.edit",
                    user=request.user,
                    data={"before": old, "after": new},
                )
        messages.success(
            request,
            _("Die Einstellungen für %(town)s wurden gespeichert.") % {"town": self.town.name},
        )
        return redirect(plan_url("settings_edit", self.town))


urlpatterns = [
    path("aktenplan/", PlanIndexView.as_view(), name="plan_index"),
    path("aktenplan/neu/", PlanUnitCreateView.as_view(), name="plan_add"),
    path("aktenplan/<int:pk>/", PlanUnitEditView.as_view(), name="plan_edit"),
    path("aktenplan/import/", PlanImportView.as_view(), name="plan_import"),
    path("aktenplan/export.csv", PlanExportView.as_view(), name="plan_export"),
    path("einstellungen/", SettingsEditView.as_view(), name="settings_edit"),
]
