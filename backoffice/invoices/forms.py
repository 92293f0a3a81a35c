"""Forms of the invoice inbox and its actions. They only read and check input; whether a step
is allowed and what it changes is decided by :mod:`.workflow` (its ``WorkflowError`` becomes
a form error)."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from portal.core.models import OrganisationalUnit

from . import access
from .models import Invoice, InvoiceStatus

TEXTAREA = forms.Textarea(attrs={"rows": 3})
OPEN = "offen"


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


def units_of_town(site_id: int) -> QuerySet[OrganisationalUnit]:
    return OrganisationalUnit.objects.filter(site_id=site_id).order_by("name")


class InboxFilterForm(forms.Form):
    """Filters of the list: text (number, seller), status, office, only critical deadlines."""

    q = forms.CharField(
        label=_("Suche"),
        required=False,
        max_length=200,
        help_text=_("Rechnungsnummer oder Rechnungssteller"),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    org_unit = UnitChoiceField(
        label=_("Dienststelle"),
        queryset=OrganisationalUnit.objects.none(),
        required=False,
        empty_label=_("Alle Dienststellen"),
    )
    critical = forms.BooleanField(label=_("Nur fristkritische"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            ("", _("Alle")),
            (OPEN, _("Offen (nicht exportiert, nicht zurückgewiesen)")),
            *InvoiceStatus.choices,
        ]
        units = access.units_for(user)
        if not access.town_wide(user):
            units = units.filter(pk__in=access.unit_ids(user))
        self.fields["org_unit"].queryset = units

    def has_filters(self) -> bool:
        return (
            any(self.cleaned_data.get(name) for name in self.fields) if self.is_valid() else False
        )

    def filter(self, invoices: QuerySet[Invoice]) -> QuerySet[Invoice]:
        data = self.cleaned_data
        if text := (data.get("q") or "").strip():
            invoices = invoices.filter(
                Q(number__icontains=text)
                | Q(seller_name__icontains=text)
                | Q(seller_vat_id__iexact=text)
            )
        status = data.get("status")
        if status == OPEN:
            invoices = invoices.open()
        elif status:
            invoices = invoices.filter(status=status)
        if data.get("org_unit"):
            invoices = invoices.filter(org_unit=data["org_unit"])
        return invoices


class StepForm(forms.Form):
    """A step with an optional comment (sachlich / rechnerisch richtig, Anordnung)."""

    comment = forms.CharField(
        label=_("Kommentar (optional)"), required=False, max_length=5000, widget=TEXTAREA
    )


class FormalForm(StepForm):
    """The formal check; the office is required when the invoice has none yet."""

    org_unit = UnitChoiceField(
        label=_("Dienststelle"),
        queryset=OrganisationalUnit.objects.none(),
        required=False,
        empty_label=_("– bitte wählen –"),
        error_messages={"invalid_choice": _("Bitte eine Dienststelle der Stadt wählen.")},
    )

    def __init__(self, *args, invoice: Invoice, **kwargs):
        kwargs.setdefault("initial", {"org_unit": invoice.org_unit_id})
        super().__init__(*args, **kwargs)
        self.invoice = invoice
        field = self.fields["org_unit"]
        field.queryset = units_of_town(invoice.site_id)
        field.required = invoice.org_unit_id is None
        field.error_messages["required"] = _("Bitte ordnen Sie eine Dienststelle zu.")
        field.help_text = (
            _("Aus der Leitweg-ID zugeordnet; bei Bedarf korrigieren.")
            if invoice.org_unit_id
            else _("Die Leitweg-ID hat keine Dienststelle ergeben.")
        )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Grund (intern)"),
        max_length=5000,
        widget=TEXTAREA,
        error_messages={"required": _("Bitte geben Sie den Grund an.")},
    )
    notice = forms.CharField(
        label=_("Mitteilung an den Rechnungssteller"),
        max_length=5000,
        widget=TEXTAREA,
        error_messages={
            "required": _("Bitte formulieren Sie die Mitteilung an den Rechnungssteller.")
        },
    )


class AssignForm(forms.Form):
    org_unit = UnitChoiceField(
        label=_("Neue Dienststelle"),
        queryset=OrganisationalUnit.objects.none(),
        empty_label=_("– bitte wählen –"),
        error_messages={
            "required": _("Bitte wählen Sie eine Dienststelle."),
            "invalid_choice": _("Bitte eine Dienststelle der Stadt wählen."),
        },
    )

    def __init__(self, *args, invoice: Invoice, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units_of_town(invoice.site_id).exclude(
            pk=invoice.org_unit_id
        )


class BookingForm(forms.Form):
    cost_centre = forms.CharField(label=_("Kostenstelle"), required=False, max_length=100)
    booking_text = forms.CharField(label=_("Buchungstext"), required=False, max_length=140)

    def __init__(self, *args, invoice: Invoice, **kwargs):
        kwargs.setdefault(
            "initial",
            {"cost_centre": invoice.cost_centre, "booking_text": invoice.booking_text},
        )
        super().__init__(*args, **kwargs)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Kommentar"),
        max_length=5000,
        widget=TEXTAREA,
        error_messages={"required": _("Bitte geben Sie einen Kommentar ein.")},
    )
