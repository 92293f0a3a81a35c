"""Keep the town pages' search index in step with the regional description."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search import index

from .models import Leistung


@receiver(post_save, sender=Leistung)
def reindex_town_pages(sender, instance: Leistung, **kwargs) -> None:
    for page in instance.pages.all():
        index.insert_or_update_object(page)
