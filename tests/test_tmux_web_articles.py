"""Web pages and feeds end to end: a saved news page and a feed served on 127.0.0.1 are ingested by the installed
whosaid, then read in the installed browser in tmux: the article view shows where and when the page was
published and none of its navigation, cookie banner or comments, and y puts the whole citation in the clipboard."""

from __future__ import annotations

import contextlib
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from store import open_existing_store
from tests.ssh_support import Tmux, search, wait_until

WEB = Path(__file__).resolve().parent / "articles" / "web"
WHOSAID = shutil.which("whosaid", path=str(Path(sys.executable).parent))
needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None or WHOSAID is None, reason="needs tmux and the installed whosaid command"
)

SAVED_PAGE = WEB / "tidal-pilot.html"
OUTLET, DATE = "The Northshore Courier", "2025-03-14"
LINK = "https://courier.example.org/2025/03/tidal-pilot-approved"
QUOTE = (
    "“Nobody here is against clean power, but the plan draws a line through water our families have fished "
    "since before the lighthouse was built”"
)
"""The quote as a citation gives it: without the comma the article's sentence put before its closing mark."""
PAGE_CHROME = (
    "Weather & Tides",
    "Subscribe for one euro",
    "We value your privacy",
    "Manage settings",
    "Related stories",
    "Ferry timetable changes",
    "Comments (3)",
    "got something right",
    "Join the discussion",
    "Holiday cottages",
    "All rights reserved",
)
"""Text of the saved page's navigation, cookie banner, related links, comments, advert and footer."""

FOLLOWED_PAGE = WEB / "harbour-seals.html"
FOLLOWED_CHROME = ("Listen live", "Most read", "Bridge to close", "More on this story", "Related topics", "Copyright")
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Estuary News</title><link>{base}/</link><description>News from the estuary</description>
<item><title>Seal pups counted on the sandbanks for the first time in a decade</title>
  <link>{base}/nature/seal-pups</link><pubDate>Tue, 08 Jul 2025 05:52:11 GMT</pubDate>
  <description>Common seals are breeding on the sandbanks again, volunteers say.</description></item>
<item><title>Ferry pier to close for repairs in November</title>
  <link>{base}/local/ferry-pier</link><pubDate>Wed, 09 Jul 2025 07:30:00 GMT</pubDate>
  <description>The pier closes for six weeks.</description>
  <content:encoded><![CDATA[<p>The ferry pier will close for six weeks in November while divers replace the timber piles
  that hold up its outer end.</p>
  <p>&ldquo;The piles have stood in salt water for ninety years, and they have earned a rest,&rdquo; said Ottilie
  Branagh, the pier's engineer. Ferries will call at the fish quay instead.</p>]]></content:encoded></item>
</channel></rss>
"""
"""A feed of two items: one with only a summary (its page must be followed), one with its full text."""


@dataclass
class Site:
    """A local web server's base URL and the paths it was asked for, in order."""

    base: str
    requested: list[str] = field(default_factory=list)


@pytest.fixture
def site() -> Iterator[Site]:
    """The feed and the page of its summary item, served from a thread on 127.0.0.1; nothing else answers."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    served = Site(f"http://127.0.0.1:{server.server_address[1]}")
    routes = {
        "/feed.xml": ("application/rss+xml; charset=utf-8", FEED.format(base=served.base).encode()),
        "/nature/seal-pups": ("text/html; charset=utf-8", FOLLOWED_PAGE.read_bytes()),
    }

    class Handler(BaseHTTPRequestHandler):
        """Answers from `routes`, 404 elsewhere, and notes every path asked for."""

        def do_GET(self) -> None:
            served.requested.append(self.path)
            kind, body = routes.get(self.path, ("text/html", b"<h1>Not Found</h1>"))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output quiet."""

    server.RequestHandlerClass = Handler
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """A private tmux server for this test alone."""
    server = Tmux(shutil.which("tmux") or "tmux")
    yield server
    server.close()


def ingest(store: Path, *inputs: str) -> subprocess.CompletedProcess[str]:
    """The installed `whosaid ingest` on `inputs` into `store`, as a user runs it."""
    return subprocess.run(
        [str(WHOSAID), "ingest", "--db", str(store), "--jobs", "1", *inputs],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def in_terminal(store: Path) -> str:
    """The shell command that runs the installed browser on `store` in a 256-colour terminal of its window's size.

    COLUMNS and LINES are unset: a library loaded in the test process may have set them (80 and 24) in the
    environment tmux hands on, and the app would take them over the window's size.
    """
    return (
        f"env -u COLUMNS -u LINES TERM=xterm-256color WHOSAID_DB={shlex.quote(str(store))} {shlex.quote(str(WHOSAID))}"
    )


def paste_buffer(tmux: Tmux) -> str | None:
    """The text of tmux's newest paste buffer, None while there is none."""
    try:
        return tmux.run("show-buffer")
    except subprocess.CalledProcessError:
        return None


@needs_tmux
def test_a_saved_page_and_a_feed_are_read_in_the_browser_with_their_source_and_y_copies_the_citation(
    tmp_path: Path, site: Site, tmux: Tmux
) -> None:
    store = tmp_path / "store.json"
    page = tmp_path / SAVED_PAGE.name
    shutil.copyfile(SAVED_PAGE, page)

    saved = ingest(store, str(page))
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith(f"added {page}: Port town approves tidal turbine pilot after a year of talks")
    assert saved.stderr.splitlines()[-1] == "1 added, 0 replaced, 0 unchanged, 0 failed"

    feed_url = f"{site.base}/feed.xml"
    fed = ingest(store, "--follow", feed_url)
    assert fed.returncode == 0, fed.stderr
    assert fed.stderr.splitlines()[-1] == "2 added, 0 replaced, 0 unchanged, 0 failed"
    assert site.requested == ["/feed.xml", "/nature/seal-pups"], "only the summary item's page is fetched"

    articles = {article.source: article for article in open_existing_store(store).snapshot.articles}
    followed = articles[f"{site.base}/nature/seal-pups"]
    assert "Twenty-three pups were counted at low tide" in followed.text
    assert "nobody believed the first number" in followed.text
    assert not [chrome for chrome in FOLLOWED_CHROME if chrome in followed.text]
    assert (followed.outlet, followed.date, followed.url) == ("Estuary News", "2025-07-08", followed.source)
    full_item = articles[f"{site.base}/local/ferry-pier"]
    assert "they have earned a rest" in full_item.text and full_item.date == "2025-07-09"
    stored_page = articles[str(page)]
    assert not [chrome for chrome in PAGE_CHROME if chrome in stored_page.text]

    tmux.start("app", in_terminal(store), width=120, height=36)
    # With set-clipboard on, tmux keeps what a program sends with OSC 52 as a paste buffer (and would pass it on
    # to an outer terminal that has the Ms capability; a detached server has none, so the buffer is all there is).
    tmux.run("set-option", "-s", "set-clipboard", "on")
    tmux.wait_for("app", "Priya Nandakumar", "Ottilie Branagh", "Hamish Lindgren")
    search(tmux, "app", "lighthouse")
    tmux.wait_for("app", "Quotes 1 of")
    tmux.keys("app", "Enter")
    tmux.settle("app")
    tmux.keys("app", "a")
    first_and_last_lines = ("The town council voted seven to two", "before the autumn storms.")
    screen = tmux.wait_for("app", f"{OUTLET} · {DATE}", "quote 3/3", *first_and_last_lines)

    heading = next(line for line in screen.splitlines() if OUTLET in line)
    assert heading.strip() == f"{OUTLET} · {DATE} · by Helena Varga · {LINK}"
    assert not [chrome for chrome in PAGE_CHROME if chrome in screen]

    assert paste_buffer(tmux) is None
    tmux.keys("app", "y")
    citation = wait_until(lambda: paste_buffer(tmux), 10, "the citation in tmux's paste buffer")
    assert citation == (
        f"{QUOTE} — Priya Nandakumar, leader, Northshore Fishers' Cooperative (Port town approves tidal turbine pilot "
        "after a year of talks, "
        f"{OUTLET}, {DATE}, {LINK})"
    )
    tmux.keys("app", "q")
    tmux.wait_for("app", "Quotes")
    tmux.keys("app", "q")
    tmux.wait_for("app", "[exited 0]", timeout=10)
