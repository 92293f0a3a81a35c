"""Anonymous page cache (issue #11): whole pages for anonymous GETs, always correct.

- ``middleware.PageCacheMiddleware`` stores what a Wagtail page (or a view that opted in
  with ``policy.allow``) rendered for a visitor without session – never a response that set
  a cookie (CSRF token), carried a message, said ``private``/``no-store``, or varied on
  ``Cookie`` – and serves hits when the request came through WSGI or the test client.
- ``asgi.PageCacheApp`` serves hits in front of Django under ASGI: no middleware, no
  session, no SQL.
- ``invalidation``: any change to content (pages, snippets, settings, events, services …)
  raises one generation counter; entries of an older generation are never served, in any
  process (Redis) – and the reverse proxy is purged through
  ``wagtail.contrib.frontend_cache``.

One generation for the whole installation rather than a graph of which page shows which
snippet, event or reusable block: a publish re-renders every town's pages once, and no
dependency can be forgotten.
"""
