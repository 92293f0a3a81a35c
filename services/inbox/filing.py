"""Filing a case into the E-Akte: "In E-Akte ablegen" on the case page.

Staff who work on cases and on records (``records.may_file``) choose one of their open
Akten and which of the case's files – its uploads and its summary as PDF – become
documents there. Everything goes through the E-Akte's public API
(``backoffice.efiles.records``); the case's history gets an internal note.
"""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from backoffice.efiles import records

from .. import exports, workflow
from ..models import Case
from ..workflow import WorkflowError

PDF_CHOICE = "pdf"


def may_file(user) -> bool:
    return records.may_file(user)


class FilingForm(forms.Form):
    prefix = "filing"

    akte = records.AkteChooserField(label=gettext_lazy("Akte"))
    title = forms.CharField(
        label=gettext_lazy("Titel des Dokuments"),
        max_length=200,
        error_messages={"required": gettext_lazy("Bitte geben Sie einen Titel ein.")},
    )
    files = forms.MultipleChoiceField(
        label=gettext_lazy("Ablegen"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": gettext_lazy("Diese Datei gehört nicht zu dem Vorgang.")},
    )

    def __init__(self, *args, case: Case, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.case_files = {str(case_file.pk): case_file for case_file in case.files.all()}
        self.fields["akte"].set_user(user)
        self.fields["title"].initial = _("Antrag %(reference)s") % {"reference": case.reference}
        self.fields["files"].choices = [(PDF_CHOICE, _("Antrag als PDF"))] + [
            (pk, case_file.original_name) for pk, case_file in self.case_files.items()
        ]
        self.fields["files"].initial = [PDF_CHOICE, *self.case_files]

    def clean_files(self) -> list[str]:
        chosen = self.cleaned_data.get("files") or []
        if not chosen:
            raise forms.ValidationError(
                _("Bitte wählen Sie mindestens eine Datei oder „Antrag als PDF“ aus.")
            )
        return chosen

    def uploads(self, user) -> list:
        """The chosen files as ``(filename, bytes)`` / ``File`` objects for ``file_into``."""
        chosen = self.cleaned_data["files"]
        result = []
        if PDF_CHOICE in chosen:
            pdf = exports.case_pdf(self.case, by=user)
            result.append((f"{self.case.reference}.pdf", pdf))
        for pk, case_file in self.case_files.items():
            if pk not in chosen:
                continue
            name = case_file.original_name or f"datei-{pk}"
            try:
                with case_file.file.open("rb") as handle:
                    result.append((name, handle.read()))
            except (OSError, ValueError):
                raise WorkflowError(
                    _("Die Datei „%(name)s“ des Vorgangs konnte nicht gelesen werden.")
                    % {"name": name}
                ) from None
        return result


def context(case: Case, user, form: FilingForm | None = None) -> dict:
    """What the "In E-Akte ablegen" section shows."""
    allowed = may_file(user)
    return {
        "may_file": allowed and not case.is_anonymised,
        "form": form or (FilingForm(case=case, user=user) if allowed else None),
        "filed": records.filed_for(case, user=user) if allowed else [],
    }


def note_text(aktenzeichen: str, count: int) -> str:
    return ngettext(
        "In E-Akte %(az)s abgelegt (%(count)d Dokument)",
        "In E-Akte %(az)s abgelegt (%(count)d Dokumente)",
        count,
    ) % {"az": aktenzeichen, "count": count}


def file_case(case: Case, form: FilingForm, user) -> SafeString:
    """File the chosen files; an internal note says where. Returns the success message.
    Raises ``WorkflowError`` (nothing stored) when the E-Akte refuses."""
    akte = form.cleaned_data["akte"]
    try:
        with transaction.atomic():
            filed = records.file_into(
                case,
                akte,
                form.cleaned_data["title"],
                form.uploads(user),
                user=user,
                document_type="antrag",
                sender=case.applicant_name,
                comment=_("Aus dem Online-Antrag %(reference)s") % {"reference": case.reference},
            )
            workflow.add_note(case, note_text(akte.aktenzeichen, len(filed)), user)
    except records.RecordError as error:
        raise WorkflowError(error.message) from None
    link = format_html('<a href="{}">{}</a>', records.akte_url(akte.pk), akte.aktenzeichen)
    return format_html(
        ngettext(
            "In E-Akte {link} abgelegt ({count} Dokument).",
            "In E-Akte {link} abgelegt ({count} Dokumente).",
            len(filed),
        ),
        link=link,
        count=len(filed),
    )
