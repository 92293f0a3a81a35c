"""Application forms (Antragsformulare), built by editors from field blocks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import RevisionMixin
from wagtail.search import index

from ..form_blocks import StepBlock, field_key, validate_steps


class ApplicationFormQuerySet(models.QuerySet):
    def usable_by(self, site) -> ApplicationFormQuerySet:
        """The town's own forms and the regional ones."""
        return self.filter(models.Q(site=site) | models.Q(site=None))


class ApplicationForm(RevisionMixin, index.Indexed, models.Model):
    """A multi-step application form. Without a town it is shared by the whole region."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Stadt"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leer lassen für ein Formular, das alle Städte verwenden können."),
    )
    title = models.CharField(_("Titel"), max_length=200)
    intro = RichTextField(
        _("Einleitung"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    steps = StreamField(
        [("step", StepBlock())],
        verbose_name=_("Schritte"),
        min_num=1,
        help_text=_(
            "Jeder Schritt ist eine Seite des Formulars; vor dem Absenden folgt die "
            "Prüfseite mit allen Angaben."
        ),
    )
    confirmation_text = RichTextField(
        _("Text nach dem Absenden"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("z. B. wie es weitergeht und wie lange die Bearbeitung dauert."),
    )

    objects = ApplicationFormQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("site"),
        FieldPanel("intro"),
        FieldPanel("steps"),
        FieldPanel("confirmation_text"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("Antragsformular")
        verbose_name_plural = _("Antragsformulare")
        ordering = ["title"]

    def __str__(self) -> str:
        scope = self.site.site_name if self.site_id else _("Region")
        return f"{self.title} ({scope})"

    def clean(self) -> None:
        super().clean()
        try:
            validate_steps(self.steps)
        except ValidationError as error:
            raise ValidationError({"steps": error.messages}) from error

    def field_blocks(self) -> list:
        """All field blocks in order (StreamChild objects: ``.block_type``, ``.value``)."""
        return [field for step in self.steps for field in step.value["fields"]]

    def field_labels(self) -> dict[str, str]:
        return {field_key(f.value): f.value["label"] for f in self.field_blocks()}
