from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from . import registry


@require_GET
@cache_control(public=True, max_age=3600)
def tokens_css(request: HttpRequest, slug: str) -> HttpResponse:
    """The theme's design tokens as CSS custom properties (no inline styles in pages)."""
    theme = registry.get(slug)
    if theme.slug != slug:
        raise Http404
    lines = [f"  {name}: {value};" for name, value in theme.tokens().items()]
    body = ":root {\n" + "\n".join(lines) + "\n}\n"
    return HttpResponse(body, content_type="text/css; charset=utf-8")
