"""Which XRechnung flavour a document claims to be (BT-24 "Specification identifier").

The XRechnung *extension* replaces some EN 16931 rules (BR-DEX-…), the CVD flavour
(Clean Vehicles Directive) adds its own; both are recognised by the exact BT-24 value.
"""

from __future__ import annotations

from ..document.model import InvoiceDocument

XR_VERSION = "3.0"
XR_CIUS_ID = f"urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_{XR_VERSION}"
XR_EXTENSION_ID = f"{XR_CIUS_ID}#conformant#urn:xeinkauf.de:kosit:extension:xrechnung_{XR_VERSION}"
XR_CVD_ID = f"{XR_CIUS_ID}#compliant#urn:xeinkauf.de:kosit:xrechnung:cvd_0.9"
XRECHNUNG_IDS = frozenset({XR_CIUS_ID, XR_EXTENSION_ID, XR_CVD_ID})


def is_extension(doc: InvoiceDocument) -> bool:
    return doc.specification_id.strip() == XR_EXTENSION_ID


def is_cvd(doc: InvoiceDocument) -> bool:
    return doc.specification_id.strip() == XR_CVD_ID


def not_extension(doc: InvoiceDocument) -> bool:
    return not is_extension(doc)
