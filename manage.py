#!/usr/bin/env python
"""Django's command-line utility for the re@di Portal (same as the ``redi`` command)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    from portal.cli import main

    main()
