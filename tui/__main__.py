"""`python -m tui`: the same as the `whosaid` command."""

from tui.launcher import main

raise SystemExit(main())
