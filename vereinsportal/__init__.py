"""Vereine & Ehrenamt: club profiles with self-service, events with calendar feeds and
sign-up, and the volunteering board (Ehrenamtsbörse)."""
