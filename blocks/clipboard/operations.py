"""What the clipboard does to pages, as plain functions: list the blocks of a page, check
whether a block type is allowed in a StreamField, insert a raw block at a position.

Nothing here saves anything: the caller decides whether (and as whom) to save a revision.
Works for any model with StreamFields; knows nothing of the page types using it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.encoding import force_str
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.blocks import Block, ListBlock, StreamBlock, StructBlock
from wagtail.blocks.list_block import ListBlockValidationError, ListValue
from wagtail.blocks.stream_block import StreamBlockValidationError, StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError, StructValue
from wagtail.fields import StreamField

SUMMARY_LENGTH = 120
# What converting foreign JSON into a block's python value can raise.
CONVERSION_ERRORS = (ValueError, TypeError, KeyError, AttributeError, LookupError)


@dataclass(frozen=True)
class StreamFieldInfo:
    name: str
    label: str
    stream_block: StreamBlock


@dataclass(frozen=True)
class BlockInfo:
    """One top-level block of a StreamField, as listed to the editor."""

    field_name: str
    field_label: str
    index: int
    block_type: str
    label: str
    summary: str
    raw: dict[str, Any]

    @property
    def position(self) -> int:
        """1-based number shown to editors ("Block 3")."""
        return self.index + 1

    @property
    def id(self) -> str | None:
        return self.raw.get("id")


def stream_fields(page_or_model: models.Model | type[models.Model]) -> list[StreamFieldInfo]:
    """The StreamFields of a page (or page class), in declaration order."""
    model = getattr(page_or_model, "specific_class", None) or page_or_model
    if not isinstance(model, type):
        model = type(model)
    return [
        StreamFieldInfo(field.name, force_str(field.verbose_name), field.stream_block)
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    ]


def get_stream_field(page: models.Model, field_name: str) -> StreamFieldInfo | None:
    return next((f for f in stream_fields(page) if f.name == field_name), None)


def block_label(stream_block: StreamBlock, block_type: str) -> str:
    """The editor-facing name of a block type (its label, else its name)."""
    child = stream_block.child_blocks.get(block_type)
    if child is None:
        return block_type
    return force_str(child.label or block_type)


def page_type_label(page: models.Model) -> str:
    model = getattr(page, "specific_class", None) or type(page)
    return force_str(model._meta.verbose_name)


def list_blocks(page: models.Model, field_name: str | None = None) -> list[BlockInfo]:
    """Every top-level block of the page's StreamFields (or of one of them), in order.

    ``page`` should be the object to show – typically ``page.get_latest_revision_as_object()``.
    """
    result = []
    for field in stream_fields(page):
        if field_name is not None and field.name != field_name:
            continue
        stream = getattr(page, field.name)
        if not stream:
            continue
        for index, raw in enumerate(stream.raw_data):
            block_type = raw.get("type", "")
            child = field.stream_block.child_blocks.get(block_type)
            result.append(
                BlockInfo(
                    field_name=field.name,
                    field_label=field.label,
                    index=index,
                    block_type=block_type,
                    label=block_label(field.stream_block, block_type),
                    summary=summarize(child, raw.get("value")),
                    raw=dict(raw),
                )
            )
    return result


def summarize(block: Block | None, raw_value: Any, length: int = SUMMARY_LENGTH) -> str:
    """A short plain-text summary of a block's content."""
    texts: list[str] = []
    if block is not None:
        try:
            value = block.to_python(raw_value)
            texts = [force_str(t) for t in block.get_searchable_content(value) if t and t != "None"]
            if not texts:
                texts = list(_texts_of(value))
        except (ValidationError, ObjectDoesNotExist, *CONVERSION_ERRORS):
            texts = []
    if not texts:
        texts = list(_texts_of(raw_value))
    text = re.sub(r"\s+", " ", " ".join(texts)).strip()
    return Truncator(text).chars(length)


def _texts_of(value: Any) -> Iterable[str]:
    """Strings inside a (python or raw) block value – the fallback for the summary."""
    if value is None or isinstance(value, bool | int | float):
        return
    if isinstance(value, str):
        yield re.sub(r"<[^>]+>", " ", value)
    elif isinstance(value, models.Model):
        yield force_str(value)
    elif isinstance(value, StructValue | dict):
        for item in value.values():
            yield from _texts_of(item)
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _texts_of(child.value)
    elif isinstance(value, ListValue | list | tuple):
        for item in value:
            yield from _texts_of(item)
    elif hasattr(value, "source"):  # RichText
        yield from _texts_of(value.source)


def is_allowed(page: models.Model, field_name: str, block_type: str) -> bool:
    """Whether the StreamField ``field_name`` of ``page`` accepts blocks of ``block_type``."""
    field = get_stream_field(page, field_name)
    return field is not None and block_type in field.stream_block.child_blocks


def allowed_fields(page: models.Model, block_type: str) -> list[StreamFieldInfo]:
    """The StreamFields of ``page`` that accept ``block_type``."""
    return [f for f in stream_fields(page) if block_type in f.stream_block.child_blocks]


def not_allowed_message(page: models.Model, field_name: str, block_type: str, label: str) -> str:
    if allowed_fields(page, block_type):
        field = get_stream_field(page, field_name)
        return _("Der Block „%(block)s“ ist im Feld „%(field)s“ nicht erlaubt.") % {
            "block": label,
            "field": field.label if field else field_name,
        }
    return _("Der Block „%(block)s“ ist auf Seiten vom Typ „%(type)s“ nicht erlaubt.") % {
        "block": label,
        "type": page_type_label(page),
    }


def clean_raw_block(page: models.Model, field_name: str, raw: dict[str, Any], label: str = ""):
    """The python value of ``raw`` ({"type", "value"}) for ``field_name`` of ``page``.

    Raises ValidationError (German messages) if the field does not exist, does not accept the
    block type, or the value does not pass the block's validation there.
    """
    field = get_stream_field(page, field_name)
    if field is None:
        raise ValidationError(_("Die Seite hat kein Feld „%(field)s“.") % {"field": field_name})
    block_type = raw.get("type", "") if isinstance(raw, dict) else ""
    label = label or block_type
    if block_type not in field.stream_block.child_blocks:
        raise ValidationError(not_allowed_message(page, field_name, block_type, label))
    child = field.stream_block.child_blocks[block_type]
    try:
        return child.clean(child.to_python(raw.get("value")))
    except ValidationError as error:
        raise ValidationError(
            [
                _("Der Block „%(block)s“ ist hier nicht gültig: %(error)s")
                % {"block": label, "error": message}
                for message in error_messages(child, error)
            ]
        ) from error
    except (ObjectDoesNotExist, *CONVERSION_ERRORS) as error:
        raise ValidationError(
            _("Der Inhalt des Blocks „%(block)s“ passt nicht zu diesem Feld.") % {"block": label}
        ) from error


def insert_raw_block(
    page: models.Model, field_name: str, raw: dict[str, Any], index: int, label: str = ""
) -> str:
    """Insert the raw block ``raw`` into ``page.<field_name>`` before position ``index``
    (0 = at the start, len = at the end) with a new id; return that id.

    Changes only the object in memory. Raises ValidationError if the block is not allowed,
    not valid there, or ``index`` is out of range.
    """
    value = clean_raw_block(page, field_name, raw, label)
    stream = getattr(page, field_name)
    if not isinstance(index, int) or not 0 <= index <= len(stream):
        raise ValidationError(_("Diese Position gibt es im Feld nicht."))
    _renew_ids(value)
    new_id = str(uuid.uuid4())
    stream.insert(index, (raw["type"], value, new_id))
    return new_id


def _renew_ids(value: Any) -> None:
    """Give nested list/stream children fresh ids, so a pasted copy shares none."""
    if isinstance(value, StreamValue):
        for child in value:
            child.id = str(uuid.uuid4())
            _renew_ids(child.value)
    elif isinstance(value, ListValue):
        for child in value.bound_blocks:
            child.id = str(uuid.uuid4())
            _renew_ids(child.value)
    elif isinstance(value, StructValue):
        for item in value.values():
            _renew_ids(item)


def error_messages(block: Block | None, error: ValidationError, prefix: str = "") -> list[str]:
    """Readable messages of a (possibly nested) block validation error."""
    lead = f"{prefix}: " if prefix else ""
    if isinstance(error, StructBlockValidationError):
        messages = [lead + m for m in _plain(error.non_block_errors.as_data())]
        for name, child_error in error.block_errors.items():
            child = block.child_blocks.get(name) if isinstance(block, StructBlock) else None
            child_label = force_str(child.label) if child is not None else name
            name_path = f"{prefix} › {child_label}" if prefix else child_label
            messages += error_messages(child, child_error, name_path)
        return messages
    if isinstance(error, ListBlockValidationError | StreamBlockValidationError):
        messages = [lead + m for m in _plain(error.non_block_errors.as_data())]
        for index, child_error in error.block_errors.items():
            child = block.child_block if isinstance(block, ListBlock) else None
            item_path = f"{prefix} {int(index) + 1}".strip()
            messages += error_messages(child, child_error, item_path)
        return messages
    return [lead + m for m in error.messages]


def _plain(errors: Iterable[ValidationError]) -> list[str]:
    return [m for e in errors for m in e.messages]
