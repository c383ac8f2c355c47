"""The bundle's entry point: the ``kiosk`` command, as the wheel's console script runs it.

A file of its own rather than kiosk/__main__.py, because PyInstaller puts the entry script's
folder on the import path, and kiosk/ there would make the package's modules importable under
top-level names of their own.
"""

import sys

from kiosk.cli import main

sys.exit(main())
