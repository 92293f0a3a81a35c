from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .api import fallback_theme
from .models import Theme


@require_GET
@cache_control(public=True, max_age=86400)
def tokens_css(request: HttpRequest, slug: str) -> HttpResponse:
    """The theme's design tokens as CSS custom properties (no inline styles in pages).

    Pages link it with ``?v=<last change>``, so a changed theme is fetched anew.
    """
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None and slug == "region":
        theme = fallback_theme()  # before any theme was created
    if theme is None:
        raise Http404
    lines = [f"  {name}: {value};" for name, value in theme.tokens().items()]
    body = ":root {\n" + "\n".join(lines) + "\n}\n"
    return HttpResponse(body, content_type="text/css; charset=utf-8")
