"""Placeholder – replaced by the sign-up helper."""

from django.http import Http404


def signup_context(request, event, occurrences) -> dict:
    return {}


def signup(request, event, occurrence_id):
    raise Http404
