"""Infrastruktur Sensorik: sensors report over HTTP and MQTT, pages show live values,
charts and alerts, and the data is open through the OGC SensorThings API v1.1."""
