"""Admin views of the disposal (Aussonderung) and the xdomea export.

- The disposal list, assessing B files, approving (with a confirmation page) and downloading
  the package of a transferred file need ``access.may_dispose``; the files come only from the
  officer's towns (``access.akten_for_disposal``) – anything else answers 404.
- The on-demand xdomea export of a file is for everyone who may view it
  (``access.get_akte_or_404``); it contains only the documents they may see. Audited (EXPORT).
"""

from __future__ import annotations

import hashlib

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import access, disposal, xdomea
from ..actions import RecordError
from ..audit import record
from ..models import Akte, AkteStatus, AuditAction, Disposal

ICON = "bin"


def url(name: str, *args) -> str:
    return reverse(f"efiles:{name}", args=args)


def _private_headers(response: HttpResponse) -> HttpResponse:
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _selected_ids(data) -> list[int]:
    ids = []
    for value in data.getlist("akte"):
        try:
            ids.append(int(value))
        except (TypeError, ValueError):
            continue
    return list(dict.fromkeys(ids))


class AssessForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Bewertung"),
        choices=[
            (Disposal.ARCHIVE, gettext_lazy("Archivieren (an das Archiv abgeben)")),
            (Disposal.DESTROY, gettext_lazy("Vernichten")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Bitte „archivieren“ oder „vernichten“ wählen.")},
    )
    reason = forms.CharField(
        label=gettext_lazy("Begründung"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Bitte die Bewertung begründen.")},
    )


class DisposalView(WagtailAdminTemplateMixin, TemplateView):
    """Base: records officers only."""

    header_icon = ICON

    def dispatch(self, request, *args, **kwargs):
        if not access.may_dispose(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def files(self):
        return access.akten_for_disposal(self.request.user)

    def get_file_or_404(self, pk) -> Akte:
        akte = self.files().select_related("org_unit", "plan_unit", "site").filter(pk=pk).first()
        if akte is None:
            raise Http404
        return akte

    def crumbs(self, *items) -> list[dict]:
        return [
            *self.breadcrumbs_items,
            {"url": url("disposal_index"), "label": _("Aussonderung")},
            *items,
        ]


class DisposalIndexView(DisposalView):
    template_name = "efiles/admin/disposal_index.html"
    page_title = gettext_lazy("Aussonderung")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Aussonderung")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = disposal.due(self.files())
        sections = [
            {
                "kind": "A",
                "heading": _("A – an das Archiv abgeben"),
                "files": groups["A"],
                "selectable": True,
            },
            {
                "kind": "B",
                "heading": _("B – zu bewerten"),
                "files": groups["B"],
                "selectable": False,
            },
            {"kind": "V", "heading": _("V – vernichten"), "files": groups["V"], "selectable": True},
        ]
        context.update(
            sections=sections,
            total=sum(len(files) for files in groups.values()),
            transferred=list(
                self.files()
                .filter(status=AkteStatus.TRANSFERRED)
                .select_related("org_unit")
                .order_by("-transferred_at")[:50]
            ),
            approve_url=url("disposal_approve"),
        )
        return context


class DisposalAssessView(DisposalView):
    template_name = "efiles/admin/disposal_assess.html"

    def dispatch(self, request, *args, **kwargs):
        if access.may_dispose(request.user):
            self.akte = self.get_file_or_404(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Akte %(az)s bewerten") % {"az": self.akte.aktenzeichen}

    def get_breadcrumbs_items(self):
        return self.crumbs({"url": "", "label": self.akte.aktenzeichen})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initial = {"decision": self.akte.disposal_decision} if self.akte.disposal_decision else {}
        context.setdefault("form", AssessForm(initial=initial))
        context.update(akte=self.akte, action_url=url("disposal_assess", self.akte.pk))
        return context

    def post(self, request, *args, **kwargs):
        form = AssessForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                disposal.assess(request.user, self.akte, data["decision"], data["reason"])
            except RecordError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Die Akte %(az)s wurde bewertet: %(decision)s.")
                    % {
                        "az": self.akte.aktenzeichen,
                        "decision": dict(form.fields["decision"].choices)[data["decision"]],
                    },
                )
                return redirect(url("disposal_index"))
        messages.error(request, _("Die Bewertung wurde nicht gespeichert."))
        return self.render_to_response(self.get_context_data(form=form))


class DisposalApproveView(DisposalView):
    """POST with the selected ids → the confirmation page; POST with ``confirm`` → done."""

    template_name = "efiles/admin/disposal_confirm.html"
    http_method_names = ["post"]
    page_title = gettext_lazy("Aussonderung freigeben")

    def get_breadcrumbs_items(self):
        return self.crumbs({"url": "", "label": _("Freigeben")})

    def post(self, request, *args, **kwargs):
        ids = _selected_ids(request.POST)
        if not ids:
            messages.error(request, _("Bitte mindestens eine Akte auswählen."))
            return redirect(url("disposal_index"))
        if request.POST.get("confirm"):
            return self.approve(ids)
        plan = {"V": [], "A": [], "refused": []}
        found = {
            akte.pk: akte
            for akte in self.files().filter(pk__in=ids).select_related("org_unit", "plan_unit")
        }
        for pk in ids:
            akte = found.get(pk)
            if akte is None:
                continue  # not the officer's: as if it did not exist
            try:
                plan[disposal.check(akte)].append(akte)
            except RecordError as error:
                plan["refused"].append((akte, error.message))
        if not plan["V"] and not plan["A"]:
            for _akte, reason in plan["refused"]:
                messages.error(request, reason)
            if not plan["refused"]:
                messages.error(request, _("Die ausgewählten Akten wurden nicht gefunden."))
            return redirect(url("disposal_index"))
        context = self.get_context_data(
            destroy=plan["V"],
            archive=plan["A"],
            refused=plan["refused"],
            ids=[akte.pk for akte in plan["V"] + plan["A"]],
            action_url=url("disposal_approve"),
        )
        return self.render_to_response(context)

    def approve(self, ids: list[int]):
        report = disposal.approve(self.request.user, ids)
        counts = report.counts
        if counts["destroyed"]:
            messages.success(
                self.request,
                _("%(count)d Akte(n) vernichtet: %(list)s.")
                % {"count": counts["destroyed"], "list": ", ".join(report.destroyed)},
            )
        if counts["transferred"]:
            messages.success(
                self.request,
                _("%(count)d Akte(n) an das Archiv abgegeben: %(list)s.")
                % {"count": counts["transferred"], "list": ", ".join(report.transferred)},
            )
        for label, reason in report.skipped:
            messages.warning(
                self.request,
                _("%(az)s nicht ausgesondert: %(reason)s") % {"az": label, "reason": reason},
            )
        return redirect(url("disposal_index"))


class DisposalPackageView(DisposalView):
    """The stored xdomea package of a transferred file (path from its TRANSFER entry)."""

    http_method_names = ["get"]

    def get(self, request, pk):
        akte = self.get_file_or_404(pk)
        entry = disposal.package_of(akte) if akte.status == AkteStatus.TRANSFERRED else None
        package = (entry.after or {}).get("package") if entry else None
        if not package:
            raise Http404
        try:
            handle = storages["private"].open(package, "rb")
        except (FileNotFoundError, OSError, ValueError):
            raise Http404 from None
        record(
            request.user,
            AuditAction.DOWNLOAD,
            akte,
            after={"package": entry.after.get("filename", ""), "sha256": entry.after.get("sha256")},
        )
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=entry.after.get("filename") or f"aussonderung-{akte.pk}.zip",
            content_type="application/zip",
        )
        return _private_headers(response)


class AkteExportView(View):
    """xdomea ZIP of one file for everyone who may view it (only the visible documents)."""

    http_method_names = ["get"]

    def get(self, request, pk):
        user = request.user
        if not access.may_view(user):
            raise PermissionDenied
        akte = access.get_akte_or_404(user, pk)
        try:
            with transaction.atomic():
                filename, data = xdomea.build_package(akte, access.dokumente_for(user))
                record(
                    user,
                    AuditAction.EXPORT,
                    akte,
                    after={"filename": filename, "sha256": hashlib.sha256(data).hexdigest()},
                )
        except RecordError as error:
            messages.error(request, error.message)
            back = request.META.get("HTTP_REFERER", "")
            if not url_has_allowed_host_and_scheme(
                back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                back = url("akte_detail", akte.pk)
            return redirect(back)
        response = HttpResponse(data, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return _private_headers(response)


urlpatterns = [
    path("aussonderung/", DisposalIndexView.as_view(), name="disposal_index"),
    path("aussonderung/<int:pk>/bewerten/", DisposalAssessView.as_view(), name="disposal_assess"),
    path("aussonderung/freigeben/", DisposalApproveView.as_view(), name="disposal_approve"),
    path("aussonderung/paket/<int:pk>/", DisposalPackageView.as_view(), name="disposal_package"),
    path("<int:pk>/xdomea/", AkteExportView.as_view(), name="akte_export"),
]
