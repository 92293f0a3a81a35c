"""Admin views of Dokumente: adding one to a Vorgang, its page with versions, uploading a
new version, check-out/check-in, editing metadata and downloading a version.

Permissions as in ``views.akten``: viewing needs ``access.may_view``, changing
``access.may_edit``; releasing someone else's lock (``force``) records officers or
administrators. Objects only through ``access`` (404 otherwise).
"""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from .. import access, actions, audit, storage
from ..forms import CheckinForm, DokumentEditForm, DokumentForm, VersionForm
from .akten import ActionMixin, OpenAkteFormView, RecordsView, url


def may_force(user) -> bool:
    """Who may release someone else's lock."""
    return user.is_active and (user.is_superuser or access.may_dispose(user))


class DokumentCreateView(OpenAkteFormView):
    template_name = "efiles/admin/dokument_form.html"
    submit_label = gettext_lazy("Dokument hinzufügen")
    multipart = True

    def load(self, pk, **kwargs) -> None:
        self.vorgang = access.get_vorgang_or_404(self.request.user, pk)
        self.akte = self.vorgang.akte

    def get_page_title(self) -> str:
        return _("Neues Dokument in %(ref)s") % {"ref": self.vorgang.reference}

    def get_breadcrumbs_items(self):
        return [*self.akte_crumbs(self.akte), {"url": "", "label": _("Neues Dokument")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["max_upload_mb"] = storage.max_upload_bytes() // storage.MB
        return context

    def make_form(self, data=None, files=None):
        return DokumentForm(data, files, user=self.request.user, akte=self.akte)

    def perform(self, form) -> str:
        data = dict(form.cleaned_data)
        upload = data.pop("file")
        dokument = actions.add_dokument(self.request.user, self.vorgang, upload=upload, **data)
        messages.success(
            self.request,
            _("Das Dokument „%(title)s“ wurde hinzugefügt.") % {"title": dokument.title},
        )
        return url("dokument_detail", dokument.pk)


class DokumentObjectMixin:
    """``self.dokument`` (and ``self.akte``) among the documents the user may see."""

    def load(self, pk, **kwargs) -> None:
        self.dokument = access.get_dokument_or_404(self.request.user, pk)
        self.akte = self.dokument.akte

    def dokument_crumbs(self) -> list[dict]:
        return [
            *self.akte_crumbs(self.akte),
            {"url": url("dokument_detail", self.dokument.pk), "label": self.dokument.title},
        ]


class DokumentEditView(DokumentObjectMixin, OpenAkteFormView):
    template_name = "efiles/admin/dokument_form.html"

    def get_page_title(self) -> str:
        return _("Dokument „%(title)s“ bearbeiten") % {"title": self.dokument.title}

    def get_breadcrumbs_items(self):
        return [*self.dokument_crumbs(), {"url": "", "label": _("Bearbeiten")}]

    def cancel_url(self) -> str:
        return url("dokument_detail", self.dokument.pk)

    def make_form(self, data=None, files=None):
        return DokumentEditForm(data, user=self.request.user, dokument=self.dokument)

    def perform(self, form) -> str:
        actions.update_dokument(self.request.user, self.dokument, **form.cleaned_data)
        messages.success(
            self.request,
            _("Das Dokument „%(title)s“ wurde gespeichert.") % {"title": self.dokument.title},
        )
        return url("dokument_detail", self.dokument.pk)


class DokumentDetailView(DokumentObjectMixin, RecordsView):
    template_name = "efiles/admin/dokument_detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.bound_forms: dict = {}

    def get_page_title(self) -> str:
        return _("Dokument „%(title)s“") % {"title": self.dokument.title}

    def get_breadcrumbs_items(self):
        return [*self.akte_crumbs(self.akte), {"url": "", "label": self.dokument.title}]

    def get(self, request, *args, **kwargs):
        actions.record_view(request.user, self.dokument)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, dokument = self.request.user, self.dokument
        is_open = self.akte.is_open
        forms = {"version_form": VersionForm(), "checkin_form": CheckinForm()}
        forms.update(self.bound_forms)
        context.update(forms)
        locked_by_me = dokument.locked_by_id is not None and dokument.locked_by_id == user.pk
        context.update(
            {
                "akte": self.akte,
                "dokument": dokument,
                "vorgang": dokument.vorgang,
                "versions": list(
                    dokument.versions.select_related("created_by").order_by("-number")
                ),
                "can_edit": access.may_edit(user) and is_open,
                "locked_by_me": locked_by_me,
                "locked_by_other": dokument.locked_by_id is not None and not locked_by_me,
                "can_force": is_open and dokument.locked_by_id is not None and may_force(user),
                "audit_entries": audit.entries_for(dokument)[:50],
            }
        )
        return context


class DokumentActionView(ActionMixin, DokumentDetailView):
    def success_url(self) -> str:
        return url("dokument_detail", self.dokument.pk)


class DokumentUploadView(DokumentActionView):
    form_name = "version_form"

    def make_form(self):
        return VersionForm(self.request.POST, self.request.FILES)

    def perform(self, form) -> str:
        data = form.cleaned_data
        version = actions.add_version(
            self.request.user, self.dokument, data["file"], data["comment"]
        )
        return _("Version %(number)d von „%(title)s“ wurde gespeichert.") % {
            "number": version.number,
            "title": self.dokument.title,
        }


class DokumentCheckoutView(DokumentActionView):
    def make_form(self):
        return None

    def perform(self, form) -> str:
        actions.check_out(self.request.user, self.dokument)
        return _(
            "Sie haben „%(title)s“ ausgecheckt. Andere können keine neue Version "
            "hochladen, bis Sie es wieder einchecken."
        ) % {"title": self.dokument.title}


class DokumentCheckinView(DokumentActionView):
    form_name = "checkin_form"

    @property
    def force(self) -> bool:
        return bool(self.request.POST.get("force"))

    def may_change(self, user) -> bool:
        if self.force:
            return may_force(user)
        return access.may_edit(user)

    def make_form(self):
        return CheckinForm(self.request.POST, self.request.FILES)

    def perform(self, form) -> str:
        data = form.cleaned_data
        actions.check_in(
            self.request.user,
            self.dokument,
            data["file"] or None,
            data["comment"],
            force=self.force,
        )
        if self.force:
            return _("Die Sperre von „%(title)s“ wurde aufgehoben.") % {
                "title": self.dokument.title
            }
        if data["file"]:
            return _("„%(title)s“ wurde mit einer neuen Version eingecheckt.") % {
                "title": self.dokument.title
            }
        return _("„%(title)s“ wurde eingecheckt.") % {"title": self.dokument.title}


class DownloadView(RecordsView):
    """One version's file from private storage, as an attachment; recorded in the audit."""

    http_method_names = ["get"]

    def load(self, pk, number, **kwargs) -> None:
        self.version = access.get_version_or_404(self.request.user, pk, number)

    def get(self, request, *args, **kwargs):
        version = self.version
        try:
            handle = version.file.file.open("rb")
        except (FileNotFoundError, OSError, ValueError):
            raise Http404 from None
        actions.record_download(request.user, version)
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=version.filename or f"dokument-{version.dokument_id}-{version.number}",
            content_type=version.content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response
