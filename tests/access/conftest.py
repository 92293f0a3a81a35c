"""Clients of the matrix: one per role, signed in with ``force_login`` (django-axes'
lockout wants a request for ``authenticate()``; the matrix is about access, not sign-in)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from .world import ROLES

ADMIN_HOST = "localhost:8000"


@pytest.fixture
def login(db):
    """``login(role)``: a client of the admin host signed in as the role's demo user."""
    clients: dict[str, Client] = {}

    def make(role: str) -> Client:
        if role not in clients:
            client = Client(HTTP_HOST=ADMIN_HOST)
            if ROLES[role] is not None:
                client.force_login(get_user_model().objects.get(username=ROLES[role]))
            clients[role] = client
        return clients[role]

    return make
