"""Registers the Rechnungslauf's dashboard panel (imported from ``wagtail_hooks``)."""

from __future__ import annotations

from wagtail import hooks

from .panels import construct_homepage_panels

hooks.register("construct_homepage_panels", construct_homepage_panels)
