"""The staff case inbox in the Wagtail admin."""
