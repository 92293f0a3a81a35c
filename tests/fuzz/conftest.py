"""Fuzzing with hypothesis (and schemathesis for the OpenAPI description).

Profiles (``HYPOTHESIS_PROFILE``):

``ci`` (default)
    Few examples per test, derandomised (the same examples on every run, so a failure in
    CI can be reproduced), no deadline (the machine is shared), no example database.
    The whole ``tests/fuzz`` folder stays well under three minutes.
``deep``
    For a longer local hunt: many more examples, random each run, failures remembered
    in ``.hypothesis/``::

        HYPOTHESIS_PROFILE=deep DJANGO_SETTINGS_MODULE=portal.settings.test \\
            .venv/bin/pytest -q -p no:cacheprovider tests/fuzz

A failing example is printed by hypothesis; add it as an explicit case (``@example``)
when the bug behind it is fixed.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# the tests use pytest-django's database fixtures (one transaction for all examples of a
# test): every example checks what it changed itself, so sharing them is intended
SHARED_FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]

settings.register_profile(
    "ci",
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=SHARED_FIXTURES,
)
settings.register_profile(
    "deep",
    max_examples=1000,
    deadline=None,
    suppress_health_check=SHARED_FIXTURES,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def examples(count: int) -> int:
    """``count`` examples in CI, the profile's (larger) number in a deep run."""
    if settings.get_current_profile_name() == "deep":
        return max(count, settings().max_examples)
    return count
