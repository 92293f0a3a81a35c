"""The action forms on a case's page. They only read input; ``services.workflow`` decides
whether the change is allowed and makes it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Case, CaseStatus
from ..workflow import MAX_TEXT_LENGTH, display_name
from .access import assignable_users

TEXT_ERRORS = {
    "required": _("Bitte geben Sie einen Text ein."),
    "max_length": _(
        "Der Text ist zu lang (höchstens %(limit_value)d Zeichen, jetzt %(show_value)d)."
    ),
}


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return display_name(obj)


class AssignForm(forms.Form):
    prefix = "assign"

    assignee = UserChoiceField(
        label=_("Zuweisen an"),
        queryset=None,
        required=False,
        empty_label=_("niemandem (Zuweisung aufheben)"),
        error_messages={
            "invalid_choice": _(
                "Bitte wählen Sie eine Person aus, die Vorgänge dieser Stadt bearbeitet."
            )
        },
    )

    def __init__(self, *args, case: Case, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignable_users(case, user)
        self.fields["assignee"].initial = case.assignee_id


class StatusForm(forms.Form):
    prefix = "status"

    status = forms.ChoiceField(
        label=_("Neuer Status"),
        error_messages={
            "required": _("Bitte wählen Sie den neuen Status."),
            "invalid_choice": _("Dieser Statuswechsel ist für den Vorgang nicht möglich."),
        },
    )
    message = forms.CharField(
        label=_("Nachricht an die antragstellende Person"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Pflicht bei „Rückfrage“ (Ihre Frage) und „Abgelehnt“ (die Begründung). "
            "Wird auf der Vorgangsseite angezeigt und per E-Mail geschickt."
        ),
        error_messages=TEXT_ERRORS,
    )

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (value, CaseStatus(value).label) for value in case.allowed_transitions()
        ]


class NoteForm(forms.Form):
    prefix = "note"

    text = forms.CharField(
        label=_("Interne Notiz"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Nur für Mitarbeitende sichtbar, nie für die antragstellende Person."),
        error_messages=TEXT_ERRORS,
    )


class MessageForm(forms.Form):
    prefix = "message"

    text = forms.CharField(
        label=_("Nachricht an die antragstellende Person"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Erscheint auf der Vorgangsseite der antragstellenden Person und wird ihr mit "
            "der Vorgangsnummer per E-Mail geschickt."
        ),
        error_messages=TEXT_ERRORS,
    )
