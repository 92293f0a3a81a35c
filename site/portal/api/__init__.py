"""The headless API: Wagtail API v2 for pages, images and documents, scoped per town.

See README.md, "Headless API", and the OpenAPI description at ``/api/v2/openapi.json``.
"""
