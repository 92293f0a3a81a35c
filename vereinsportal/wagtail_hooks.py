"""Wagtail admin: regional taxonomies as snippets, the review of club registrations."""
