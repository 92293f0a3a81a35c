"""Forms of the Rechnungslauf setup (Leitweg-IDs, Anordnungsgrenzen, delivery keys).

Every form is given the editing ``user`` and the ``towns`` they administer: the town is a
choice among those (fixed when there is one), offices, people and Akten are those of the
chosen town – anything else sent by hand is a validation error.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from backoffice.efiles import records
from portal.core.models import OrganisationalUnit

from .models import ApprovalLimit, DeliveryToken, LeitwegRoute


class TownChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return self.names.get(obj.pk, obj.site_name or obj.hostname)


class SetupForm(forms.ModelForm):
    """A model form with a ``site`` field limited to ``towns`` (hidden when only one)."""

    def __init__(self, *args, user, towns, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.towns = list(towns)
        field = TownChoiceField(
            queryset=Site.objects.filter(pk__in=[town.site_id for town in self.towns]),
            label=_("Stadt"),
            empty_label=None,
        )
        field.names = {town.site_id: town.name for town in self.towns}
        if len(self.towns) == 1:
            field.widget = forms.HiddenInput()
            field.initial = self.towns[0].site_id
        if self.instance.pk:
            field.initial = self.instance.site_id
        self.fields = {"site": field, **{k: v for k, v in self.fields.items() if k != "site"}}

    def chosen_site_id(self) -> int | None:
        site = self.cleaned_data.get("site")
        return site.pk if site else None


class LeitwegRouteForm(SetupForm):
    class Meta:
        model = LeitwegRoute
        fields = ["site", "leitweg_id", "org_unit", "akte", "description", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = self.fields["org_unit"]
        units.queryset = OrganisationalUnit.objects.filter(
            site_id__in=[town.site_id for town in self.towns]
        ).order_by("name")
        units.label_from_instance = self._unit_label
        units.help_text = _(
            "Leer lassen, wenn die Rechnungen erst beim Rechnungseingang einer Dienststelle "
            "zugeordnet werden sollen."
        )
        self.fields["akte"] = self._akte_field()

    def _unit_label(self, unit) -> str:
        if len(self.towns) == 1:
            return unit.name
        names = {town.site_id: town.name for town in self.towns}
        return f"{unit.name} ({names.get(unit.site_id, '')})"

    def _akte_field(self) -> forms.Field:
        try:
            field = records.AkteChooserField(user=self.user, required=False)
        except Exception:  # noqa: BLE001 – chooser not installed: a plain select
            field = forms.ModelChoiceField(
                queryset=records.open_akten_for(self.user), required=False, label=_("Akte")
            )
        field.label = _("Akte für Rechnungen")
        field.help_text = _(
            "Hierhin werden angeordnete Rechnungen mit ihrem Prüfvermerk abgelegt. Zur Auswahl "
            "stehen die offenen Akten, die Sie in der E-Akte sehen dürfen."
        )
        current = self.instance.akte_id if self.instance.pk else None
        if current and not field.queryset.filter(pk=current).exists():
            # keep the Akte chosen by someone else, even if this editor cannot see it
            field.queryset = field.queryset | field.queryset.model.objects.filter(pk=current)
            if hasattr(field.widget, "queryset"):
                field.widget.queryset = field.queryset
        return field

    def clean_leitweg_id(self) -> str:
        value = "".join((self.cleaned_data.get("leitweg_id") or "").split())
        taken = LeitwegRoute.objects.filter(leitweg_id__iexact=value)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if value and taken.exists():
            raise forms.ValidationError(_("Diese Leitweg-ID ist bereits eingetragen."))
        return value

    def clean(self):
        data = super().clean()
        site_id = self.chosen_site_id()
        unit = data.get("org_unit")
        if unit is not None and site_id and unit.site_id != site_id:
            self.add_error("org_unit", _("Diese Dienststelle gehört nicht zur gewählten Stadt."))
        akte = data.get("akte")
        akte_site = getattr(getattr(akte, "org_unit", None), "site_id", None)
        if akte is not None and site_id and akte_site and akte_site != site_id:
            self.add_error("akte", _("Diese Akte gehört nicht zur gewählten Stadt."))
        return data


def people_with_order_right(site_ids: list[int]):
    """Active people of these towns (members of their offices) who may give the Anordnung."""
    right = Q(groups__permissions__codename="order_payment") | Q(
        user_permissions__codename="order_payment"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, organisational_units__site_id__in=site_ids)
        .filter(right | Q(is_superuser=True))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class ApprovalLimitForm(SetupForm):
    class Meta:
        model = ApprovalLimit
        fields = ["site", "user", "max_amount"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = self.fields["user"]
        people.queryset = people_with_order_right([town.site_id for town in self.towns])
        people.label_from_instance = lambda user: (
            f"{user.get_full_name()} ({user.get_username()})"
            if user.get_full_name()
            else user.get_username()
        )
        people.help_text = _("Personen der Stadt mit dem Recht „Zahlungen anordnen“.")

    def clean(self):
        data = super().clean()
        site_id, person = self.chosen_site_id(), data.get("user")
        if not (site_id and person):
            return data
        if not people_with_order_right([site_id]).filter(pk=person.pk).exists():
            self.add_error(
                "user",
                _("Diese Person arbeitet nicht für die gewählte Stadt oder darf nicht anordnen."),
            )
        others = ApprovalLimit.objects.filter(site_id=site_id, user=person)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            self.add_error("user", _("Für diese Person gibt es schon eine Anordnungsgrenze."))
        return data

    def validate_unique(self) -> None:
        # checked in clean() with a clearer message
        pass


class DeliveryTokenForm(SetupForm):
    class Meta:
        model = DeliveryToken
        fields = ["site", "name"]
