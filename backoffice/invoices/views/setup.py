"""Setup of the Rechnungslauf in the admin: Leitweg-IDs (routes to offices and Akten),
Anordnungsgrenzen (approval limits) and delivery keys for the API.

Needs the permission ``invoices.manage_routing`` (group "Rechnungslauf-Verwaltung <Stadt>");
everyone sees and changes only the entries of their own towns – any other id is 404.
A new delivery key's secret is shown once, right after it was created; only its hash is kept.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from backoffice.efiles import records

from .. import access
from ..forms_setup import ApprovalLimitForm, DeliveryTokenForm, LeitwegRouteForm
from ..intake import format_amount
from ..models import ApprovalLimit, DeliveryToken, LeitwegRoute
from .intake import towns_for


def may_manage(user) -> bool:
    return access.may_use(user) and (user.is_superuser or user.has_perm("invoices.manage_routing"))


def url(name: str, *args) -> str:
    return reverse(f"invoices:{name}", args=args)


class SetupView(WagtailAdminTemplateMixin, TemplateView):
    """Base: permission, the user's towns, the objects of those towns (``kind`` describes
    what is set up: model, names of the URLs, titles)."""

    model = LeitwegRoute
    index_name = "route_index"
    header_icon = "cogs"
    list_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not may_manage(request.user):
            raise PermissionDenied
        self.towns = towns_for(request.user)
        self.town_names = {town.site_id: town.name for town in self.towns}
        return super().dispatch(request, *args, **kwargs)

    def objects(self) -> QuerySet:
        return self.model.objects.filter(site_id__in=list(self.town_names)).select_related("site")

    def get_object(self, pk: int):
        obj = self.objects().filter(pk=pk).first()
        if obj is None:
            raise Http404
        return obj

    def get_breadcrumbs_items(self):
        crumbs = [*self.breadcrumbs_items, {"url": url(self.index_name), "label": self.list_label}]
        if self.template_name.endswith("index.html"):
            crumbs[-1] = {"url": "", "label": self.list_label}
        else:
            crumbs.append({"url": "", "label": self.get_page_title()})
        return crumbs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "towns": self.towns,
                "town_names": self.town_names,
                "several_towns": len(self.towns) > 1,
                "index_url": url(self.index_name),
            }
        )
        return context


class FormView(SetupView):
    """Add or edit one entry (``pk`` in the URL: edit)."""

    template_name = "invoices/admin/setup/form.html"
    form_class = LeitwegRouteForm
    submit_label = gettext_lazy("Speichern")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = kwargs.get("pk")

    def make_form(self, data=None):
        instance = self.get_object(self.pk) if self.pk else None
        return self.form_class(data, instance=instance, user=self.request.user, towns=self.towns)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST)
        if form.is_valid():
            return self.saved(form)
        messages.error(request, _("Nicht gespeichert. Bitte prüfen Sie die Angaben."))
        return self.render_to_response(self.get_context_data(form=form))

    def saved(self, form):
        obj = form.save()
        messages.success(self.request, _("„%(name)s“ wurde gespeichert.") % {"name": obj})
        return redirect(url(self.index_name))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"submit_label": self.submit_label, "form_media": kwargs["form"].media})
        return context


class DeleteView(SetupView):
    """Confirm, then delete (or, for keys, revoke) one entry."""

    template_name = "invoices/admin/setup/confirm.html"
    confirm_label = gettext_lazy("Löschen")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = kwargs["pk"]

    def question(self, obj) -> str:
        return _("Soll „%(name)s“ gelöscht werden?") % {"name": obj}

    def get(self, request, *args, **kwargs):
        obj = self.get_object(self.pk)
        return self.render_to_response(
            self.get_context_data(
                object=obj, question=self.question(obj), confirm_label=self.confirm_label
            )
        )

    def post(self, request, *args, **kwargs):
        obj = self.get_object(self.pk)
        name = str(obj)
        self.perform(obj)
        messages.success(request, self.done_message(name))
        return redirect(url(self.index_name))

    def perform(self, obj) -> None:
        obj.delete()

    def done_message(self, name: str) -> str:
        return _("„%(name)s“ wurde gelöscht.") % {"name": name}


# --- Leitweg-IDs -------------------------------------------------------------------------------
class RouteMixin:
    model = LeitwegRoute
    index_name = "route_index"
    list_label = gettext_lazy("Leitweg-IDs")
    header_icon = "site"


class RouteIndexView(RouteMixin, SetupView):
    template_name = "invoices/admin/setup/route_index.html"
    page_title = gettext_lazy("Leitweg-IDs")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        routes = self.objects().select_related("org_unit").order_by("site_id", "leitweg_id")
        context["rows"] = [
            {
                "route": route,
                "town": self.town_names.get(route.site_id, ""),
                "akte": records.akte_label(route.akte_id) if route.akte_id else "",
                "akte_url": records.akte_url(route.akte_id) if route.akte_id else "",
            }
            for route in routes
        ]
        context["add_url"] = url("route_add")
        return context


class RouteFormView(RouteMixin, FormView):
    form_class = LeitwegRouteForm

    def get_page_title(self):
        return _("Leitweg-ID bearbeiten") if self.pk else _("Leitweg-ID eintragen")


class RouteDeleteView(RouteMixin, DeleteView):
    page_title = gettext_lazy("Leitweg-ID löschen")

    def question(self, obj) -> str:
        return _(
            "Soll die Leitweg-ID „%(name)s“ gelöscht werden? Rechnungen an sie gehen danach ohne "
            "Dienststelle an die Stadt des Einlieferers – oder werden abgelehnt."
        ) % {"name": obj}


# --- Anordnungsgrenzen -----------------------------------------------------------------------
class LimitMixin:
    model = ApprovalLimit
    index_name = "limit_index"
    list_label = gettext_lazy("Anordnungsgrenzen")
    header_icon = "lock"

    def objects(self):
        return super().objects().select_related("user")


class LimitIndexView(LimitMixin, SetupView):
    template_name = "invoices/admin/setup/limit_index.html"
    page_title = gettext_lazy("Anordnungsgrenzen")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        limits = self.objects().order_by("site_id", "user__last_name", "user__username")
        context["rows"] = [
            {
                "limit": limit,
                "town": self.town_names.get(limit.site_id, ""),
                "person": limit.user.get_full_name() or limit.user.get_username(),
                "amount": format_amount(limit.max_amount),
            }
            for limit in limits
        ]
        context["add_url"] = url("limit_add")
        return context


class LimitFormView(LimitMixin, FormView):
    form_class = ApprovalLimitForm

    def get_page_title(self):
        return _("Anordnungsgrenze bearbeiten") if self.pk else _("Anordnungsgrenze festlegen")


class LimitDeleteView(LimitMixin, DeleteView):
    page_title = gettext_lazy("Anordnungsgrenze löschen")

    def question(self, obj) -> str:
        person = obj.user.get_full_name() or obj.user.get_username()
        return _(
            "Soll die Anordnungsgrenze von %(person)s gelöscht werden? Ohne Grenze darf die "
            "Person nicht mehr anordnen."
        ) % {"person": person}


# --- delivery keys -----------------------------------------------------------------------------
class TokenMixin:
    model = DeliveryToken
    index_name = "token_index"
    list_label = gettext_lazy("Zugänge für die Einlieferung")
    header_icon = "key"


class TokenIndexView(TokenMixin, SetupView):
    template_name = "invoices/admin/setup/token_index.html"
    page_title = gettext_lazy("Zugänge für die Einlieferung")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tokens = self.objects().order_by("-active", "site_id", "name")
        context["rows"] = [
            {"token": token, "town": self.town_names.get(token.site_id, "")} for token in tokens
        ]
        context["add_url"] = url("token_add")
        context["api_url"] = reverse("invoices_api_receive")
        return context


class TokenAddView(TokenMixin, FormView):
    form_class = DeliveryTokenForm
    page_title = gettext_lazy("Zugang anlegen")
    submit_label = gettext_lazy("Zugang anlegen")

    def saved(self, form):
        token = form.save(commit=False)
        secret = token.set_new_token()
        token.created_by = self.request.user
        token.save()
        self.template_name = "invoices/admin/setup/token_created.html"
        return self.render_to_response(
            self.get_context_data(
                form=form,
                token=token,
                secret=secret,
                town=self.town_names.get(token.site_id, ""),
                api_url=self.request.build_absolute_uri(reverse("invoices_api_receive")),
            )
        )


class TokenRevokeView(TokenMixin, DeleteView):
    page_title = gettext_lazy("Zugang widerrufen")
    confirm_label = gettext_lazy("Widerrufen")

    def question(self, obj) -> str:
        return _(
            "Soll der Zugang „%(name)s“ widerrufen werden? Mit seinem Schlüssel kann danach "
            "nichts mehr eingeliefert werden."
        ) % {"name": obj}

    def perform(self, obj) -> None:
        obj.active = False
        obj.save(update_fields=["active"])

    def done_message(self, name: str) -> str:
        return _("Der Zugang „%(name)s“ wurde widerrufen.") % {"name": name}


urlpatterns = [
    path("leitweg-ids/", RouteIndexView.as_view(), name="route_index"),
    path("leitweg-ids/neu/", RouteFormView.as_view(), name="route_add"),
    path("leitweg-ids/<int:pk>/bearbeiten/", RouteFormView.as_view(), name="route_edit"),
    path("leitweg-ids/<int:pk>/loeschen/", RouteDeleteView.as_view(), name="route_delete"),
    path("anordnungsgrenzen/", LimitIndexView.as_view(), name="limit_index"),
    path("anordnungsgrenzen/neu/", LimitFormView.as_view(), name="limit_add"),
    path("anordnungsgrenzen/<int:pk>/bearbeiten/", LimitFormView.as_view(), name="limit_edit"),
    path("anordnungsgrenzen/<int:pk>/loeschen/", LimitDeleteView.as_view(), name="limit_delete"),
    path("zugaenge/", TokenIndexView.as_view(), name="token_index"),
    path("zugaenge/neu/", TokenAddView.as_view(), name="token_add"),
    path("zugaenge/<int:pk>/widerrufen/", TokenRevokeView.as_view(), name="token_revoke"),
]
