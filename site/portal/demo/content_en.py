"""English versions of demo pages for two towns of the re@di network.

``ENGLISH`` mirrors the German content in :mod:`portal.demo.content`: for each town the
home page, the first section ("rathaus-service") and its first two pages. Every ``body``
has the same blocks in the same order as the German one, and every paragraph the same
HTML structure, so that :mod:`portal.demo.translations` can match them element by element.
"""

from __future__ import annotations

from typing import Any

Block = tuple[str, object]


def _p(*texts: str) -> str:
    """One or more paragraphs as rich-text HTML."""
    return "".join(f"<p>{text}</p>" for text in texts)


def _ul(*items: str) -> str:
    """An unordered list as rich-text HTML."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _info(title: str, text: str) -> Block:
    return ("notice", {"kind": "info", "title": title, "text": text})


def _warning(title: str, text: str) -> Block:
    return ("notice", {"kind": "warning", "title": title, "text": text})


# ---------------------------------------------------------------------------
# Bruchsal
# ---------------------------------------------------------------------------

_BRUCHSAL: dict[str, Any] = {
    "home": {
        "title": "Bruchsal",
        "intro": (
            "Welcome to Bruchsal! The Baroque palace of the Prince-Bishops of Speyer, an "
            "important business location and five lively districts make our town what it is. "
            "Here you can find out how to take care of your business at the town hall and what "
            "Bruchsal has to offer."
        ),
    },
    "sections": {
        "rathaus-service": {
            "title": "Town Hall & Services",
            "intro": (
                "Citizens' Office (Bürgerbüro), public order office and town administration: "
                "here you will find the most important services of the Town of Bruchsal at a "
                "glance."
            ),
            "pages": {
                "buergerbuero": {
                    "title": "Citizens' Office (Bürgerbüro)",
                    "intro": (
                        "Registering your address, applying for an identity card, ordering a "
                        "certificate of good conduct: the Citizens' Office in Bruchsal is your "
                        "first port of call for many dealings with the authorities."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "The Citizens' Office in the town hall on Kaiserstraße brings "
                                "together the administrative services of the Town of Bruchsal "
                                "that are needed most often. Our staff will advise you in a "
                                "friendly and competent manner – in English or French on "
                                "request. The town hall is centrally located in the pedestrian "
                                "zone and is about a ten-minute walk from the railway station.",
                                "Residents of Büchenau, Heidelsheim, Helmsheim, Obergrombach and "
                                "Untergrombach can also take care of many matters at their local "
                                "district office (Ortsverwaltung).",
                                "Anyone who is new to Bruchsal receives a welcome pack when "
                                "registering, with a town map, a waste collection calendar and "
                                "information on clubs, day-care centres and schools.",
                            ),
                        ),
                        ("heading", "Services of the Citizens' Office"),
                        (
                            "paragraph",
                            _ul(
                                "Registering, changing and deregistering your place of residence",
                                "Identity cards, passports and express passports",
                                "Certificates of good conduct and information from the central "
                                "trade register",
                                "Certificates of registration and blocks on the disclosure of "
                                "your data",
                                "Certification of copies and signatures",
                                "Applications for parking concessions for people with disabilities",
                                "Issue of waste bags and information material",
                            ),
                        ),
                        ("heading", "Opening hours"),
                        (
                            "paragraph",
                            _p(
                                "Monday, Tuesday and Friday from 8:00 to 12:00, Wednesday from "
                                "as early as 7:00 until 13:00, and Thursday from 8:00 to 12:00 "
                                "and from 14:00 to 18:00. The early start on Wednesday is "
                                "particularly suitable for commuters who would like to get "
                                "something done before work.",
                            ),
                        ),
                        _info(
                            "It's quicker with an appointment",
                            "Book your appointment conveniently online. You will receive the "
                            "confirmation by email; please have the reference number it contains "
                            "to hand.",
                        ),
                        ("heading", "Documents for your visit"),
                        (
                            "paragraph",
                            _p(
                                "Please always bring your valid identity card or passport. To "
                                "register a new home, we need the landlord's confirmation "
                                "(Wohnungsgeberbestätigung); for new identity documents, a "
                                "biometric passport photo. Foreign nationals must also present "
                                "their residence permit. If you have lost your identity card, "
                                "please bring the loss report from the police. You can pay fees "
                                "on site by card or in cash.",
                            ),
                        ),
                    ],
                },
                "ordnung-sicherheit": {
                    "title": "Public Order & Safety",
                    "intro": (
                        "Businesses, events, traffic and public order: an overview of the tasks "
                        "of the public order office of the Town of Bruchsal."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "The public order office (Ordnungsamt) makes sure that life in "
                                "Bruchsal is safe and orderly for everyone. As a major district "
                                "town (Große Kreisstadt), Bruchsal carries out many of the tasks "
                                "of a lower administrative authority, for example as the road "
                                "traffic authority or as the trade supervisory authority. Many "
                                "matters that the district office (Landratsamt) deals with for "
                                "smaller municipalities can therefore be settled directly at "
                                "the town hall.",
                                "Our aim is to enforce the rules with a sense of proportion and "
                                "to resolve conflicts through dialogue wherever possible. You can "
                                "report problems such as illegal dumping, faulty street lighting "
                                "or dangerous potholes to us at any time using the online defect "
                                "reporting service (Mängelmelder).",
                            ),
                        ),
                        ("heading", "Our tasks"),
                        (
                            "paragraph",
                            _ul(
                                "Registering, changing and deregistering a business, and licences "
                                "for restaurants and bars",
                                "Approval of events, markets and street festivals",
                                "Special use of public space, such as construction site "
                                "equipment, outdoor seating or information stands",
                                "Traffic orders, no-parking zones for removals and parking "
                                "enforcement",
                                "Matters covered by the police ordinance, such as noise or "
                                "littering",
                                "Dog ownership and reports of dangerous dogs",
                            ),
                        ),
                        ("heading", "Municipal enforcement service"),
                        (
                            "paragraph",
                            _p(
                                "The municipal enforcement service (Gemeindevollzugsdienst) "
                                "patrols the town centre, the area around the railway station, "
                                "the palace gardens and the districts. It monitors parking, "
                                "makes sure that the police ordinance is observed and is a point "
                                "of contact for residents. At larger events, it works closely "
                                "with the Bruchsal police station and the fire brigade.",
                            ),
                        ),
                        _warning(
                            "In an emergency",
                            "The public order office is not an emergency service. In urgent "
                            "cases, please call the police on 110, or 112 in the event of a fire "
                            "or a medical emergency.",
                        ),
                        ("heading", "Planning a move?"),
                        (
                            "paragraph",
                            _p(
                                "If you need a no-parking zone for a removal or a delivery, "
                                "please apply at least two weeks in advance. Under the German "
                                "Road Traffic Regulations, the signs must be put up in good time "
                                "before the date so that vehicles parked there may be towed away. "
                                "You will find the form in the online citizens' service.",
                                "The public order office checks your application, sets the period "
                                "for which the signs are to be displayed and issues the permit. "
                                "You can put up the signs yourself or hire them from a specialist "
                                "company.",
                            ),
                        ),
                    ],
                },
            },
        },
    },
}


# ---------------------------------------------------------------------------
# Rastatt
# ---------------------------------------------------------------------------

_RASTATT: dict[str, Any] = {
    "home": {
        "title": "Rastatt",
        "intro": (
            "Welcome to Rastatt! The former residence of the Margraves of Baden-Baden delights "
            "visitors with its magnificent Baroque palace, a lively town centre and the "
            "floodplain forests along the Rhine. Here you will find all the information on the "
            "town hall, citizens' services and life in the district town."
        ),
    },
    "sections": {
        "rathaus-service": {
            "title": "Town Hall & Services",
            "intro": (
                "Citizens' Office (Bürgerbüro), building and administration: find out here how "
                "to take care of your business with the Town of Rastatt."
            ),
            "pages": {
                "buergerbuero": {
                    "title": "Citizens' Office (Bürgerbüro)",
                    "intro": (
                        "Open early, and until 18:00 without a break on Thursdays: the "
                        "Citizens' Office on Rastatt's market square is your point of contact "
                        "for registration and identity documents."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "The Citizens' Office in the town hall on the market square is "
                                "there for everyone who lives in Rastatt – in the town centre as "
                                "well as in Förch, Niederbühl, Ottersdorf, Plittersdorf, "
                                "Rauental and Wintersdorf. Here you can deal with most of your "
                                "official business in one place. The Baroque town hall stands "
                                "opposite the town church of St. Alexander and is easy to reach "
                                "by town bus. Visitors using a wheelchair or pushchair have "
                                "step-free access to the Citizens' Office.",
                            ),
                        ),
                        ("heading", "Our services"),
                        (
                            "paragraph",
                            _ul(
                                "Registering, changing and deregistering your address",
                                "Identity cards, passports and express passports",
                                "Certificates of good conduct and information from the central "
                                "trade register",
                                "Certificates of registration and blocks on the transfer of "
                                "your data",
                                "Certification of copies and signatures",
                                "Residents' parking permits",
                                "Applications for postal votes and inspection of the electoral "
                                "register before elections",
                                "Handing in and collecting lost property",
                            ),
                        ),
                        ("heading", "Opening hours"),
                        (
                            "paragraph",
                            _p(
                                "Monday, Tuesday and Friday from 7:30 to 12:30, Wednesday from "
                                "7:30 to 12:30 and from 14:00 to 16:00, Thursday from 7:30 to "
                                "18:00 without a break. The early opening at 7:30 is especially "
                                "convenient for working people and shift workers who would like "
                                "to come to the town hall before starting work.",
                            ),
                        ),
                        _info(
                            "Book an appointment",
                            "For identity cards, passports and registrations, we recommend "
                            "booking an appointment through the online citizens' service. You do "
                            "not need an appointment for quick matters such as collecting an "
                            "identity card.",
                        ),
                        ("heading", "Please remember to bring"),
                        (
                            "paragraph",
                            _ul(
                                "your valid identity card, passport or residence permit",
                                "the landlord's confirmation (Wohnungsgeberbestätigung) when you "
                                "move in or move house",
                                "a recent biometric photo for new identity documents",
                                "your birth or marriage certificate if your name has changed",
                                "a power of attorney if you are coming on behalf of someone else",
                            ),
                        ),
                        (
                            "paragraph",
                            _p(
                                "You can pay fees conveniently by girocard, credit card or in "
                                "cash. If you have limited mobility and cannot make it to the "
                                "town hall, please contact us – in justified cases, a home visit "
                                "is possible.",
                            ),
                        ),
                    ],
                },
                "bauen-stadtentwicklung": {
                    "title": "Building & Urban Development",
                    "intro": (
                        "Building applications, monument protection in the Baroque town and "
                        "building on the Rhine: information from Rastatt's building regulations "
                        "office and urban planning department."
                    ),
                    "body": [
                        (
                            "paragraph",
                            _p(
                                "Rastatt is growing and changing. New residential areas are "
                                "being created, former military and commercial sites are being "
                                "put to new use, and the historic town centre is being carefully "
                                "developed. To this end, the urban planning department draws up "
                                "development plans and framework concepts, in which residents "
                                "can have their say through public participation procedures. As "
                                "the lower building regulations authority, the building "
                                "regulations office (Baurechtsamt) examines and approves "
                                "individual building projects.",
                                "Current priorities are affordable housing, making the town "
                                "centre more attractive and expanding cycle paths and footpaths. "
                                "The town takes care to preserve green spaces and to plan new "
                                "neighbourhoods in a climate-friendly way.",
                            ),
                        ),
                        ("heading", "Your building project"),
                        (
                            "paragraph",
                            _p(
                                "Building applications and documents under the notification "
                                "procedure (Kenntnisgabeverfahren) are submitted digitally via "
                                "the Virtual Building Authority (Virtuelles Bauamt). Before you "
                                "apply, it is worth looking at the development plan, which sets "
                                "out how high, how large and in what form a plot may be built "
                                "on. Where there is no development plan, a project must fit in "
                                "with its surroundings. If you are unsure, you can submit a "
                                "preliminary building enquiry and have important questions "
                                "clarified bindingly in advance.",
                            ),
                        ),
                        ("heading", "Building in the Baroque town"),
                        (
                            "paragraph",
                            _p(
                                "The town centre with its palace, market square and Baroque "
                                "streets is a cultural monument of special importance. Anyone who "
                                "wants to alter façades, windows, roofs or advertising signs here "
                                "needs a permit under monument protection law. The town advises "
                                "owners at an early stage and provides information on grants "
                                "for the conservation of historic buildings and for urban "
                                "regeneration.",
                            ),
                        ),
                        _warning(
                            "Flood areas",
                            "Parts of Plittersdorf, Ottersdorf and Wintersdorf lie in the Rhine "
                            "lowlands. Special building requirements apply in designated flood "
                            "areas. Please clarify this with the building regulations office "
                            "before you start planning.",
                        ),
                        ("heading", "Advice and contact"),
                        (
                            "paragraph",
                            _ul(
                                "Building advice by appointment at the building regulations office",
                                "Inspection of development plans at the town hall and online",
                                "Information on building encumbrances and development charges",
                                "Information on municipal building plots and housing subsidies",
                            ),
                        ),
                    ],
                },
            },
        },
    },
}


ENGLISH: dict[str, dict[str, Any]] = {
    "bruchsal": _BRUCHSAL,
    "rastatt": _RASTATT,
}
