"""The OGC SensorThings API v1.1 over our models (read; observations may be created
by devices). Mounted at ``/sta/v1.1/``."""
