"""Reading a file plan CSV: the encoding, the header, every line checked on its own and
the lines checked together (duplicates, unknown parents, cycles). Errors are German and
start with the line number ("Zeile 7: …")."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import Disposal
from ..models.plan import CODE_VALIDATOR

HEADER = [
    "Kennzeichen",
    "Bezeichnung",
    "Übergeordnet",
    "Aufbewahrung (Jahre)",
    "Aussonderung",
    "Beschreibung",
    "Aktiv",
]
COLUMNS = ["code", "title", "parent", "retention_years", "disposal", "description", "active"]
OPTIONAL = {"description", "active"}
# header spellings people use, normalised (casefold, without spaces and brackets)
ALIASES = {
    "kennzeichen": "code",
    "aktenplankennzeichen": "code",
    "bezeichnung": "title",
    "titel": "title",
    "übergeordnet": "parent",
    "uebergeordnet": "parent",
    "aufbewahrung(jahre)": "retention_years",
    "aufbewahrung": "retention_years",
    "aufbewahrungsfrist": "retention_years",
    "aufbewahrungsfrist(jahre)": "retention_years",
    "aussonderung": "disposal",
    "aussonderungsart": "disposal",
    "beschreibung": "description",
    "aktiv": "active",
}
YES = {"", "ja", "j", "yes", "y", "1", "x", "wahr", "true"}
NO = {"nein", "n", "no", "0", "falsch", "false"}
MAX_RETENTION = 200
MAX_BYTES = 2 * 1024 * 1024


@dataclass
class Row:
    line: int
    code: str
    title: str
    parent: str
    retention_years: int
    disposal: str
    description: str
    active: bool

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "description": self.description,
            "retention_years": self.retention_years,
            "disposal": self.disposal,
            "active": self.active,
        }


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ValueError(
            _(
                "Die Datei ist keine CSV-Textdatei. Bitte den Aktenplan als „CSV (Trennzeichen-"
                "getrennt)“ speichern."
            )
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValueError(
            _(
                "Die Zeichenkodierung der Datei ist nicht lesbar. Bitte als UTF-8 (oder "
                "Windows-1252) speichern."
            )
        ) from None


def text_of(file_or_text: str | bytes | IO) -> str:
    if isinstance(file_or_text, str):
        return file_or_text.removeprefix("\ufeff")
    if isinstance(file_or_text, bytes):
        return decode(file_or_text)
    if hasattr(file_or_text, "seek"):
        file_or_text.seek(0)
    data = file_or_text.read()
    return text_of(data)


def _normalise(cell: str) -> str:
    return "".join(cell.casefold().split())


def _columns(header: list[str]) -> tuple[dict[str, int], str | None]:
    """Column positions by field name, or an error about the header line."""
    positions: dict[str, int] = {}
    unknown = []
    for index, cell in enumerate(header):
        name = ALIASES.get(_normalise(cell))
        if name is None:
            if cell.strip():
                unknown.append(cell.strip())
            continue
        positions.setdefault(name, index)
    missing = [HEADER[i] for i, name in enumerate(COLUMNS) if name not in positions]
    missing = [title for title in missing if COLUMNS[HEADER.index(title)] not in OPTIONAL]
    if not missing and not unknown:
        return positions, None
    parts = [_("Zeile 1: Die Kopfzeile passt nicht.")]
    if missing:
        parts.append(_("Es fehlt: %(names)s.") % {"names": ", ".join(missing)})
    if unknown:
        parts.append(_("Unbekannte Spalte: %(names)s.") % {"names": ", ".join(unknown)})
    parts.append(_("Erwartet wird: %(header)s") % {"header": ";".join(HEADER)})
    return positions, " ".join(parts)


def _delimiter(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def read(text: str) -> tuple[list[Row], list[str]]:
    """Rows and per-line errors (checks within each line and across the file)."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next(reader, None)
    except csv.Error as error:
        return [], [_("Zeile 1: nicht lesbar (%(error)s).") % {"error": error}]
    if header is None or not any(cell.strip() for cell in header):
        return [], [
            _("Die Datei ist leer. Erwartet wird die Kopfzeile %(header)s")
            % {"header": ";".join(HEADER)}
        ]
    positions, header_error = _columns(header)
    if header_error:
        return [], [header_error]
    rows: list[Row] = []
    errors: list[str] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(
                _("Zeile %(line)d: nicht lesbar (%(error)s).") % {"line": start, "error": error}
            )
            break
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            errors.append(
                _(
                    "Zeile %(line)d: %(count)d Spalten statt %(expected)d – enthält ein Text das "
                    "Trennzeichen? Dann den Text in Anführungszeichen setzen."
                )
                % {"line": start, "count": len(cells), "expected": len(header)}
            )
            continue
        values = {
            name: (cells[index].strip() if index < len(cells) else "")
            for name, index in positions.items()
        }
        row, row_errors = check_row(start, values)
        errors.extend(row_errors)
        if row is not None:
            rows.append(row)
    return rows, errors


def check_row(line: int, values: dict[str, str]) -> tuple[Row | None, list[str]]:
    errors = []

    def error(message: str, **params) -> None:
        errors.append(_("Zeile %(line)d: ") % {"line": line} + message % params)

    code = values.get("code", "")
    if not code:
        error(_("Kennzeichen fehlt."))
    elif len(code) > 30:
        error(_("Kennzeichen „%(code)s“ ist länger als 30 Zeichen."), code=code)
    else:
        try:
            CODE_VALIDATOR(code)
        except ValidationError as invalid:
            error(
                _("Kennzeichen „%(code)s“ ungültig – %(reason)s"),
                code=code,
                reason=invalid.messages[0],
            )
    title = values.get("title", "")
    if not title:
        error(_("Bezeichnung fehlt."))
    elif len(title) > 255:
        error(_("Bezeichnung ist länger als 255 Zeichen."))
    raw_retention = values.get("retention_years", "")
    retention = None
    if not raw_retention:
        error(
            _("Aufbewahrung fehlt – bitte die Zahl der Jahre angeben (0 bis %(max)d)."),
            max=MAX_RETENTION,
        )
    elif not (raw_retention.isascii() and raw_retention.isdigit()):
        error(
            _("Aufbewahrung „%(value)s“ ist keine Zahl von Jahren (0 bis %(max)d)."),
            value=raw_retention,
            max=MAX_RETENTION,
        )
    elif int(raw_retention) > MAX_RETENTION:
        error(
            _("Aufbewahrung %(value)s Jahre ist zu lang – höchstens %(max)d."),
            value=raw_retention,
            max=MAX_RETENTION,
        )
    else:
        retention = int(raw_retention)
    disposal = values.get("disposal", "").upper()
    if not disposal:
        error(_("Aussonderung fehlt – erlaubt sind A, B, V."))
    elif disposal not in Disposal.values:
        error(
            _("Aussonderung „%(value)s“ unbekannt – erlaubt sind A, B, V."),
            value=values["disposal"],
        )
    raw_active = values.get("active", "").casefold()
    active = raw_active in YES
    if raw_active not in YES | NO:
        error(_("Aktiv „%(value)s“ unbekannt – erlaubt sind ja und nein."), value=values["active"])
    parent = values.get("parent", "")
    if parent and parent == code:
        error(_("Die Einheit „%(code)s“ kann nicht sich selbst übergeordnet sein."), code=code)
    if errors:
        return None, errors
    return Row(
        line=line,
        code=code,
        title=title,
        parent=parent,
        retention_years=retention,
        disposal=disposal,
        description=values.get("description", ""),
        active=active,
    ), []


def check_plan(rows: list[Row], stored_parent: dict[str, str]) -> list[str]:
    """Checks across lines: duplicates, unknown parents, cycles. ``stored_parent``: the
    parent code ("" at the top) of every unit already in the town's plan, by code."""
    errors = []
    first_line: dict[str, int] = {}
    for row in rows:
        if row.code in first_line:
            errors.append(
                _("Zeile %(line)d: Kennzeichen „%(code)s“ steht schon in Zeile %(first)d.")
                % {"line": row.line, "code": row.code, "first": first_line[row.code]}
            )
        else:
            first_line[row.code] = row.line
    # the plan after the import: the file's parents over those already stored
    parent_of = dict(stored_parent)
    parent_of.update({row.code: row.parent for row in rows})
    for row in rows:
        if row.parent and row.parent not in parent_of:
            errors.append(
                _(
                    "Zeile %(line)d: Übergeordnete Einheit „%(parent)s“ gibt es weder in der "
                    "Datei noch im Aktenplan."
                )
                % {"line": row.line, "parent": row.parent}
            )
    reported: set[str] = set()
    for row in rows:
        if first_line.get(row.code) != row.line or row.parent == row.code:
            continue
        path, code = [row.code], row.parent
        while code and code in parent_of and code not in path:
            path.append(code)
            code = parent_of[code]
        if code and code in path and not reported & set(path):
            cycle = path[path.index(code) :] + [code]
            reported.update(cycle)
            errors.append(
                _("Zeile %(line)d: Die Gliederung bildet einen Kreis: %(cycle)s.")
                % {"line": first_line.get(cycle[0], row.line), "cycle": " → ".join(cycle)}
            )
    return errors
