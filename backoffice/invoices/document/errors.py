"""The one error the document readers raise: "this is not a readable invoice".

Anything a sender can upload either becomes an :class:`~.model.InvoiceDocument` (values that
cannot be understood are recorded in ``document.unreadable``) or raises
:class:`InvoiceFormatError` with a German message for the user and a rule id for the report.
"""

from __future__ import annotations

# Rule ids of format errors (the validation report shows them like business rules).
XML_NOT_WELL_FORMED = "XML-WOHLGEFORMT"
XML_UNSAFE = "XML-UNSICHER"
FORMAT_UNKNOWN = "FORMAT-UNBEKANNT"
PDF_WITHOUT_XML = "PDF-OHNE-XML"
FILE_TOO_LARGE = "DATEI-ZU-GROSS"


class InvoiceFormatError(Exception):
    """The upload is not a readable e-invoice (not XML, unsafe XML, unknown format, …).

    ``message`` is German and meant for the user; ``rule_id`` is one of the constants above.
    """

    def __init__(self, message: str, rule_id: str = FORMAT_UNKNOWN) -> None:
        super().__init__(message)
        self.message = message
        self.rule_id = rule_id

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"InvoiceFormatError({self.message!r}, rule_id={self.rule_id!r})"
