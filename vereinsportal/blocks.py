"""Blocks for content pages: "Veranstaltungen" (the next events) and "Vereine" (clubs).

Both resolve the town from the page being rendered (``parent_context["page"]``): on a
town's site they show that town's events/clubs, on the regional site every town's.
The composition root (``portal.pages.streams``) adds them to the page streams.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .models import Category, ClubPage, EventCalendarPage, EventOccurrence
from .towns import scope_site_id, towns_by_site


def category_choices() -> list[tuple[str, str]]:
    return [(category.slug, category.name) for category in Category.objects.all()]


def _scope(parent_context: dict | None) -> tuple[int | None, bool]:
    """(site id to filter by or None for all towns, whether the page is regional)."""
    page = (parent_context or {}).get("page")
    if page is None or not getattr(page, "path", None):
        return None, True
    site_id = scope_site_id(page)
    return site_id, site_id is None


class UpcomingEventsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=120, default=_("Veranstaltungen"))
    count = blocks.IntegerBlock(
        label=_("Anzahl"), min_value=1, max_value=12, default=5, help_text=_("1 bis 12")
    )
    category = blocks.ChoiceBlock(
        label=_("Nur diese Kategorie"), choices=category_choices, required=False
    )
    club = blocks.PageChooserBlock(
        label=_("Nur dieser Verein"), page_type="vereinsportal.ClubPage", required=False
    )

    class Meta:
        icon = "date"
        label = _("Veranstaltungen")
        template = "vereinsportal/blocks/upcoming_events.html"
        description = _(
            "Die nächsten Veranstaltungen der Stadt – "
            "auf Wunsch nur einer Kategorie oder eines Vereins."
        )
        preview_value = {"title": _("Veranstaltungen"), "count": 3}

    @staticmethod
    def occurrences(value, site_id: int | None, limit: int | None = None) -> QuerySet:
        limit = max(1, min(int(value.get("count") or 5), 12)) if limit is None else limit
        occurrences = EventOccurrence.objects.filter(
            start__gte=timezone.now(), cancelled=False, event__live=True
        )
        if site_id is not None:
            occurrences = occurrences.filter(site_id=site_id)
        if slug := value.get("category"):
            occurrences = occurrences.filter(event__categories__slug=slug)
        club = value.get("club")
        if club is not None:
            occurrences = occurrences.filter(club_id=club.pk)
        return occurrences.select_related("event", "club").order_by("start", "event_id")[:limit]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        site_id, regional = _scope(parent_context)
        occurrences = list(self.occurrences(value, site_id))
        if regional and occurrences:
            towns = towns_by_site()
            for occurrence in occurrences:
                occurrence.town = towns.get(occurrence.site_id)
        calendar = None
        page = (parent_context or {}).get("page")
        if page is not None and getattr(page, "path", None):
            site = page.get_site()
            if site is not None:
                calendar = EventCalendarPage.objects.live().descendant_of(site.root_page).first()
        context.update(
            {
                "occurrences": occurrences,
                "calendar": calendar,
                "show_club": value.get("club") is None,
            }
        )
        return context


class ClubsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=120, default=_("Vereine"))
    count = blocks.IntegerBlock(
        label=_("Anzahl"), min_value=1, max_value=24, default=6, help_text=_("1 bis 24")
    )
    category = blocks.ChoiceBlock(
        label=_("Nur diese Kategorie"), choices=category_choices, required=False
    )
    order = blocks.ChoiceBlock(
        label=_("Reihenfolge"),
        choices=[
            ("random", _("zufällig")),
            ("az", _("alphabetisch (A–Z)")),
            ("newest", _("neueste zuerst")),
        ],
        default="random",
    )

    class Meta:
        icon = "group"
        label = _("Vereine")
        template = "vereinsportal/blocks/clubs.html"
        description = _("Vereine der Stadt – alle oder einer Kategorie.")
        preview_value = {"title": _("Vereine"), "count": 3, "order": "az"}

    @staticmethod
    def clubs(value, site_id: int | None) -> list[ClubPage]:
        from .directory.forms import sort_key
        from .directory.views import with_list_data

        limit = max(1, min(int(value.get("count") or 6), 24))
        clubs = ClubPage.objects.live().public()
        if site_id is not None:
            clubs = clubs.filter(town_site_id=site_id)
        if slug := value.get("category"):
            clubs = clubs.filter(categories__slug=slug)
        order = value.get("order") or "random"
        if order == "az":
            rows = sorted(clubs.values_list("pk", "title"), key=lambda r: (sort_key(r[1]), r[0]))
            ids = [pk for pk, _title in rows[:limit]]
        elif order == "newest":
            ids = list(
                clubs.order_by("-first_published_at", "-pk").values_list("pk", flat=True)[:limit]
            )
        else:
            ids = list(clubs.order_by("?").values_list("pk", flat=True)[:limit])
        found = with_list_data(ClubPage.objects.filter(pk__in=ids)).in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        site_id, regional = _scope(parent_context)
        clubs = self.clubs(value, site_id)
        if regional and clubs:
            towns = towns_by_site()
            for club in clubs:
                club.town = towns.get(club.town_site_id)
        directory = None
        page = (parent_context or {}).get("page")
        if page is not None and getattr(page, "path", None):
            site = page.get_site()
            if site is not None:
                from .models import ClubIndexPage

                directory = ClubIndexPage.objects.live().descendant_of(site.root_page).first()
        context.update({"clubs": clubs, "directory": directory})
        return context
