"""Every URL pattern of the project that takes an argument, read from the resolver
(through every include, Wagtail admin's registered URLs and the i18n patterns)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern


@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name", or the route itself for an unnamed pattern
    route: str  # the whole route, prefixes included
    params: tuple[str, ...]  # argument names ("#1", "#2" … for unnamed regex groups)


def _params(pattern) -> list[str]:
    if isinstance(pattern, RoutePattern):
        return list(pattern.converters)
    if isinstance(pattern, RegexPattern):
        regex = re.compile(pattern._regex)
        named = list(regex.groupindex)
        # groups without a name are positional arguments too ((?:…) is no group)
        unnamed = regex.groups - len(named)
        return named + [f"#{i}" for i in range(1, unnamed + 1)]
    return []


def _walk(resolver: URLResolver, prefix: str, namespace: str | None, params: list[str]):
    for item in resolver.url_patterns:
        item_params = params + _params(item.pattern)
        route = prefix + str(item.pattern)
        if isinstance(item, URLResolver):
            inner = namespace
            if item.namespace:
                inner = f"{namespace}:{item.namespace}" if namespace else item.namespace
            yield from _walk(item, route, inner, item_params)
        elif isinstance(item, URLPattern):
            key = route  # an unnamed pattern: its route
            if item.name:
                key = f"{namespace}:{item.name}" if namespace else item.name
            yield Route(key=key, route=route, params=tuple(item_params))


def routes_with_arguments() -> list[Route]:
    """Every pattern with at least one argument (an id, a slug, a token, a path …)."""
    return [route for route in _walk(get_resolver(), "", None, []) if route.params]
