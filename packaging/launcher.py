"""PyInstaller entry point for Curbwatch: the frozen executable runs this file.

It stays a one-liner so the frozen app starts exactly like the `curbwatch` gui-script.
"""

from app.main import main

raise SystemExit(main())
