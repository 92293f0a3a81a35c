"""Admin registration of the case inbox (imported by services/wagtail_hooks.py)."""
