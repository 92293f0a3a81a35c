from wagtail import hooks

from . import policy


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Wagtail pages are the same for every anonymous visitor – unless the response says
    otherwise (a form's CSRF token, ``private``), which ``policy`` checks afterwards."""
    policy.allow(request)
