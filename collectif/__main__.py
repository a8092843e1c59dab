from __future__ import annotations

from collectif.cli import main

main()
