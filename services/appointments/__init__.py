"""Terminvereinbarung: free slots, booking with double opt-in, the office's day."""
