from .exports import ExportBatch
from .invoices import Invoice, InvoiceQuerySet, InvoiceStatus, InvoiceStep, Source
from .routing import ApprovalLimit, DeliveryToken, LeitwegRoute

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
