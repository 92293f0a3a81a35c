"""Signals of the foundation that domain apps listen to."""

from django.dispatch import Signal

#: Sent by ``towns.create_town`` once a new town exists; ``settings`` is its TownSettings.
#: Domain apps give the town's groups their rights here (e.g. services.roles.setup_town).
town_created = Signal()
