"""Write docs/screenshot.svg: the main screen at 120x36 over the seed article, extracted by the real extractor.

Run from the repository root: .venv/bin/python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from store import Store, seed_paths
from tui.app import WhosaidApp

DOCS = Path(__file__).resolve().parent


async def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        store = Store(Path(directory) / "store.json")
        store.ingest([(path.name, path.read_text(encoding="utf-8")) for path in seed_paths()])
        app = WhosaidApp(store, store_label="~/.local/share/whosaid/store.json")
        async with app.run_test(size=(120, 36)) as pilot:
            app.screen.query_one("#search").cursor_blink = False
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.screen.people.select_key("jake sullivan")
            await pilot.pause(0.3)
            (DOCS / "screenshot.svg").write_text(app.export_screenshot(title="whosaid"), encoding="utf-8")


if __name__ == "__main__":
    asyncio.run(main())
