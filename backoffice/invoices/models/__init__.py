from .invoices import Invoice, InvoiceQuerySet, InvoiceStatus, InvoiceStep, Source
from .routing import ApprovalLimit, DeliveryToken, LeitwegRoute
from .exports import ExportBatch

__all__ = [
    "ApprovalLimit",
    "DeliveryToken",
    "ExportBatch",
    "Invoice",
    "InvoiceQuerySet",
    "InvoiceStatus",
    "InvoiceStep",
    "LeitwegRoute",
    "Source",
]
