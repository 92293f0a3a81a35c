"""The objects of the matrix: for every target, the URL arguments that address one
object of town A (Bruchsal), one of town B (Rastatt) and – in the club dashboard – one
of another club in town A. Demo objects are looked up once per session (the demo is
committed before the tests); what the demo lacks (a redirect, a delivery key, an
invitation) is created in the test's own transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Collection, Page

from portal.core.models import TownSettings

TOWN_A = "bruchsal"
TOWN_B = "rastatt"
OWN, FOREIGN, OTHER_CLUB = "own town", "other town", "other club"

# role → demo login of town A (None: anonymous)
ROLES = {
    "anonymous": None,
    "club manager": f"verein.{TOWN_A}",
    "editor": f"redaktion.{TOWN_A}",
    "staff": f"buergerservice.{TOWN_A}",
    "records clerk": f"akten.{TOWN_A}",
    "records officer": f"registratur.{TOWN_A}",
    "invoice intake": f"rechnungseingang.{TOWN_A}",
    "invoice approver": f"anordnung.{TOWN_A}",
    "sensor staff": f"sensorik.{TOWN_A}",
    "club moderator": f"vereinsmoderation.{TOWN_A}",
    "regional editor": "redaktion.region",
    "regional admin": "admin",
}


def town(slug: str) -> TownSettings:
    return TownSettings.objects.select_related("site__root_page").get(slug=slug)


def _site_id(slug: str) -> int:
    return town(slug).site_id


def _page(slug: str) -> dict:
    home = town(slug).site.root_page
    page = Page.objects.child_of(home).live().order_by("path").first()
    return {
        "page_id": page.pk,
        "parent_page_id": page.pk,
        "page_to_move_id": page.pk,
        "destination_id": home.pk,
        "pk": page.pk,
        "revision_id": page.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "action_name": "publish",
        "content_type_app_name": "portal",
        "content_type_model_name": "contentpage",
        # no workflow runs in the demo: these ids address nothing (see table.py)
        "task_state_id": 0,
        "task_id": 0,
        "workflow_state_id": 0,
        "item_id": 0,
        "page_pk": page.pk,
        "workflow_pk": 0,
    }


def _media(model_name: str, key_names: tuple[str, ...]) -> Callable[[str], dict]:
    def find(slug: str) -> dict:
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        model = get_image_model() if model_name == "image" else get_document_model()
        collection = town(slug).collection
        item = (
            model.objects.filter(collection__path__startswith=collection.path)
            .order_by("pk")
            .first()
        )
        return dict.fromkeys(key_names, item.pk) | {"filter_spec": "original"}

    return find


def _case(slug: str) -> dict:
    from services.models import CaseFile

    file = CaseFile.objects.filter(case__site_id=_site_id(slug)).order_by("pk").first()
    return {"pk": file.case_id, "file_pk": file.pk}


def _office(slug: str) -> dict:
    from services.models import BookableOffice

    office = BookableOffice.objects.filter(unit__site_id=_site_id(slug)).order_by("pk").first()
    return {"office_id": office.pk, "pk": office.pk, "day": timezone.localdate().isoformat()}


def _akte(slug: str, **filters) -> dict:
    from backoffice.efiles.models import Akte, Confidentiality

    akte = (
        Akte.objects.filter(
            site_id=_site_id(slug),
            org_unit__name="Baurechtsamt",
            confidentiality=Confidentiality.OPEN,
            **filters,
        )
        .order_by("pk")
        .first()
    )
    return {"pk": akte.pk}


def _transferred_akte(slug: str) -> dict:
    return {"pk": _akte(slug)["pk"]}  # no file is transferred in the demo


def _vorgang(slug: str) -> dict:
    from backoffice.efiles.models import Vorgang

    vorgang = Vorgang.objects.filter(akte_id=_akte(slug, status="offen")["pk"]).first()
    return {"pk": vorgang.pk}


def _dokument(slug: str) -> dict:
    from backoffice.efiles.models import Dokument

    dokument = (
        Dokument.objects.filter(akte__site_id=_site_id(slug), akte__org_unit__name="Baurechtsamt")
        .filter(akte__confidentiality=0, confidentiality=0)
        .order_by("pk")
        .first()
    )
    return {"pk": dokument.pk, "number": 1}


def _planunit(slug: str) -> dict:
    from backoffice.efiles.models import PlanUnit

    return {"pk": PlanUnit.objects.filter(site_id=_site_id(slug)).order_by("pk").first().pk}


def _invoice(status: str | None = None) -> Callable[[str], dict]:
    def find(slug: str) -> dict:
        from backoffice.invoices.models import Invoice

        invoices = Invoice.objects.filter(site_id=_site_id(slug)).order_by("pk")
        if status:
            invoices = invoices.filter(status=status)
        return {"pk": invoices.first().pk, "index": 0}

    return find


def _by_site(model_path: str) -> Callable[[str], dict]:
    def find(slug: str) -> dict:
        from django.apps import apps

        from blocks.scoping import site_lookup

        model = apps.get_model(model_path)
        lookup = site_lookup(model)
        item = model._default_manager.filter(**{lookup: _site_id(slug)}).order_by("pk").first()
        if item is None:
            raise LookupError(f"no {model_path} in {slug}")
        return {
            "pk": item.pk,
            "revision_id": getattr(item, "latest_revision_id", None) or 0,
            "revision_id_a": "earliest",
            "revision_id_b": "latest",
        }

    return find


def _delivery_token(slug: str) -> dict:
    from backoffice.invoices.models import DeliveryToken

    token = DeliveryToken(site_id=_site_id(slug), name="Gateway")
    token.set_new_token()
    token.save()
    return {"pk": token.pk}


def _reusable_content(slug: str) -> dict:
    from blocks.models import ReusableContent

    item = ReusableContent.objects.create(site_id=_site_id(slug), title=f"Baustein {slug}")
    item.save_revision()
    return {
        "pk": item.pk,
        "revision_id": item.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
    }


def _redirect(slug: str) -> dict:
    from wagtail.contrib.redirects.models import Redirect

    item = Redirect.objects.create(
        site_id=_site_id(slug), old_path=f"/alt-{slug}", redirect_link="https://example.org/"
    )
    return {"redirect_id": item.pk}


def _town_settings(slug: str) -> dict:
    return {"app_name": "core", "model_name": "townsettings", "pk": _site_id(slug)}


def _collection(slug: str) -> dict:
    collection = town(slug).collection or Collection.get_first_root_node()
    return {"pk": collection.pk, "collection_id": collection.pk}


def _registration(slug: str) -> dict:
    from vereinsportal.models import ClubRegistration

    item = ClubRegistration.objects.filter(site_id=_site_id(slug)).order_by("pk").first()
    return {"pk": item.pk}


# --- clubs: the club manager's own club, another club of town A, a club of town B ------
def clubs() -> dict[str, int]:
    from vereinsportal.models import ClubMembership, ClubPage, EventPage

    user = get_user_model().objects.get(username=ROLES["club manager"])
    own = ClubMembership.objects.get(user=user).club
    other = (
        ClubPage.objects.descendant_of(town(TOWN_A).site.root_page)
        .exclude(pk=own.pk)
        .filter(memberships__isnull=False, opportunities__isnull=False)
        .filter(pk__in=EventPage.objects.values("club_id"))
        .distinct()
        .order_by("pk")
        .first()
    ) or ClubPage.objects.descendant_of(town(TOWN_A).site.root_page).exclude(pk=own.pk).first()
    foreign = (
        ClubPage.objects.descendant_of(town(TOWN_B).site.root_page)
        .filter(memberships__isnull=False)
        .order_by("pk")
        .first()
    )
    return {OWN: own.pk, OTHER_CLUB: other.pk, FOREIGN: foreign.pk}


def _club(club_id: int) -> dict:
    from vereinsportal.models import ClubInvitation, ClubMembership, EventPage, VolunteerOpportunity

    event = EventPage.objects.filter(club_id=club_id).order_by("pk").first()
    opportunity = VolunteerOpportunity.objects.filter(club_id=club_id).order_by("pk").first()
    membership = ClubMembership.objects.filter(club_id=club_id).order_by("pk").first()
    invitation = ClubInvitation.objects.create(
        club_id=club_id,
        email="eingeladen@example.org",
        token_hash=f"access-matrix-{club_id}",
        expires_at=timezone.now() + dt.timedelta(days=7),
    )
    return {
        "club_id": club_id,
        "event_id": event.pk if event else 0,
        "pk": opportunity.pk if opportunity else 0,
        "membership_id": membership.pk if membership else 0,
        "invitation_id": invitation.pk,
    }


# target → (finder of town slug, may be cached for the session)
FINDERS: dict[str, tuple[Callable[[str], dict], bool]] = {
    "page": (_page, True),
    "page_in_workflow": (_page, True),
    "form_page": (_page, True),  # the demo has no form pages: any page (404 for all)
    "image": (_media("image", ("image_id", "pk")), True),
    "document": (_media("document", ("document_id", "doc_id", "pk")), True),
    "case": (_case, True),
    "office": (_office, True),
    "akte": (_akte, True),
    "transferred_akte": (_transferred_akte, True),
    "vorgang": (_vorgang, True),
    "dokument": (_dokument, True),
    "planunit": (_planunit, True),
    "invoice": (_invoice(), True),
    "invoice_with_attachment": (_invoice(), True),
    "ordered_invoice": (_invoice("angeordnet"), True),
    "exportbatch": (_by_site("invoices.ExportBatch"), True),
    "leitwegroute": (_by_site("invoices.LeitwegRoute"), True),
    "approvallimit": (_by_site("invoices.ApprovalLimit"), True),
    "deliverytoken": (_delivery_token, False),
    "registration": (_registration, True),
    "town_settings": (_town_settings, True),
    "collection": (_collection, True),
    "redirect": (_redirect, False),
    "snippet:blocks.contact": (_by_site("blocks.Contact"), True),
    "snippet:blocks.reusablecontent": (_reusable_content, False),
    "snippet:core.organisationalunit": (_by_site("core.OrganisationalUnit"), True),
    "snippet:services.bookableoffice": (_by_site("services.BookableOffice"), True),
    "snippet:sensor_widgets.thing": (_by_site("sensor_widgets.Thing"), True),
    "snippet:sensor_widgets.datastream": (_by_site("sensor_widgets.Datastream"), True),
    "snippet:sensor_widgets.device": (_by_site("sensor_widgets.Device"), True),
    "snippet:sensor_widgets.location": (_by_site("sensor_widgets.Location"), True),
}
CLUB_TARGETS = {"club", "event", "membership", "invitation", "opportunity"}

_cache: dict[tuple[str, str], dict] = {}


def arguments(target: str, scope: str) -> dict:
    """URL arguments addressing ``target``'s object in ``scope`` (OWN, FOREIGN, OTHER_CLUB)."""
    if target in CLUB_TARGETS:
        return _club(clubs()[scope])  # creates an invitation: not cached
    finder, cacheable = FINDERS[target]
    slug = TOWN_A if scope == OWN else TOWN_B
    if not cacheable:
        return finder(slug)
    if (target, slug) not in _cache:
        _cache[target, slug] = finder(slug)
    return _cache[target, slug]
