"""``$filter`` → a Django ``Q``, over the AST of the ``odata-query`` package.

The STA property names of an entity type (``phenomenonTime``, ``Datastream/id``,
``unitOfMeasurement/symbol``, ``properties/…``) map onto our fields; every literal is
checked against the property's kind, so a bad filter is a 400 and never a database
error. A comparison that names a navigation property (``Datastream/id eq 3``,
``Datastreams/name eq 'x'``) becomes a subquery over the *public* rows of the target.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re

from dateutil.parser import isoparse
from django.db.models import F, FloatField, Q, Value, functions, lookups
from django.db.models.expressions import Expression
from django.utils import timezone
from django.utils.translation import gettext as _
from odata_query import ast
from odata_query import exceptions as odata_errors
from odata_query.django.django_q_ext import NotEqual
from odata_query.grammar import ODataLexer, ODataParser

from .entities import DATETIME, JSON, NUMBER, STRING, TYPES, EntityType, Prop
from .errors import bad_request

BOOL, NULL = "bool", "null"
MAX_FILTER_LENGTH = 4000
INT64 = 2**63
_IOT_ID = re.compile(r"@iot\.id\b")
_COMPARE = {
    ast.Eq: ("exact", lookups.Exact),
    ast.NotEq: ("ne", NotEqual),
    ast.Lt: ("lt", lookups.LessThan),
    ast.LtE: ("lte", lookups.LessThanOrEqual),
    ast.Gt: ("gt", lookups.GreaterThan),
    ast.GtE: ("gte", lookups.GreaterThanOrEqual),
}
_FLIP = {ast.Eq: ast.Eq, ast.NotEq: ast.NotEq, ast.Lt: ast.Gt, ast.LtE: ast.GtE}
_FLIP |= {ast.Gt: ast.Lt, ast.GtE: ast.LtE}
_STRING_TESTS = {"contains": "contains", "startswith": "startswith", "endswith": "endswith"}
_DATE_PARTS = {
    "year": functions.ExtractYear,
    "month": functions.ExtractMonth,
    "day": functions.ExtractDay,
    "hour": functions.ExtractHour,
    "minute": functions.ExtractMinute,
    "second": functions.ExtractSecond,
}
_ROUNDING = {"round": functions.Round, "floor": functions.Floor, "ceiling": functions.Ceil}


@dataclasses.dataclass
class Typed:
    """A compiled operand: Django expression, kind, and (for plain fields) the ORM path
    or (for literals) the Python value."""

    expr: object
    kind: str
    path: str | None = None
    value: object = None
    literal: bool = False


def _parse(text: str) -> ast._Node:
    if len(text) > MAX_FILTER_LENGTH:
        raise bad_request(_("$filter ist zu lang."))
    text = _mask_strings_sub(text)
    parser = ODataParser()
    known = parser._function_call

    def function_call(func, args):  # STA keeps OData 3's substringof(needle, haystack)
        if func.full_name().lower() == "substringof" and len(args) == 2:
            return ast.Call(func, args)
        return known(func, args)

    parser._function_call = function_call
    try:
        return parser.parse(ODataLexer().tokenize(text))
    except odata_errors.ODataException as error:
        raise bad_request(_("$filter nicht lesbar: %(error)s") % {"error": error}) from None
    except (ValueError, TypeError, IndexError, RecursionError):
        raise bad_request(_("$filter nicht lesbar.")) from None


def _mask_strings_sub(text: str) -> str:
    """``@iot.id`` → ``id`` outside string literals."""
    parts = re.split(r"('(?:[^']|'')*')", text)
    return "".join(p if p.startswith("'") else _IOT_ID.sub("id", p) for p in parts)


def _segments(node: ast._Node) -> list[str] | None:
    if isinstance(node, ast.Identifier):
        return [*node.namespace, node.name] if not node.namespace else [node.full_name()]
    if isinstance(node, ast.Attribute):
        owner = _segments(node.owner)
        return None if owner is None else [*owner, node.attr]
    return None


def _refs(node: ast._Node) -> list[list[str]]:
    """All property paths named in ``node``."""
    found = _segments(node)
    if found is not None:
        return [found]
    refs: list[list[str]] = []
    if isinstance(node, ast.Call):  # the function's name is no property
        for arg in node.args:
            refs += _refs(arg)
        return refs
    for item in dataclasses.fields(node):
        value = getattr(node, item.name)
        for child in value if isinstance(value, list | tuple) else [value]:
            if isinstance(child, ast._Node):
                refs += _refs(child)
    return refs


def _strip(node: ast._Node) -> ast._Node:
    """The same expression with the first segment of every property path removed."""
    path = _segments(node)
    if path is not None:
        rest = path[1:]
        result: ast._Node = ast.Identifier(rest[0])
        for name in rest[1:]:
            result = ast.Attribute(result, name)
        return result
    if isinstance(node, ast.Call):
        return dataclasses.replace(node, args=[_strip(arg) for arg in node.args])
    changes = {}
    for item in dataclasses.fields(node):
        value = getattr(node, item.name)
        if isinstance(value, ast._Node):
            changes[item.name] = _strip(value)
        elif isinstance(value, list):
            changes[item.name] = [_strip(v) if isinstance(v, ast._Node) else v for v in value]
    return dataclasses.replace(node, **changes)


def prop_of(entity: EntityType, path: list[str]) -> Prop:
    """The property ``path`` (``["unitOfMeasurement", "symbol"]``) of ``entity``."""
    name = "/".join(path)
    if name in entity.props:
        return entity.props[name]
    if len(path) > 1 and path[0] in entity.json_props and all(_plain(p) for p in path[1:]):
        return Prop("__".join(path), JSON)
    raise bad_request(
        _("Unbekannte Eigenschaft „%(name)s“ bei %(entity)s.")
        % {"name": name[:80], "entity": entity.plural}
    )


def _plain(key: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,63}", key))


def _moment(text: str) -> dt.datetime:
    try:
        value = isoparse(text)
    except (ValueError, OverflowError):
        raise bad_request(_("Zeitangabe nicht lesbar: %(value)s") % {"value": text[:40]}) from None
    if timezone.is_naive(value):
        value = value.replace(tzinfo=dt.UTC)
    return value


class FilterCompiler:
    """Compiles one ``$filter`` AST for one entity type."""

    def __init__(self, entity: EntityType):
        self.entity = entity

    # --- boolean level ---------------------------------------------------------------
    def condition(self, node: ast._Node) -> Q:
        if isinstance(node, ast.BoolOp):
            left, right = self.condition(node.left), self.condition(node.right)
            return left & right if isinstance(node.op, ast.And) else left | right
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return ~self.condition(node.operand)
        if isinstance(node, ast.Compare | ast.Call):
            navigated = self._through_navigation(node)
            if navigated is not None:
                return navigated
            if isinstance(node, ast.Compare):
                return self.compare(node)
            result = self.call(node)
            if result.kind != BOOL:
                raise bad_request(_("$filter muss eine Bedingung sein."))
            return result.expr
        if isinstance(node, ast.CollectionLambda):
            raise bad_request(_("any/all werden in $filter nicht unterstützt."))
        raise bad_request(_("$filter muss eine Bedingung sein."))

    def _through_navigation(self, node: ast._Node) -> Q | None:
        refs = _refs(node)
        navs = {ref[0] for ref in refs if ref[0] in self.entity.navs}
        if not navs:
            return None
        if len(navs) > 1 or any(ref[0] not in navs for ref in refs):
            raise bad_request(
                _("Eine Bedingung darf nur über eine Navigationseigenschaft vergleichen.")
            )
        if any(len(ref) < 2 for ref in refs):
            raise bad_request(_("Nach einer Navigationseigenschaft fehlt die Eigenschaft."))
        nav = self.entity.navs[navs.pop()]
        target = TYPES[nav.target]
        inner = target.base().filter(FilterCompiler(target).condition(_strip(node)))
        if nav.many:
            return Q(pk__in=inner.values(nav.lookup))
        return Q(**{f"{nav.path}__in": inner.values("pk")})

    def compare(self, node: ast.Compare) -> Q:
        left = self.operand(node.left)
        if isinstance(node.comparator, ast.In):
            if not isinstance(node.right, ast.List):
                raise bad_request(_("Nach „in“ folgt eine Liste in Klammern."))
            values = [self.operand(item) for item in node.right.val]
            for value in values:
                self._check_kinds(left, value)
            if left.path is None or not all(v.literal for v in values):
                raise bad_request(_("„in“ vergleicht eine Eigenschaft mit Werten."))
            return Q(**{f"{left.path}__in": [v.value for v in values]})
        right = self.operand(node.right)
        comparator = type(node.comparator)
        if left.literal and not right.literal:  # 5 lt result → result gt 5
            left, right, comparator = right, left, _FLIP[comparator]
        if NULL in (left.kind, right.kind):
            if comparator not in (ast.Eq, ast.NotEq) or left.kind == NULL:
                raise bad_request(_("null lässt sich nur mit eq und ne vergleichen."))
            if left.path is None:
                raise bad_request(_("null lässt sich nur mit einer Eigenschaft vergleichen."))
            return Q(**{f"{left.path}__isnull": comparator is ast.Eq})
        self._check_kinds(left, right)
        name, lookup = _COMPARE[comparator]
        if left.path is not None and right.literal:
            if name == "ne":
                return ~Q(**{left.path: right.value}) & Q(**{f"{left.path}__isnull": False})
            return Q(**{f"{left.path}__{name}": right.value})
        if JSON in (left.kind, right.kind):
            raise bad_request(_("Freie Eigenschaften lassen sich nur mit Werten vergleichen."))
        return Q(lookup(left.expr, right.expr))

    def _check_kinds(self, left: Typed, right: Typed) -> None:
        if JSON in (left.kind, right.kind):
            return
        if left.kind == DATETIME and right.kind == STRING and right.literal:
            moment = _moment(str(right.value))
            right.kind, right.value, right.expr = DATETIME, moment, Value(moment)
        if left.kind != right.kind or left.kind == BOOL:
            raise bad_request(
                _("In $filter passen %(left)s und %(right)s nicht zusammen.")
                % {"left": left.kind, "right": right.kind}
            )

    # --- values ----------------------------------------------------------------------
    def operand(self, node: ast._Node) -> Typed:
        path = _segments(node)
        if path is not None:
            if path[0] in self.entity.navs:
                raise bad_request(_("Navigationseigenschaften nur in einfachen Vergleichen."))
            prop = prop_of(self.entity, path)
            return Typed(F(prop.path), prop.kind, path=prop.path)
        if isinstance(node, ast._Literal):
            return self.literal(node)
        if isinstance(node, ast.BinOp):
            return self.arithmetic(node)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = self.operand(node.operand)
            if inner.kind != NUMBER:
                raise bad_request(_("Vorzeichen nur vor Zahlen."))
            if inner.literal:
                return Typed(Value(-inner.value), NUMBER, value=-inner.value, literal=True)
            return Typed(inner.expr * Value(-1.0), NUMBER)
        if isinstance(node, ast.Call):
            return self.call(node)
        raise bad_request(_("Dieser Ausdruck wird in $filter nicht unterstützt."))

    def literal(self, node: ast._Literal) -> Typed:
        if isinstance(node, ast.Null):
            return Typed(None, NULL, literal=True)
        if isinstance(node, ast.Boolean):
            return Typed(Value(node.py_val), BOOL, value=node.py_val, literal=True)
        if isinstance(node, ast.String):
            return Typed(Value(node.py_val), STRING, value=node.py_val, literal=True)
        if isinstance(node, ast.Integer | ast.Float):
            try:
                number = node.py_val
            except (ValueError, OverflowError):
                number = math.inf
            if isinstance(number, int) and not -INT64 <= number < INT64:
                raise bad_request(_("Zahl zu groß: %(value)s") % {"value": node.val[:30]})
            if isinstance(number, float) and not math.isfinite(number):
                raise bad_request(_("Zahl zu groß: %(value)s") % {"value": node.val[:30]})
            return Typed(Value(number), NUMBER, value=number, literal=True)
        if isinstance(node, ast.DateTime | ast.Date):
            moment = _moment(node.val)
            return Typed(Value(moment), DATETIME, value=moment, literal=True)
        raise bad_request(_("Diese Art Wert wird in $filter nicht unterstützt."))

    def arithmetic(self, node: ast.BinOp) -> Typed:
        left, right = self.operand(node.left), self.operand(node.right)
        if left.kind != NUMBER or right.kind != NUMBER:
            raise bad_request(_("Rechnen geht in $filter nur mit Zahlen."))
        a = functions.Cast(left.expr, FloatField())
        b = functions.Cast(right.expr, FloatField())
        if isinstance(node.op, ast.Add):
            expr: Expression = a + b
        elif isinstance(node.op, ast.Sub):
            expr = a - b
        elif isinstance(node.op, ast.Mult):
            expr = a * b
        elif isinstance(node.op, ast.Div):
            expr = a / functions.NullIf(b, Value(0.0))
        else:
            expr = functions.Mod(a, functions.NullIf(b, Value(0.0)))
        return Typed(expr, NUMBER)

    def call(self, node: ast.Call) -> Typed:
        name = node.func.full_name().lower()
        args = [self.operand(arg) for arg in node.args if not isinstance(arg, ast.NamedParam)]
        if len(args) != len(node.args):
            raise bad_request(_("Benannte Parameter werden nicht unterstützt."))
        if name == "substringof":
            name, args = "contains", [args[1], args[0]]
        if name in _STRING_TESTS:
            self._want(args, STRING, name)
            field, text = args
            if field.path is not None and text.literal:
                return Typed(Q(**{f"{field.path}__{_STRING_TESTS[name]}": text.value}), BOOL)
            lookup = {
                "contains": lookups.Contains,
                "startswith": lookups.StartsWith,
                "endswith": lookups.EndsWith,
            }[name]
            return Typed(Q(lookup(field.expr, text.expr)), BOOL)
        if name in ("tolower", "toupper", "trim"):
            self._want(args, STRING, name)
            func = {"tolower": functions.Lower, "toupper": functions.Upper}.get(
                name, functions.Trim
            )
            return Typed(func(args[0].expr), STRING)
        if name == "length":
            self._want(args, STRING, name)
            return Typed(functions.Length(args[0].expr), NUMBER)
        if name == "concat":
            self._want(args, STRING, name)
            return Typed(functions.Concat(args[0].expr, args[1].expr), STRING)
        if name in _DATE_PARTS:
            self._want(args, DATETIME, name)
            return Typed(_DATE_PARTS[name](args[0].expr), NUMBER)
        if name in _ROUNDING:
            self._want(args, NUMBER, name)
            return Typed(_ROUNDING[name](functions.Cast(args[0].expr, FloatField())), NUMBER)
        if name == "now":
            moment = timezone.now()
            return Typed(Value(moment), DATETIME, value=moment, literal=True)
        raise bad_request(
            _("Funktion %(name)s wird in $filter nicht unterstützt.") % {"name": name[:40]}
        )

    @staticmethod
    def _want(args: list[Typed], kind: str, name: str) -> None:
        if any(arg.kind != kind for arg in args):
            raise bad_request(
                _("%(name)s erwartet Werte der Art %(kind)s.") % {"name": name, "kind": kind}
            )


def compile_filter(entity: EntityType, text: str) -> Q:
    """The ``Q`` of a ``$filter`` text for ``entity`` – or a 400 :class:`StaError`."""
    return FilterCompiler(entity).condition(_parse(text))
