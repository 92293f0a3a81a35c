"""XRechnung 3.0 rules (BR-DE-…, BR-DEX-… of the extension, BR-DE-CVD-…) and the Leitweg-ID form.

Texts and severities follow the KoSIT schematron for XRechnung 3.0.x: BR-DE-17, -19, -20, -21,
-26, -27, -28, BR-DEX-02 and BR-TMP-2 are warnings there (the town may still treat some as
errors, see ``INVOICES_REJECTING_WARNINGS``). BR-DE-12, -13 and -29 no longer exist in 3.0.
"""

from __future__ import annotations

import re

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException

from ...document.model import InvoiceDocument
from ...document.skonto import parse_skonto
from ..leitweg import leitweg_problem
from ..profiles import XRECHNUNG_IDS
from ..registry import LEITWEG, hit, rule
from ._util import blank, norm

XR_SKONTO_REGEX = re.compile(
    r"#(SKONTO)#TAGE=([0-9]+#PROZENT=[0-9]+\.[0-9]{2})(#BASISBETRAG=-?[0-9]+\.[0-9]{2})?#$"
)
XR_EMAIL_REGEX = re.compile(
    r"^[a-zA-Z0-9!#$%&\"*+/=?^_`{|}~-]+(\.[a-zA-Z0-9!#$%&\"*+/=?^_`{|}~-]+)*"
    r"@([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$"
)
XR_TELEPHONE_REGEX = re.compile(r".*([0-9].*){3,}.*")
XR_URL_REGEX = re.compile(r"([a-zA-Z])([a-zA-Z0-9+.-])+:.*")
XR_TYPE_CODES = ("326", "380", "384", "389", "381", "875", "876", "877")
DE16_CATEGORIES = frozenset({"S", "Z", "E", "AE", "K", "G", "L", "M"})


# --- required groups and terms ----------------------------------------------------------------
@rule(
    "BR-DE-1",
    terms=("BG-16",),
    text="Eine Rechnung muss Angaben zur Zahlungsanweisung (BG-16) enthalten.",
)
def payment_instructions(doc: InvoiceDocument):
    if not doc.payment_means:
        yield hit(location="BG-16")


@rule(
    "BR-DE-2",
    terms=("BG-6",),
    text="Die Gruppe Kontaktdaten des Verkäufers (BG-6) muss übermittelt werden.",
)
def seller_contact(doc: InvoiceDocument):
    if doc.seller.contact is None:
        yield hit(location="BG-6")


def _address_rule(rule_id: str, term: str, text: str, address_of, field: str, group: str) -> None:
    def check(doc: InvoiceDocument):
        address = address_of(doc)
        if address is not None and blank(getattr(address, field)):
            yield hit(location=group)

    check.__name__ = f"check_{rule_id.replace('-', '_').lower()}"
    check.__module__ = __name__
    rule(rule_id, terms=(term,), text=text)(check)


def _delivery_address(doc: InvoiceDocument):
    return doc.delivery.address if doc.delivery else None


_address_rule(
    "BR-DE-3",
    "BT-37",
    "Der Ort des Verkäufers (BT-37) muss übermittelt werden.",
    lambda d: d.seller.address,
    "city",
    "BG-5",
)
_address_rule(
    "BR-DE-4",
    "BT-38",
    "Die Postleitzahl des Verkäufers (BT-38) muss übermittelt werden.",
    lambda d: d.seller.address,
    "postcode",
    "BG-5",
)
_address_rule(
    "BR-DE-8",
    "BT-52",
    "Der Ort des Käufers (BT-52) muss übermittelt werden.",
    lambda d: d.buyer.address,
    "city",
    "BG-8",
)
_address_rule(
    "BR-DE-9",
    "BT-53",
    "Die Postleitzahl des Käufers (BT-53) muss übermittelt werden.",
    lambda d: d.buyer.address,
    "postcode",
    "BG-8",
)
_address_rule(
    "BR-DE-10",
    "BT-77",
    "Der Ort der Lieferanschrift (BT-77) muss übermittelt werden, wenn die Lieferanschrift "
    "(BG-15) übermittelt wird.",
    _delivery_address,
    "city",
    "BG-15",
)
_address_rule(
    "BR-DE-11",
    "BT-78",
    "Die Postleitzahl der Lieferanschrift (BT-78) muss übermittelt werden, wenn die "
    "Lieferanschrift (BG-15) übermittelt wird.",
    _delivery_address,
    "postcode",
    "BG-15",
)


def _contact_rule(rule_id: str, term: str, text: str, field: str) -> None:
    def check(doc: InvoiceDocument):
        contact = doc.seller.contact
        if contact is not None and blank(getattr(contact, field)):
            yield hit(location="BG-6")

    check.__name__ = f"check_{rule_id.replace('-', '_').lower()}"
    check.__module__ = __name__
    rule(rule_id, terms=(term,), text=text)(check)


_contact_rule(
    "BR-DE-5",
    "BT-41",
    "Der Ansprechpartner des Verkäufers (BT-41) muss übermittelt werden.",
    "name",
)
_contact_rule(
    "BR-DE-6",
    "BT-42",
    "Die Telefonnummer des Ansprechpartners des Verkäufers (BT-42) muss übermittelt werden.",
    "phone",
)
_contact_rule(
    "BR-DE-7",
    "BT-43",
    "Die E-Mail-Adresse des Ansprechpartners des Verkäufers (BT-43) muss übermittelt werden.",
    "email",
)


@rule(
    "BR-DE-27",
    "warning",
    terms=("BT-42",),
    text="Die Telefonnummer (BT-42) soll mindestens drei Ziffern enthalten.",
)
def phone_form(doc: InvoiceDocument):
    contact = doc.seller.contact
    if contact is not None and not XR_TELEPHONE_REGEX.search(norm(contact.phone)):
        yield hit(f"Angegeben: „{contact.phone}“." if contact.phone else "", location="BG-6")


@rule(
    "BR-DE-28",
    "warning",
    terms=("BT-43",),
    text="Die E-Mail-Adresse (BT-43) soll genau ein @-Zeichen enthalten, das nicht von einem "
    "Leerzeichen oder Punkt, aber auf beiden Seiten von mindestens zwei Zeichen umgeben ist; ein "
    "Punkt soll nicht am Anfang oder Ende stehen.",
)
def email_form(doc: InvoiceDocument):
    contact = doc.seller.contact
    if contact is not None and not XR_EMAIL_REGEX.search(norm(contact.email)):
        yield hit(f"Angegeben: „{contact.email}“." if contact.email else "", location="BG-6")


@rule(
    "BR-DE-14",
    terms=("BT-119",),
    text="Der Umsatzsteuersatz der Kategorie (BT-119) muss übermittelt werden.",
)
def breakdown_rate(doc: InvoiceDocument):
    for number, vat in enumerate(doc.vat_breakdown, start=1):
        if vat.rate is None:
            yield hit(location=f"BG-23[{number}]")


@rule(
    "BR-DE-15",
    terms=("BT-10",),
    text="Die Käuferreferenz (BT-10, in der XRechnung die Leitweg-ID) muss übermittelt werden.",
)
def buyer_reference(doc: InvoiceDocument):
    if blank(doc.buyer_reference):
        yield hit(location="BT-10")


@rule(
    "LEITWEG-ID",
    "warning",
    terms=("BT-10",),
    source=LEITWEG,
    text="Die Käuferreferenz (BT-10) ist keine gültige Leitweg-ID.",
    note="Form und Prüfziffer (MOD 97-10) nach der KoSIT-Formatspezifikation; BR-DE-15 verlangt "
    "nur, dass BT-10 vorhanden ist.",
)
def leitweg_form(doc: InvoiceDocument):
    if blank(doc.buyer_reference):
        return  # BR-DE-15
    problem = leitweg_problem(doc.buyer_reference)
    if problem:
        yield hit(problem, location="BT-10")


@rule(
    "BR-DE-16",
    terms=("BT-31",),
    text="Werden in einer Rechnung die Steuercodes S, Z, E, AE, K, G, L oder M verwendet, muss "
    "mindestens die USt-IdNr. des Verkäufers (BT-31), seine Steuernummer (BT-32) oder der "
    "Steuervertreter des Verkäufers (BG-11) übermittelt werden.",
)
def seller_tax_identity(doc: InvoiceDocument):
    used = {norm(line.vat_category) for line in doc.lines}
    used |= {norm(ac.vat_category) for ac in doc.allowances_charges}
    if not used & DE16_CATEGORIES:
        return
    if (
        doc.tax_representative is not None
        or not blank(doc.seller.vat_id)
        or not blank(doc.seller.tax_number)
    ):
        return
    yield hit(location="BG-4")


@rule(
    "BR-DE-17",
    "warning",
    terms=("BT-3",),
    text="Als Rechnungstyp (BT-3) sollen nur folgende Codes der Liste UNTDID 1001 übermittelt "
    "werden: 326 (Teilrechnung), 380 (Handelsrechnung), 384 (Rechnungskorrektur), 389 (Selbst "
    "ausgestellte Rechnung), 381 (Gutschrift), 875 (Abschlagsrechnung Bauleistung), 876 "
    "(Teilschlussrechnung Bauleistung), 877 (Schlussrechnung Bauleistung).",
)
def xr_type_code(doc: InvoiceDocument):
    if norm(doc.type_code) not in XR_TYPE_CODES:
        yield hit(f"Angegeben: „{doc.type_code}“." if doc.type_code else "", location="BT-3")


# --- Skonto (BT-20) ---------------------------------------------------------------------------
def skonto_syntax_problems(text: str) -> list[str]:
    """The lines of BT-20 that break BR-DE-18 (KoSIT's test, reproduced exactly).

    Every line that starts with ``#`` must match ``XR-SKONTO-REGEX`` and the text after the last
    ``#…#`` segment must start with optional white space and a line break.
    """
    lines = [line for line in re.split(r"\r?\n", text or "") if norm(line).startswith("#")]
    if not lines:
        return []
    bad = [line for line in lines if not XR_SKONTO_REGEX.search(norm(line))]
    rest = re.split(r"#.+#", text)[-1]
    if not re.match(r"[ \t\r\n]*\n", rest):
        _, malformed = parse_skonto(text)
        bad += [line for line in malformed if line not in bad] or [lines[-1]]
    return bad


@rule(
    "BR-DE-18",
    terms=("BT-20",),
    text="Skonto-Angaben in den Zahlungsbedingungen (BT-20) müssen der Form "
    "#SKONTO#TAGE=n#PROZENT=n.nn# (optional gefolgt von BASISBETRAG=n.nn#) entsprechen: jede "
    "Angabe beginnt mit #, Segmente sind mit # getrennt, Prozentzahlen ohne Vorzeichen mit Punkt "
    "und zwei Nachkommastellen, alles in Großbuchstaben, ohne zusätzliche Leerzeichen, und jede "
    "Skonto-Zeile endet mit einem Zeilenumbruch.",
)
def skonto_syntax(doc: InvoiceDocument):
    bad = skonto_syntax_problems(doc.payment_terms)
    if bad:
        shown = "; ".join(f"„{line.strip()}“" for line in bad[:3])
        yield hit(f"Fehlerhaft: {shown}.", location="BT-20")


# --- payment means consistency ------------------------------------------------------------------
def _iban_problem(value: str) -> str:
    compact = re.sub(r"\s", "", value or "")
    if not compact:
        return "Es ist keine IBAN angegeben."
    try:
        IBAN(compact)
    except SchwiftyException as error:
        return f"„{value}“ ist keine gültige IBAN ({_iban_reason(error)})."
    return ""


def _iban_reason(error: Exception) -> str:
    name = type(error).__name__
    return {
        "InvalidChecksumDigits": "Prüfziffer falsch",
        "InvalidLength": "Länge passt nicht zum Land",
        "InvalidCountryCode": "unbekannter Ländercode",
        "InvalidStructure": "Aufbau passt nicht zum Land",
        "InvalidBBANChecksum": "Kontonummer-Prüfziffer falsch",
    }.get(name, "ungültiger Aufbau")


def _means(doc: InvoiceDocument, *codes: str):
    for number, means in enumerate(doc.payment_means, start=1):
        if norm(means.code) in codes:
            yield f"BG-16[{number}]", means


@rule(
    "BR-DE-19",
    "warning",
    terms=("BT-84",),
    text="Die Kennung des Zahlungskontos (BT-84) soll eine korrekte IBAN enthalten, wenn als "
    "Zahlungsmittel (BT-81) mit dem Code 58 eine SEPA-Überweisung angegeben ist.",
)
def transfer_iban(doc: InvoiceDocument):
    for location, means in _means(doc, "58"):
        accounts = [t.account_id for t in means.transfers] or [""]
        for account in accounts:
            problem = _iban_problem(account)
            if problem:
                yield hit(problem, location=location)


@rule(
    "BR-DE-20",
    "warning",
    terms=("BT-91",),
    text="Die Kennung des zu belastenden Kontos (BT-91) soll eine korrekte IBAN enthalten, wenn "
    "als Zahlungsmittel (BT-81) mit dem Code 59 eine SEPA-Lastschrift angegeben ist.",
)
def debit_iban(doc: InvoiceDocument):
    for location, means in _means(doc, "59"):
        account = means.direct_debit.debited_account if means.direct_debit else ""
        problem = _iban_problem(account)
        if problem:
            yield hit(problem, location=location)


@rule(
    "BR-DE-23-a",
    terms=("BG-17",),
    text="Enthält der Code des Zahlungsmittels (BT-81) einen Schlüssel für Überweisungen (30, "
    "58), muss die Gruppe Überweisung (BG-17) übermittelt werden.",
)
def transfer_present(doc: InvoiceDocument):
    for location, means in _means(doc, "30", "58"):
        if not means.transfers:
            yield hit(location=location)


@rule(
    "BR-DE-23-b",
    terms=("BG-17",),
    text="Enthält der Code des Zahlungsmittels (BT-81) einen Schlüssel für Überweisungen (30, "
    "58), dürfen Zahlungskarte (BG-18) und Lastschrift (BG-19) nicht übermittelt werden.",
)
def transfer_only(doc: InvoiceDocument):
    for location, means in _means(doc, "30", "58"):
        if means.card is not None or means.direct_debit is not None:
            yield hit(location=location)


@rule(
    "BR-DE-24-a",
    terms=("BG-18",),
    text="Enthält der Code des Zahlungsmittels (BT-81) einen Schlüssel für Kartenzahlungen (48, "
    "54, 55), muss genau die Gruppe Zahlungskarte (BG-18) übermittelt werden.",
)
def card_present(doc: InvoiceDocument):
    for location, means in _means(doc, "48", "54", "55"):
        if means.card is None:
            yield hit(location=location)


@rule(
    "BR-DE-24-b",
    terms=("BG-18",),
    text="Enthält der Code des Zahlungsmittels (BT-81) einen Schlüssel für Kartenzahlungen (48, "
    "54, 55), dürfen Überweisung (BG-17) und Lastschrift (BG-19) nicht übermittelt werden.",
)
def card_only(doc: InvoiceDocument):
    for location, means in _means(doc, "48", "54", "55"):
        if means.transfers or means.direct_debit is not None:
            yield hit(location=location)


@rule(
    "BR-DE-25-a",
    terms=("BG-19",),
    text="Enthält der Code des Zahlungsmittels (BT-81) einen Schlüssel für Lastschriften (59), "
    "muss genau die Gruppe Lastschrift (BG-19) übermittelt werden.",
)
def debit_present(doc: InvoiceDocument):
    for location, means in _means(doc, "59"):
        if means.direct_debit is None:
            yield hit(location=location)


@rule(
    "BR-DE-25-b",
    terms=("BG-19",),
    text="Enthält der Code des Zahlungsmittels (BT-81) einen Schlüssel für Lastschriften (59), "
    "dürfen Überweisung (BG-17) und Zahlungskarte (BG-18) nicht übermittelt werden.",
)
def debit_only(doc: InvoiceDocument):
    for location, means in _means(doc, "59"):
        if means.transfers or means.card is not None:
            yield hit(location=location)


def _debits(doc: InvoiceDocument):
    return [
        (f"BG-16[{n}]", m.direct_debit)
        for n, m in enumerate(doc.payment_means, 1)
        if m.direct_debit
    ]


@rule(
    "BR-DE-30",
    terms=("BT-90",),
    text="Ist eine Lastschrift (BG-19) vorhanden, muss die Gläubiger-Identifikationsnummer (BT-90) "
    "übermittelt werden.",
)
def creditor_id(doc: InvoiceDocument):
    sepa = [i for i in doc.seller.identifiers if norm(i.scheme).upper() == "SEPA" and i.value]
    for location, debit in _debits(doc):
        if blank(debit.creditor_id) and not sepa:
            yield hit(location=location)


@rule(
    "BR-DE-31",
    terms=("BT-91",),
    text="Ist eine Lastschrift (BG-19) vorhanden, muss die Kennung des zu belastenden Kontos "
    "(BT-91) übermittelt werden.",
)
def debited_account(doc: InvoiceDocument):
    for location, debit in _debits(doc):
        if blank(debit.debited_account):
            yield hit(location=location)


# --- document level -----------------------------------------------------------------------------
@rule(
    "BR-DE-21",
    "warning",
    terms=("BT-24",),
    text="Die Spezifikationskennung (BT-24) soll syntaktisch der Kennung des Standards XRechnung "
    "entsprechen.",
)
def specification(doc: InvoiceDocument):
    if doc.specification_id.strip() not in XRECHNUNG_IDS:
        yield hit(
            f"Angegeben: „{doc.specification_id}“." if doc.specification_id else "",
            location="BT-24",
        )


@rule(
    "BR-DE-22",
    terms=("BT-125",),
    text="Die Dateinamen (filename) aller angehängten Dokumente (BT-125) müssen eindeutig sein.",
)
def unique_filenames(doc: InvoiceDocument):
    seen: set[str] = set()
    for number, attachment in enumerate(doc.attachments, start=1):
        name = attachment.filename
        if not name:
            continue
        if name in seen:
            yield hit(f"„{name}“ kommt mehrfach vor.", location=f"BG-24[{number}]")
        seen.add(name)


@rule(
    "BR-DE-26",
    "warning",
    terms=("BG-3",),
    text="Wird als Rechnungstyp (BT-3) der Code 384 (Rechnungskorrektur) übermittelt, soll "
    "mindestens ein Verweis auf eine vorausgegangene Rechnung (BG-3) vorhanden sein.",
)
def corrected_invoice(doc: InvoiceDocument):
    if norm(doc.type_code) == "384" and not doc.preceding_invoices:
        yield hit(location="BG-3")


@rule(
    "BR-TMP-2",
    "warning",
    terms=("BT-124",),
    text="Der Speicherort eines externen Dokuments (BT-124) muss eine absolute URL mit gültigem "
    "Schema enthalten.",
)
def external_url(doc: InvoiceDocument):
    for number, attachment in enumerate(doc.attachments, start=1):
        if attachment.uri and not XR_URL_REGEX.search(attachment.uri):
            yield hit(f"Angegeben: „{attachment.uri}“.", location=f"BG-24[{number}]")
