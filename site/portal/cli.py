"""The ``redi`` console command: Django's manage.py with the portal's settings.

redi demo                               migrate, load the demo, serve on :8000
redi createtown <slug> <name> <host>    add a town
redi <any manage.py command>            e.g. redi migrate, redi createsuperuser
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["redi", *argv[1:]])


if __name__ == "__main__":
    main()
