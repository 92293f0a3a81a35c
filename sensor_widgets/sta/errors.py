"""Errors of the SensorThings API: raised anywhere, answered as JSON by the view."""

from __future__ import annotations


class StaError(Exception):
    """A request the API cannot answer; ``status`` 400, 404 or 405 and a message for
    the client (German, from gettext)."""

    def __init__(self, status: int, message: str):
        super().__init__(str(message))
        self.status = status
        self.message = str(message)

    def as_json(self) -> dict:
        return {"code": self.status, "type": "error", "message": self.message}


def bad_request(message: str) -> StaError:
    return StaError(400, message)


def not_found(message: str) -> StaError:
    return StaError(404, message)
