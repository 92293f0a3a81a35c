"""Reading e-invoices (XRechnung UBL/CII, ZUGFeRD/Factur-X PDF) into one normalised model."""

from .errors import InvoiceFormatError
from .model import InvoiceDocument
from .reader import ReadResult, read_invoice

__all__ = ["InvoiceDocument", "InvoiceFormatError", "ReadResult", "read_invoice"]
