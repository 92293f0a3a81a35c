"""Which object every URL pattern with an argument addresses, and who works on it.

``classify(route)`` answers for every pattern from ``routes.routes_with_arguments()``;
a pattern it cannot answer for fails ``test_routes_classified`` – a new view with an
object argument has to be put into the matrix (or exempted here with a reason).
"""

from __future__ import annotations

from dataclasses import dataclass

from .routes import Route

# roles (demo logins of town A, see roles.py)
EDITOR = "editor"
STAFF = "staff"
CLERK = "records clerk"
REGISTRY = "records officer"
INTAKE = "invoice intake"
APPROVER = "invoice approver"
SENSORS = "sensor staff"
MODERATOR = "club moderator"
CLUB = "club manager"
REGIONAL = "regional editor"


@dataclass(frozen=True)
class Scoped:
    """An object of one town (or one club). Everybody signed in who is not regional gets
    404 for another town's/club's object; ``owners`` get it for their own town."""

    target: str  # a key of world.FINDERS
    owners: tuple[str, ...] = ()
    post: bool = False  # POST-only action: POST with an empty body
    # the superuser's request for town B's object checks that the finder found a real
    # object; off where the view needs a state the demo does not have in every town
    superuser_sees: bool = True
    area: str = "admin"  # "admin" (Wagtail admin) or "club" (club dashboard)


@dataclass(frozen=True)
class Global:
    """Region-wide administration (users, sites, workflows …): no town's object; refused
    to every town role, a login redirect for anonymous visitors."""

    reason: str


@dataclass(frozen=True)
class Exempt:
    """Not in the admin matrix – with the reason (and where it is tested, if elsewhere)."""

    reason: str


PAGE_EDITORS = (EDITOR, REGIONAL)

# --- Wagtail's page admin (portal.core.middleware: another town's page → 404) ----------
_PAGE = {
    "wagtailadmin_explore": (),
    "wagtailadmin_explore_results": (),
    "wagtailadmin_pages:add_subpage": PAGE_EDITORS,
    "wagtailadmin_pages:edit": PAGE_EDITORS,
    "wagtailadmin_pages:preview_on_edit": (),
    "wagtailadmin_pages:view_draft": PAGE_EDITORS,
    "wagtailadmin_pages:delete": (),
    "wagtailadmin_pages:unpublish": (),
    "wagtailadmin_pages:convert_alias": (),
    "wagtailadmin_pages:move": PAGE_EDITORS,
    "wagtailadmin_pages:move_confirm": (),
    "wagtailadmin_pages:set_page_position": (),
    "wagtailadmin_pages:copy": PAGE_EDITORS,
    "wagtailadmin_pages:usage": PAGE_EDITORS,
    "wagtailadmin_pages:set_privacy": PAGE_EDITORS,
    "wagtailadmin_pages:lock": (),
    "wagtailadmin_pages:unlock": (),
    "wagtailadmin_pages:revisions_index": PAGE_EDITORS,
    "wagtailadmin_pages:revisions_view": PAGE_EDITORS,
    "wagtailadmin_pages:revisions_revert": PAGE_EDITORS,
    "wagtailadmin_pages:revisions_unschedule": (),
    "wagtailadmin_pages:revisions_compare": PAGE_EDITORS,
    "wagtailadmin_pages:workflow_history": PAGE_EDITORS,
    "wagtailadmin_pages:history": PAGE_EDITORS,
    "wagtailadmin_pages:history_results": PAGE_EDITORS,
    "wagtailadmin_pages:add": (),
    "wagtailadmin_pages:preview_on_add": (),
    "wagtailadmin_choose_page_child": PAGE_EDITORS,
    "wagtailadmin_api:pages:detail": PAGE_EDITORS,
    "wagtailadmin_api:pages:action": (),
    "wagtailadmin_workflows:remove": (),
    "block_clipboard:copy": PAGE_EDITORS,
    "block_clipboard:paste": PAGE_EDITORS,
    "wagtail_localize:submit_page_translation": (),
    "wagtail_localize:convert_to_alias": (),
}
# a page type that may be added below the page / an alias: not every demo page has it
_PAGE_NEEDS_STATE = {
    "wagtailadmin_pages:add",
    "wagtailadmin_pages:preview_on_add",
    "wagtailadmin_pages:convert_alias",
    "wagtail_localize:convert_to_alias",
    "wagtailadmin_workflows:remove",
}
# workflow states exist only where the demo moderates (events in Bruchsal)
_PAGE_WORKFLOW = {
    "wagtailadmin_pages:workflow_action",
    "wagtailadmin_pages:collect_workflow_action_data",
    "wagtailadmin_pages:confirm_workflow_cancellation",
    "wagtailadmin_pages:workflow_preview",
    "wagtailadmin_pages:workflow_history_detail",
    "block_clipboard:paste_item",
}
_IMAGE = {
    "wagtailimages:edit": PAGE_EDITORS,
    "wagtailimages:delete": PAGE_EDITORS,
    "wagtailimages:url_generator": None,  # 404 without WAGTAILIMAGES_SERVE (not used)
    "wagtailimages:url_generator_output": None,
    "wagtailimages:preview": PAGE_EDITORS,
    "wagtailimages:image_usage": PAGE_EDITORS,
    "wagtailimages:edit_multiple": (),
    "wagtailimages:delete_multiple": (),
    "wagtailimages_chooser:chosen": PAGE_EDITORS,
    "wagtailimages_chooser:select_format": PAGE_EDITORS,
    "wagtailadmin_api:images:detail": PAGE_EDITORS,
}
_DOCUMENT = {
    "wagtaildocs:edit": PAGE_EDITORS,
    "wagtaildocs:delete": PAGE_EDITORS,
    "wagtaildocs:edit_multiple": (),
    "wagtaildocs:delete_multiple": (),
    "wagtaildocs:document_usage": PAGE_EDITORS,
    "wagtaildocs_chooser:chosen": PAGE_EDITORS,
    "wagtailadmin_api:documents:detail": PAGE_EDITORS,
}
# --- the portal's own back office -----------------------------------------------------
_BACKOFFICE = {
    # Vorgänge (services/inbox)
    "vorgaenge:detail": Scoped("case", (STAFF,)),
    "vorgaenge:assign": Scoped("case", (STAFF,), post=True),
    "vorgaenge:status": Scoped("case", (STAFF,), post=True),
    "vorgaenge:note": Scoped("case", (STAFF,), post=True),
    "vorgaenge:message": Scoped("case", (STAFF,), post=True),
    "vorgaenge:file": Scoped("case", (STAFF,)),
    "vorgaenge:download": Scoped("case", (STAFF,)),
    "vorgaenge:export_pdf": Scoped("case", (STAFF,)),
    "vorgaenge:export_json": Scoped("case", (STAFF,)),
    # appointments, staff side
    "termine:today": Scoped("office", (STAFF,)),
    "termine:day": Scoped("office", (STAFF,)),
    "termine:week": Scoped("office", (STAFF,)),
    "termine:mark": Scoped("office", (), post=True, superuser_sees=False),  # needs a booking
    "termine:blocks": Scoped("office", (STAFF,)),
    "termine:block_delete": Scoped("office", (), post=True, superuser_sees=False),
    "termine:phone": Scoped("office", (STAFF,)),
    "termine:tickets": Scoped("office", (STAFF,)),
    "termine:statistics": Scoped("office", (STAFF,)),
    # E-Akte
    "efiles:akte_detail": Scoped("akte", (CLERK,)),
    "efiles:akte_edit": Scoped("akte", (CLERK,)),
    "efiles:akte_close": Scoped("akte", (CLERK,)),
    "efiles:akte_reopen": Scoped("akte", ()),
    "efiles:vorgang_add": Scoped("akte", (CLERK,)),
    "efiles:akte_export": Scoped("akte", ()),  # closed files only
    "efiles:disposal_assess": Scoped("akte", ()),
    "efiles:disposal_package": Scoped("transferred_akte", (), superuser_sees=False),
    "efiles:vorgang_edit": Scoped("vorgang", (CLERK,)),
    "efiles:dokument_add": Scoped("vorgang", (CLERK,)),
    "efiles:dokument_detail": Scoped("dokument", (CLERK,)),
    "efiles:dokument_edit": Scoped("dokument", (CLERK,)),
    "efiles:dokument_upload": Scoped("dokument", ()),
    "efiles:dokument_checkout": Scoped("dokument", (), post=True),
    "efiles:dokument_checkin": Scoped("dokument", ()),
    "efiles:download": Scoped("dokument", (CLERK,)),
    "efiles:plan_edit": Scoped("planunit", (REGISTRY,)),
    "efiles_akte_chooser:chosen": Scoped("akte", (CLERK,)),
    # Rechnungen
    "invoices:detail": Scoped("invoice", (INTAKE, APPROVER)),
    "invoices:pdf": Scoped("invoice", (INTAKE, APPROVER)),
    "invoices:original": Scoped("invoice", (INTAKE, APPROVER)),
    "invoices:attachment": Scoped("invoice_with_attachment", (), superuser_sees=False),
    "invoices:approval_record": Scoped("ordered_invoice", (APPROVER,)),
    "invoices:formal": Scoped("invoice", (), post=True),
    "invoices:factual": Scoped("invoice", (), post=True),
    "invoices:arithmetic": Scoped("invoice", (), post=True),
    "invoices:order": Scoped("invoice", (), post=True),
    "invoices:reject": Scoped("invoice", (), post=True),
    "invoices:assign": Scoped("invoice", (), post=True),
    "invoices:booking": Scoped("invoice", (), post=True),
    "invoices:comment": Scoped("invoice", (), post=True),
    "invoices:file": Scoped("ordered_invoice", (), post=True),
    "invoices:export_download": Scoped("exportbatch", ()),
    "invoices:route_edit": Scoped("leitwegroute", (INTAKE,)),
    "invoices:route_delete": Scoped("leitwegroute", (INTAKE,)),
    "invoices:limit_edit": Scoped("approvallimit", (INTAKE,)),
    "invoices:limit_delete": Scoped("approvallimit", (INTAKE,)),
    "invoices:token_revoke": Scoped("deliverytoken", (INTAKE,)),
    # club registrations (Vereinsmoderation)
    "vereinsportal_registrations:detail": Scoped("registration", (MODERATOR,)),
    # town settings, collections, redirects, form submissions: town objects in Wagtail views
    "wagtailsettings:edit": Scoped("town_settings", ()),
    "wagtailsettings:preview_on_edit": Scoped("town_settings", (), superuser_sees=False),
    "wagtailadmin_collections:edit": Scoped("collection", ()),
    "wagtailadmin_collections:delete": Scoped("collection", ()),
    "wagtailadmin_collections:set_privacy": Scoped("collection", ()),
    "wagtailredirects:edit": Scoped("redirect", ()),
    "wagtailredirects:delete": Scoped("redirect", ()),
    # the demo has no form pages: every id answers 404, the town check comes first
    "wagtailforms:list_submissions": Scoped("form_page", (), superuser_sees=False),
    "wagtailforms:list_submissions_results": Scoped("form_page", (), superuser_sees=False),
    "wagtailforms:delete_submissions": Scoped("form_page", (), superuser_sees=False),
}
# --- the club dashboard (/verein/<club_id>/…): another club → 404 ----------------------
_CLUB = {
    "vereinsportal:club": "club",
    "vereinsportal:club_profile": "club",
    "vereinsportal:club_events": "club",
    "vereinsportal:event_create": "club",
    "vereinsportal:club_members": "club",
    "vereinsportal:member_invite": "club",
    "vereinsportal:club_opportunities": "club",
    "vereinsportal:opportunity_create": "club",
    "vereinsportal:club_interests": "club",
    "vereinsportal:event_edit": "event",
    "vereinsportal:event_cancel": "event",
    "vereinsportal:event_delete": "event",
    "vereinsportal:event_participants": "event",
    "vereinsportal:event_participants_csv": "event",
    "vereinsportal:member_remove": "membership",
    "vereinsportal:invitation_revoke": "invitation",
    "vereinsportal:opportunity_edit": "opportunity",
    "vereinsportal:opportunity_delete": "opportunity",
}
_CLUB_OWNER_SKIPS = {"vereinsportal:member_remove"}  # removing oneself is refused
_CLUB_POST = {"vereinsportal:event_cancel", "vereinsportal:event_delete"}

# --- snippets: the model decides (namespace wagtailsnippets_<app>_<model>) -------------
TOWN_SNIPPETS = {
    "blocks.contact": PAGE_EDITORS,
    "blocks.reusablecontent": PAGE_EDITORS,
    "core.organisationalunit": (),
    "services.bookableoffice": (),
    "sensor_widgets.thing": (SENSORS,),
    "sensor_widgets.datastream": (SENSORS,),
    "sensor_widgets.device": (SENSORS,),
    "sensor_widgets.location": (SENSORS,),
}
REGION_WIDE_SNIPPETS = {
    # may belong to a town, but the demo has only region-wide forms: not in the matrix
    "services.applicationform",
    "services.leistung",
    "services.lebenslage",
    "vereinsportal.category",
    "vereinsportal.targetgroup",
    "sensor_widgets.sensor",
    "sensor_widgets.observedproperty",
    "themes.theme",
}
_SNIPPET_VIEWS_WITHOUT_OWNER_CHECK = {"delete", "copy", "revisions_revert", "unpublish"}

_GLOBAL_PREFIXES = {
    "wagtailsites:": "sites are the towns themselves: superusers only",
    "wagtailusers_users:": "user accounts: superusers only",
    "wagtailusers_groups:": "groups: superusers only",
    "security_two_factor_reset": "a colleague's second factor: superusers only "
    "(tests/portal/test_two_factor_reset.py)",
    "wagtaillocales:": "languages: superusers only",
    "wagtailadmin_workflows:": "workflows and tasks are region-wide",
    "wagtailsearchpromotions:": "promoted search results are region-wide",
    "wagtail_localize:": "translation jobs (of pages, checked by the page's town above)",
}

_EXEMPT = {
    # public or token-addressed: tests/access/test_public.py
    "services:tracking": "tracking token: test_public.py",
    "appointments:confirm": "appointment token: test_public.py",
    "appointments:manage": "appointment token: test_public.py",
    "appointments:book": "office per town host: test_public.py",
    "calls:display": "office per town host: test_public.py",
    "calls:board": "office per town host: test_public.py",
    "sensor_widgets:chart": "datastream per town host: test_public.py",
    "invoices_api_status": "delivery key of a town: test_public.py",
    "wagtailapi:pages:detail": "per town host: test_public.py",
    "wagtailapi:images:detail": "per town host: test_public.py",
    "wagtailapi:documents:detail": "per town host: test_public.py",
    "sta": "SensorThings API: region-wide open data of public datastreams by design",
    "vereinsportal:signup_cancel": "sign-up token (a hash is stored): test_public.py",
    "vereinsportal:invitation_accept": "invitation token (a hash is stored): test_public.py",
    # public pages and files: the site's own tree (host → site) or a public file
    "wagtail_serve": "public pages: a host serves only its own town's tree",
    "vereinsportal_ics": "public iCalendar feeds of public pages, per host like pages",
    "wagtaildocs_serve": "public documents (collection privacy applies)",
    "themes:tokens": "public CSS of a theme",
    "wagtaildocs_authenticate_with_password": "public password form of a restriction",
    "wagtailcore_authenticate_with_password": "public password form of a restriction",
    # accounts: signed tokens of one user
    "wagtailadmin_password_reset_confirm": "signed token of one user",
    "vereinsportal:password_reset_confirm": "signed token of one user",
    # no object: a model or an action is named
    "wagtailadmin_workflows:task_chosen": "Wagtail's task chooser answers every admin user "
    "with a task's name (region-wide tasks); not a town object",
    "wagtail_bulk_action": "model and action named; ids in the query: filtered by Wagtail",
    "wagtailadmin_pages:type_use": "a page type, no object",
    "wagtailadmin_pages:type_use_results": "a page type, no object",
    "wagtailadmin_pages:choose_parent": "a page type, no object",
    "wagtailadmin_tag_model_autocomplete": "a model, no object",
    "wagtail_localize:snippets_api_listing": "a model, no object",
    # the user's own temporary things, looked up with the user
    "wagtailimages:create_multiple_from_uploaded_image": "the uploader's own upload",
    "wagtailimages:delete_upload_multiple": "the uploader's own upload",
    "wagtaildocs:create_multiple_from_uploaded_document": "the uploader's own upload",
    "wagtaildocs:delete_upload_multiple": "the uploader's own upload",
    "wagtailadmin_editing_sessions:ping": "the user's own editing session",
    "wagtailadmin_editing_sessions:release": "the user's own editing session",
    "block_clipboard:delete_item": "the user's own clipboard item (tests/blocks/clipboard)",
    "api/v2/^(?P<endpoint>pages|images|documents)/(?P<pk>[^/]+)/$": "a non-numeric id: 404",
    "api/v2/^(?P<rest>.*/)?$": "any other API path: 404",
    "django-admin/(?P<url>.*)$": "Django admin's catch-all: login or 404",
}


def classify(route: Route) -> Scoped | Global | Exempt | None:
    key = route.key
    if key in _EXEMPT:
        return Exempt(_EXEMPT[key])
    if key in _PAGE:
        return Scoped("page", _PAGE[key], superuser_sees=key not in _PAGE_NEEDS_STATE)
    if key in _PAGE_WORKFLOW:
        return Scoped("page_in_workflow", (), superuser_sees=False)
    if key in _IMAGE:
        owners = _IMAGE[key]
        return Scoped("image", owners or (), superuser_sees=owners is not None)
    if key in _DOCUMENT:
        return Scoped("document", _DOCUMENT[key])
    if key in _BACKOFFICE:
        return _BACKOFFICE[key]
    if key in _CLUB:
        owners = () if key in _CLUB_OWNER_SKIPS else (CLUB,)
        return Scoped(_CLUB[key], owners, post=key in _CLUB_POST, area="club")
    if key.startswith(("admin:", "django-admin/")):
        return Global("Django admin: superusers only (is_staff)")
    for prefix, reason in _GLOBAL_PREFIXES.items():
        if key.startswith(prefix):
            return Global(reason)
    if key.startswith(("wagtailsnippets_", "wagtailsnippetchoosers_")):
        namespace, _, view = key.partition(":")
        model = next(
            (
                m
                for m in TOWN_SNIPPETS.keys() | REGION_WIDE_SNIPPETS
                if namespace.endswith("_" + m.replace(".", "_"))
            ),
            None,
        )
        if model in REGION_WIDE_SNIPPETS:
            return Exempt("region-wide snippet: one object for every town")
        if model in TOWN_SNIPPETS:
            owners = () if view in _SNIPPET_VIEWS_WITHOUT_OWNER_CHECK else TOWN_SNIPPETS[model]
            return Scoped(f"snippet:{model}", owners)
    return None
