"""`python -m tui`: the same as the `whosaid` command."""

from tui.cli import main

raise SystemExit(main())
