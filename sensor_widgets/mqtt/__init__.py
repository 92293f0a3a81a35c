"""MQTT intake: uplinks of LoRaWAN network servers (ChirpStack v4, The Things Stack v3).

- ``messages``: one MQTT message → :class:`messages.Uplink` or :class:`messages.MessageError`
- ``batch``: a batch of uplinks → observations, rejections and counters in one transaction
- ``worker``: the long-running subscriber behind ``manage.py mqtt_intake``
- ``connection``: paho client options from ``MQTT_URL``
"""
