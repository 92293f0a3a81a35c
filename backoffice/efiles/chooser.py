"""The Akte chooser: a Wagtail chooser modal under /admin/e-akte-auswahl/ listing the open
files the user may see (Aktenzeichen, Betreff, Stelle), searchable by Aktenzeichen and
Betreff. Forms of other apps get its widget through ``records.chooser_widget()``.

The modal, the chosen view and the widget show only the user's open files: any other id
answers 404 (the chosen view) or is not displayed (the widget).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from . import access
from .models import Akte


def open_akten(user):
    return access.akten_for(user).open().select_related("org_unit")


def _detail_url(akte: Akte) -> str:
    try:
        return reverse("efiles:akte_detail", args=[akte.pk])
    except NoReverseMatch:
        return ""


def display_title(akte: Akte) -> str:
    return f"{akte.aktenzeichen} – {akte.title}"


class AkteFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Aktenzeichen oder Betreff"),
        widget=forms.TextInput(attrs={"placeholder": _("Aktenzeichen oder Betreff")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = objects.filter(Q(aktenzeichen__icontains=query) | Q(title__icontains=query))
            self.is_searching = True
            self.search_query = query
        return objects


class AkteChooseMixin:
    """Staff with E-Akte rights only; the list holds the user's open files."""

    filter_form_class = AkteFilterForm
    ordering = ["aktenzeichen"]
    per_page = 20

    def dispatch(self, request, *args, **kwargs):
        if not access.may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object_list(self):
        return open_akten(self.request.user)

    def can_create(self) -> bool:
        return False

    @property
    def columns(self):
        return [
            TitleColumn(
                "aktenzeichen",
                label=_("Aktenzeichen"),
                get_url=lambda akte: self.append_preserved_url_parameters(
                    reverse(self.chosen_url_name, args=[akte.pk])
                ),
                link_attrs={"data-chooser-modal-choice": True},
            ),
            Column("title", label=_("Betreff")),
            Column("org_unit", label=_("Stelle"), accessor="org_unit.name"),
        ]


class AkteChooseView(AkteChooseMixin, chooser_views.ChooseView):
    pass


class AkteChooseResultsView(AkteChooseMixin, chooser_views.ChooseResultsView):
    pass


class AkteChosenResponseMixin:
    def get_display_title(self, instance: Akte) -> str:
        return display_title(instance)

    def get_edit_item_url(self, instance: Akte) -> str:
        return _detail_url(instance)


class AkteChosenView(AkteChosenResponseMixin, chooser_views.ChosenView):
    def get_object(self, pk):
        if not access.may_view(self.request.user):
            raise PermissionDenied
        try:
            return open_akten(self.request.user).get(pk=int(pk))
        except (TypeError, ValueError):
            raise Http404 from None


class AkteChosenMultipleView(AkteChosenResponseMixin, chooser_views.ChosenMultipleView):
    def get_objects(self, pks):
        if not access.may_view(self.request.user):
            raise PermissionDenied
        ids = [int(pk) for pk in pks if str(pk).isdigit()]
        return open_akten(self.request.user).filter(pk__in=ids)


class NoCreateView(chooser_views.CreateView):
    """Akten are created in the E-Akte itself (with their Aktenzeichen), not here."""

    def dispatch(self, request, *args, **kwargs):
        raise Http404


class AkteChooserWidgetBase(BaseChooser):
    """Shows the chosen Akte only if it is in ``queryset`` (set by ``AkteChooserField`` to
    the user's open files) – a guessed id of another town's file shows nothing."""

    queryset = Akte.objects.none()

    def get_instance(self, value):
        if value is None or value == "":
            return None
        pk = value.pk if isinstance(value, Akte) else value
        try:
            return self.queryset.filter(pk=int(pk)).first()
        except (TypeError, ValueError):
            return None

    def get_value_data_from_instance(self, instance: Akte) -> dict:
        return {
            "id": instance.pk,
            "edit_url": _detail_url(instance),
            self.display_title_key: display_title(instance),
        }


class AkteChooserViewSet(ChooserViewSet):
    model = Akte
    icon = "folder-open-inverse"
    choose_one_text = _("Akte wählen")
    choose_another_text = _("Andere Akte wählen")
    edit_item_text = _("Akte öffnen")
    page_title = _("Akte wählen")
    search_tab_label = _("Suchen")
    per_page = 20
    choose_view_class = AkteChooseView
    choose_results_view_class = AkteChooseResultsView
    chosen_view_class = AkteChosenView
    chosen_multiple_view_class = AkteChosenMultipleView
    create_view_class = NoCreateView
    base_widget_class = AkteChooserWidgetBase
    # only forms that ask for it (``records.AkteChooserField``) get this widget
    register_widget = False


akte_chooser_viewset = AkteChooserViewSet("efiles_akte_chooser", url_prefix="e-akte-auswahl")


@hooks.register("register_admin_viewset")
def register_akte_chooser() -> AkteChooserViewSet:
    return akte_chooser_viewset
