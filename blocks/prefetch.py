"""One query per model for a whole stream.

Wagtail converts a StreamField lazily, one block type at a time: a page with an image
block, a gallery, a video poster and image teasers asks the database for images four
times. ``PrefetchingStreamBlock`` walks the raw stream once, collects every chooser's
ids per model, fetches each model in one query and lets the choosers below read from
that – so rendering costs one query per model, never one per block or list item.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from contextvars import ContextVar

from wagtail import blocks
from wagtail.blocks.field_block import ChooserBlock
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

_prefetched: ContextVar[dict | None] = ContextVar("redi_blocks_prefetched", default=None)


def collect_ids(block, raw, found: dict) -> None:
    """Add the ids that choosers inside ``block`` reference in ``raw`` to ``found``."""
    if raw is None:
        return
    if isinstance(block, ChooserBlock):
        if isinstance(raw, int | str) and str(raw).isdigit():
            found[block.model_class].add(int(raw))
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                collect_ids(child, raw.get(name), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw if isinstance(raw, list) else []:
            value = item.get("value") if isinstance(item, dict) and "value" in item else item
            collect_ids(block.child_block, value, found)
    elif isinstance(block, blocks.StreamBlock):
        for item in raw if isinstance(raw, list) else []:
            if isinstance(item, dict):
                child = block.child_blocks.get(item.get("type"))
                if child is not None:
                    collect_ids(child, item.get("value"), found)


class PrefetchingStreamValue(StreamValue):
    def _prefetch_blocks(self, type_name):
        if _prefetched.get() is not None or not self._raw_data:
            return super()._prefetch_blocks(type_name)
        found: dict = defaultdict(set)
        for raw in self._raw_data:
            child = self.stream_block.child_blocks.get(raw.get("type"))
            if child is not None:
                collect_ids(child, raw.get("value"), found)
        objects = {model: model._default_manager.in_bulk(ids) for model, ids in found.items()}
        token = _prefetched.set(objects)
        try:
            present = {raw.get("type") for raw in self._raw_data}
            for name in self.stream_block.child_blocks:
                if name in present:
                    super()._prefetch_blocks(name)
        finally:
            _prefetched.reset(token)


class PrefetchingStreamBlock(blocks.StreamBlock):
    def to_python(self, value):
        result = super().to_python(value)
        if type(result) is StreamValue and result._raw_data is not None:
            result.__class__ = PrefetchingStreamValue
        return result


class PrefetchedChooserMixin:
    """Reads objects from the stream-wide prefetch when there is one."""

    def bulk_to_python(self, values):
        objects = (_prefetched.get() or {}).get(self.model_class)
        if objects is None:
            return super().bulk_to_python(values)
        seen, result = set(), []
        for pk in values:
            obj = objects.get(int(pk)) if pk is not None and str(pk).isdigit() else None
            if obj is not None and pk in seen:
                obj = copy.copy(obj)
            result.append(obj)
            seen.add(pk)
        return result


class PrefetchedImageChooserBlock(PrefetchedChooserMixin, ImageChooserBlock):
    pass


class PrefetchedPageChooserBlock(PrefetchedChooserMixin, blocks.PageChooserBlock):
    pass


class PrefetchedDocumentChooserBlock(PrefetchedChooserMixin, DocumentChooserBlock):
    pass


class PrefetchedSnippetChooserBlock(PrefetchedChooserMixin, SnippetChooserBlock):
    pass
