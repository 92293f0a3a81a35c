"""Editor panels of the town service page: which regional sections the town overrides."""

from __future__ import annotations

from wagtail.admin.panels import Panel

from .sections import SECTIONS


class RegionalTextPanel(Panel):
    """Shows the regional text of one section (read-only) above the town's override."""

    def __init__(self, section_key: str, **kwargs):
        super().__init__(**kwargs)
        self.section_key = section_key

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "section_key": self.section_key}

    class BoundPanel(Panel.BoundPanel):
        template_name = "services/panels/regional_text.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            section = next(s for s in SECTIONS if s.key == self.panel.section_key)
            leistung = (
                getattr(self.instance, "leistung", None) if self.instance.leistung_id else None
            )
            context.update(
                {
                    "section": section,
                    "regional_text": getattr(leistung, section.key, "") if leistung else "",
                    "overridden": bool(getattr(self.instance, section.override_field, "")),
                    "leistung": leistung,
                }
            )
            return context


class OverrideSummaryPanel(Panel):
    """A table of all sections: regional text or the town's own."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "services/panels/override_summary.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            leistung = self.instance.leistung if self.instance.leistung_id else None
            context["leistung"] = leistung
            context["rows"] = [
                {
                    "section": section,
                    "overridden": bool(getattr(self.instance, section.override_field, "")),
                    "has_regional": bool(getattr(leistung, section.key, "")) if leistung else False,
                }
                for section in SECTIONS
            ]
            return context
