"""The embedded default: SQLite, in-memory channel layer, console mail, database search."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = env.flag("DEBUG", True)
VAR_DIR.mkdir(parents=True, exist_ok=True)
