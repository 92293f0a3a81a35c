"""The business rules, one module per area; importing this package registers them all."""

from . import calculation, codes, core, decimals, extension, lines, vat, xrechnung  # noqa: F401
