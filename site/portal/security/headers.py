"""Security headers that Django does not set by itself.

* **Content-Security-Policy per area.** Django's ``ContentSecurityPolicyMiddleware``
  sends ``SECURE_CSP`` – the strict policy of every citizen page: scripts only from this
  origin (or with the request's nonce), no inline script, no ``eval``, styles only from
  files, frames only from the embed providers behind the two-click consent, this site
  alone may frame it. Wagtail 8's admin still writes inline ``<script>`` elements
  (inline panels, date and chooser widgets, modal responses), so below ``ADMIN_PREFIXES``
  the policy ``SECURE_CSP_ADMIN`` applies – the same origins, with inline scripts and
  styles allowed. This middleware must come *after* Django's CSP middleware in
  ``MIDDLEWARE`` so that it sees the response first.
* **Permissions-Policy**: the browser features no page of the portal uses are switched
  off for the page and every frame in it.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def is_admin_path(path: str) -> bool:
    return path.startswith(ADMIN_PREFIXES)


class SecurityHeadersMiddleware(MiddlewareMixin):
    """Sync and async (``MiddlewareMixin``): no thread hop under ASGI."""

    def process_response(self, request, response):
        if is_admin_path(request.path_info) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = policy
        return response
