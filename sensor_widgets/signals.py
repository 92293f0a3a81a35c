"""Signals of the sensor intake.

``observations_stored`` is sent once per committed intake batch that stored at least one
new observation, with ``readings``: the stored :class:`~sensor_widgets.intake.Stored`
rows, and ``latest``: ``{datastream_id: Stored}`` for every datastream whose newest
value changed. Receivers push live updates (WebSocket groups, the STA MQTT extension).
"""

from django.dispatch import Signal

observations_stored = Signal()
