"""The OGC SensorThings API v1.1 (read side, observation intake routes, MQTT extension).

- ``entities``: the eight entity types mapped onto our models (public rows only)
- ``options`` / ``filters``: query options, ``$filter`` → ``Q`` (odata-query's parser)
- ``paths``: resource paths; ``query``: reading with ``$expand``; ``render``: JSON
- ``views``: the single entry point; ``mqtt_extension``: publishes new observations
"""
