"""Wagtail admin views for town staff: the list of club registrations of their towns
(pending first, filter by status), one registration with approve/reject, and the
per-town switch "Neue Veranstaltungen müssen freigegeben werden".

Every view needs ``vereinsportal.review_clubregistration``; a registration is looked up
only among the user's towns, so another town's id answers 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from portal.core.models import TownSettings

from ..models import ClubMembership, ClubRegistration, RegistrationStatus
from ..roles import (
    REVIEW_PERMISSION,
    club_index_of,
    event_approval_required,
    moderated_site_ids,
    set_event_approval,
)
from .approval import DecisionError, approve, reject
from .forms import ApproveForm, RejectForm

URL_NAMESPACE = "vereinsportal_registrations"
PER_PAGE = 50


def url(name: str, *args) -> str:
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


def registrations_for(user) -> QuerySet[ClubRegistration]:
    site_ids = moderated_site_ids(user)
    registrations = ClubRegistration.objects.all()
    if site_ids is not None:
        registrations = registrations.filter(site_id__in=site_ids)
    return registrations


def pending_count(user) -> int:
    return registrations_for(user).filter(status=RegistrationStatus.PENDING).count()


def may_review(user) -> bool:
    site_ids = moderated_site_ids(user)
    return site_ids is None or bool(site_ids)


class ReviewMixin:
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.has_perm(REVIEW_PERMISSION) and may_review(request.user)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RegistrationIndexView(ReviewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "vereinsportal/admin/registrations.html"
    page_title = gettext_lazy("Vereinsanmeldungen")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Vereinsanmeldungen")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        if status not in RegistrationStatus.values:
            status = ""
        registrations = registrations_for(self.request.user).select_related("site")
        if status:
            registrations = registrations.filter(status=status)
        registrations = registrations.annotate(
            pending_first=Case(
                When(status=RegistrationStatus.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("pending_first", "-created_at", "-pk")
        page = Paginator(registrations, PER_PAGE).get_page(self.request.GET.get("p"))
        site_ids = moderated_site_ids(self.request.user)
        context.update(
            {
                "registrations": page.object_list,
                "page_obj": page,
                "status": status,
                "statuses": RegistrationStatus.choices,
                "several_towns": site_ids is None or len(site_ids) > 1,
                "detail_url_base": url("index"),
            }
        )
        return context


class RegistrationDetailView(ReviewMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "vereinsportal/admin/registration_detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.approve_form = ApproveForm()
        self.reject_form = RejectForm()

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.has_perm(REVIEW_PERMISSION) and may_review(request.user)):
            raise PermissionDenied
        self.registration = (
            registrations_for(request.user)
            .select_related("site", "decided_by", "club", "index_page")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if self.registration is None:
            raise Http404
        return super(ReviewMixin, self).dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Vereinsanmeldung: %(name)s") % {"name": self.registration.club_name}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": url("index"), "label": _("Vereinsanmeldungen")},
            {"url": "", "label": self.registration.club_name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.registration
        context.update(
            {
                "registration": registration,
                "categories": list(registration.categories.all()),
                "pending": registration.status == RegistrationStatus.PENDING,
                "approve_form": self.approve_form,
                "reject_form": self.reject_form,
                "index_url": url("index"),
                "detail_url": url("detail", registration.pk),
                "club_edit_url": reverse("wagtailadmin_pages:edit", args=[registration.club_id])
                if registration.club_id
                else "",
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        registration = self.registration
        try:
            if action == "approve":
                self.approve_form = ApproveForm(request.POST)
                if not self.approve_form.is_valid():
                    raise DecisionError(_("Bitte prüfen Sie die Angaben."))
                result = approve(
                    registration.pk,
                    user=request.user,
                    note=self.approve_form.cleaned_data["note"],
                )
                messages.success(
                    request,
                    _(
                        "„%(name)s“ ist freigegeben: Die Vereinsseite ist veröffentlicht, "
                        "%(email)s hat eine E-Mail mit dem Zugang erhalten."
                    )
                    % {"name": result.club.title, "email": result.user.email},
                )
            elif action == "reject":
                self.reject_form = RejectForm(request.POST)
                if not self.reject_form.is_valid():
                    messages.error(request, _("Bitte begründen Sie die Ablehnung."))
                    return self.render_to_response(self.get_context_data())
                reject(
                    registration.pk,
                    user=request.user,
                    note=self.reject_form.cleaned_data["note"],
                )
                messages.success(
                    request,
                    _("Die Anmeldung „%(name)s“ ist abgelehnt; die Person wurde informiert.")
                    % {"name": registration.club_name},
                )
            else:
                raise DecisionError(_("Unbekannte Aktion."))
        except DecisionError as error:
            messages.error(request, str(error))
        return redirect(url("detail", registration.pk))


class EventApprovalView(ReviewMixin, WagtailAdminTemplateMixin, TemplateView):
    """Per town: must new events be approved by the moderators before they go live?"""

    template_name = "vereinsportal/admin/event_approval.html"
    page_title = gettext_lazy("Freigabe von Veranstaltungen")

    def towns(self) -> list[TownSettings]:
        site_ids = moderated_site_ids(self.request.user)
        towns = TownSettings.objects.filter(is_region=False).select_related("site")
        if site_ids is not None:
            towns = towns.filter(site_id__in=site_ids)
        return list(towns.order_by("name"))

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Freigabe von Veranstaltungen")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for town in self.towns():
            has_index = club_index_of(town.site) is not None
            rows.append(
                {
                    "town": town,
                    "has_index": has_index,
                    "required": has_index and event_approval_required(town.site),
                }
            )
        context["rows"] = rows
        return context

    def post(self, request, *args, **kwargs):
        allowed = {town.site_id: town for town in self.towns()}
        try:
            site_id = int(request.POST.get("site", ""))
        except ValueError:
            raise Http404 from None
        town = allowed.get(site_id)
        if town is None:
            raise Http404
        required = request.POST.get("required") == "1"
        site = Site.objects.get(pk=site_id)
        if club_index_of(site) is None:
            messages.error(
                request, _("%(town)s hat noch kein Vereinsverzeichnis.") % {"town": town.name}
            )
        else:
            set_event_approval(site, required)
            if required:
                message = _("%(town)s: Neue Veranstaltungen müssen jetzt freigegeben werden.")
            else:
                message = _("%(town)s: Vereine veröffentlichen ihre Veranstaltungen jetzt direkt.")
            messages.success(request, message % {"town": town.name})
        return redirect(url("event_approval"))


class MembershipIndexView(ReviewMixin, WagtailAdminTemplateMixin, TemplateView):
    """Read-only: who may edit which club of the user's towns (club people manage
    their team themselves in the club dashboard)."""

    template_name = "vereinsportal/admin/memberships.html"
    page_title = gettext_lazy("Vereinszugänge")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Vereinszugänge")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site_ids = moderated_site_ids(self.request.user)
        memberships = ClubMembership.objects.select_related("club", "user", "club__town_site")
        if site_ids is not None:
            memberships = memberships.filter(club__town_site_id__in=site_ids)
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            memberships = memberships.filter(
                Q(club__title__icontains=query)
                | Q(user__email__icontains=query)
                | Q(user__last_name__icontains=query)
            )
        memberships = memberships.order_by("club__title", "role", "user__last_name", "pk")
        page = Paginator(memberships, PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            {
                "memberships": page.object_list,
                "page_obj": page,
                "query": query,
                "several_towns": site_ids is None or len(site_ids) > 1,
            }
        )
        return context


def urlpatterns() -> list:
    return [
        path("anmeldungen/", RegistrationIndexView.as_view(), name="index"),
        path("anmeldungen/<int:pk>/", RegistrationDetailView.as_view(), name="detail"),
        path("freigabe/", EventApprovalView.as_view(), name="event_approval"),
        path("zugaenge/", MembershipIndexView.as_view(), name="memberships"),
    ]
