"""The town, its organisational units, the base page mixin and the mail outbox.

Kept tiny on purpose: domain apps depend on this layer.
"""

from .outbox import OutboxMessage
from .towns import BasePage, SeoMixin, TownSettings, postcode_validator
from .units import OrganisationalUnit

__all__ = [
    "BasePage",
    "OrganisationalUnit",
    "OutboxMessage",
    "SeoMixin",
    "TownSettings",
    "postcode_validator",
]
