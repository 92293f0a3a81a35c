"""Signal handlers: occurrences follow publishing."""
