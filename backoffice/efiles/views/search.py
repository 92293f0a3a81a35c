"""The staff search of the E-Akte (/admin/e-akte/suche/): Akten and Dokumente the user may
see, by Aktenzeichen, title, metadata and full text. Needs ``access.may_view``."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import access
from .. import search as records_search

PER_PAGE = 20


class HitPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("Treffer")
    verbose_name_plural = gettext_lazy("Treffer")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Suchbegriff"),
        required=False,
        help_text=gettext_lazy(
            "Aktenzeichen (oder sein Anfang), Betreff, Titel, Absender, Empfänger oder ein "
            "Wort aus dem Text eines Dokuments"
        ),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Suchen in"),
        required=False,
        choices=[("", gettext_lazy("Akten und Dokumente")), *records_search.KINDS.items()],
    )

    order = forms.ChoiceField(
        label=gettext_lazy("Sortierung"),
        required=False,
        choices=[("", gettext_lazy("Neueste zuerst")), ("relevanz", gettext_lazy("Relevanz"))],
    )

    def clean_q(self) -> str:
        value = self.cleaned_data.get("q") or ""
        value = "".join(ch for ch in value if ch.isprintable())
        return value[: records_search.MAX_QUERY].strip()


class SearchView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "efiles/admin/search.html"
    page_title = gettext_lazy("Suche in der E-Akte")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not access.may_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Suche")}]

    @cached_property
    def form(self) -> SearchForm:
        return SearchForm(self.request.GET)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.form
        query, kind, by_relevance = "", None, False
        if form.is_valid():
            query = form.cleaned_data["q"]
            kind = form.cleaned_data["kind"] or None
            by_relevance = form.cleaned_data["order"] == "relevanz"
        hits = (
            records_search.search(self.request.user, query, kind=kind, by_relevance=by_relevance)
            if query
            else []
        )
        paginator = HitPaginator(hits, PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        records_search.prepare(page.object_list)
        context.update(
            {
                "form": form,
                "query": query,
                "hits": page.object_list,
                "page_obj": page,
                "paginator": paginator,
                "elided_page_range": paginator.get_elided_page_range(page.number),
                "capped": any(
                    sum(1 for hit in hits if hit.is_akte == is_akte) >= records_search.LIMIT
                    for is_akte in (True, False)
                ),
            }
        )
        return context


urlpatterns = [path("suche/", SearchView.as_view(), name="search")]
