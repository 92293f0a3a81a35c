"""Placeholder – replaced by the events helper."""


def validate_event(event) -> None:
    return None
