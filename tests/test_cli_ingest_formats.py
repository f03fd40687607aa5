"""`whosaid ingest` of every format: pages, feeds, JSON Lines, URLs, standard input; failures named, the rest kept."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from store import open_existing_store
from tests.conftest import SEED_PATH
from tests.test_readers import RSS, article_page
from tui.cli import main

QUOTE_LINE = "\u201cThe harbor will be busy again,\u201d said Daniel Reyes, the mayor of Portsmouth."
JSONL_ARTICLE = {
    "text": "Council backs ferry plan\n\n" + QUOTE_LINE + "\n",
    "title": "Council backs ferry plan",
    "url": "https://wire.example.com/ferry",
    "date": "2024-05-02",
    "source": "Wire Daily",
}


class Handler(BaseHTTPRequestHandler):
    """Serves a page, a feed whose items link to pages, and a 404."""

    routes: dict[str, tuple[str, bytes]] = {}

    def do_GET(self) -> None:
        """Answer from the routes, else 404."""
        kind, body = self.routes.get(self.path, ("text/html", b""))
        self.send_response(200 if self.path in self.routes else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def site() -> Iterator[str]:
    """A web server on 127.0.0.1 in a thread; its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    summary_feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Wire</title>
<item><title>Harbor expansion approved</title><link>{base}/harbor</link>
<pubDate>Wed, 12 Jun 2024 09:30:00 +0000</pubDate><description>The council voted.</description></item>
</channel></rss>""".encode()
    Handler.routes = {
        "/harbor": ("text/html; charset=utf-8", article_page(canonical="").encode()),
        "/feed": ("application/rss+xml", summary_feed),
    }
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


class FolderHandler(SimpleHTTPRequestHandler):
    """Serves a folder as `python3 -m http.server` does, with the content types it sends for these suffixes."""

    extensions_map = {
        ".rss": "application/x-rss+xml",
        ".jsonl": "application/octet-stream",
        ".pdf": "application/octet-stream",
        ".md": "text/markdown",
    }

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@contextlib.contextmanager
def served_folder(folder: Path) -> Iterator[str]:
    """A web server on 127.0.0.1 serving `folder`; its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(FolderHandler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_folder_served_by_python_s_http_server_is_read_by_each_file_s_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A feed sent as application/x-rss+xml and JSON Lines as application/octet-stream were refused as no article."""
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "feed.rss").write_bytes(RSS)
    (folder / "items.jsonl").write_text(json.dumps(JSONL_ARTICLE) + "\n", encoding="utf-8")
    launch = "# The **launch**\n\n" + QUOTE_LINE.replace("busy", "*busy*") + "\n"
    (folder / "launch.md").write_text(launch, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    store = tmp_path / "s.json"
    with served_folder(folder) as site:
        names = [f"{site}/{name}" for name in ("feed.rss", "items.jsonl", "launch.md", "scan.pdf")]
        assert main(["ingest", "--db", str(store), *names]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"whosaid: {site}/scan.pdf: not an article (the server sent application/octet-stream)",
        "5 added, 0 replaced, 0 unchanged, 1 failed",
    ]
    articles = stored_articles(store)
    assert articles["https://ledger.example.com/news/ferry"]["outlet"] == "The Coastal Ledger"
    assert articles["https://wire.example.com/ferry"]["title"] == "Council backs ferry plan"
    assert articles[f"{site}/launch.md"]["title"] == "The launch"
    [stored] = [article for article in open_existing_store(store).snapshot.articles if article.source.endswith(".md")]
    assert stored.text == "The launch\n\n" + QUOTE_LINE + "\n"


def stored_articles(store: Path) -> dict[str, dict[str, object]]:
    """The store's articles by source, with their metadata."""
    snapshot = open_existing_store(store).snapshot
    return {
        a.source: {"title": a.title, "outlet": a.outlet, "date": a.date, "url": a.url, "author": a.author}
        for a in snapshot.articles
    }


def test_a_saved_page_is_stored_with_its_metadata_and_without_its_navigation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "harbor.html"
    page.write_text(article_page(), encoding="utf-8")
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), str(page)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "1 added, 0 replaced, 0 unchanged, 0 failed"
    [article] = open_existing_store(store).snapshot.articles
    assert article.source == str(page)
    assert (article.outlet, article.date, article.author) == ("The Coastal Ledger", "2024-06-12", "Maria Okafor")
    assert article.url == "https://ledger.example.com/news/harbor-expansion"
    assert article.title == "Harbor expansion approved after long fight"
    assert "Daniel Reyes" in article.text and "Subscribe today" not in article.text
    assert "cookies" not in article.text


def test_a_feed_file_stores_each_item_under_its_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "ledger.rss"
    feed.write_bytes(RSS)
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), str(feed)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "3 added, 0 replaced, 0 unchanged, 0 failed"
    articles = stored_articles(store)
    assert set(articles) == {
        "https://ledger.example.com/news/harbor",
        "https://ledger.example.com/news/ferry",
        "https://ledger.example.com/news/lighthouse",
    }
    assert articles["https://ledger.example.com/news/ferry"]["outlet"] == "The Coastal Ledger"
    assert articles["https://ledger.example.com/news/ferry"]["date"] == "2024-06-13"
    assert main(["ingest", "--db", str(store), str(feed)]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "0 added, 0 replaced, 3 unchanged, 0 failed"


def test_jsonl_bad_line_is_named_by_number_and_the_rest_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "wire.jsonl"
    second = dict(JSONL_ARTICLE, url=None, text="Second story\n\n" + QUOTE_LINE.replace("busy", "full") + "\n")
    data.write_text(json.dumps(JSONL_ARTICLE) + "\n{broken\n" + json.dumps(second) + "\n", encoding="utf-8")
    text = tmp_path / "plain.txt"
    text.write_text("Plain story\n\n" + QUOTE_LINE.replace("busy", "loud") + "\n", encoding="utf-8")
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), str(data), str(text)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith(f"whosaid: {data}: line 2: not valid JSON") for line in err)
    assert err[-1] == "3 added, 0 replaced, 0 unchanged, 1 failed"
    articles = stored_articles(store)
    assert set(articles) == {"https://wire.example.com/ferry", f"{data}#3", str(text)}
    assert articles["https://wire.example.com/ferry"] == {
        "title": "Council backs ferry plan", "outlet": "Wire Daily", "date": "2024-05-02",
        "url": "https://wire.example.com/ferry", "author": None,
    }


def test_every_new_kind_of_bad_input_is_one_line_and_leaves_the_store_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], site: str
) -> None:
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), str(SEED_PATH)]) == 0
    before = stored_articles(store)
    capsys.readouterr()
    menu = tmp_path / "menu.html"
    menu.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    broken = tmp_path / "broken.rss"
    broken.write_text("<?xml version='1.0'?><rss><channel><item><title>x</item></rss>", encoding="utf-8")
    lines = tmp_path / "bad.jsonl"
    lines.write_text("{nope\n", encoding="utf-8")
    missing = f"{site}/missing"
    assert main(["ingest", "--db", str(store), str(menu), str(broken), str(lines), missing]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    errors = err.splitlines()
    assert len(errors) == 5 and errors[-1] == "0 added, 0 replaced, 0 unchanged, 4 failed"
    for line, name in zip(errors, (menu, broken, lines, missing), strict=False):
        assert line.startswith(f"whosaid: {name}") and "Traceback" not in line
    assert stored_articles(store) == before


def test_a_url_is_fetched_and_stored_under_it_and_again_replaces_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], site: str
) -> None:
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), f"{site}/harbor"]) == 0
    assert capsys.readouterr().out.startswith(f"added {site}/harbor: Harbor expansion approved")
    [article] = open_existing_store(store).snapshot.articles
    assert (article.source, article.url, article.outlet) == (f"{site}/harbor", f"{site}/harbor", "The Coastal Ledger")
    assert main(["ingest", "--db", str(store), f"{site}/harbor"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "0 added, 0 replaced, 1 unchanged, 0 failed"


def test_follow_fetches_the_pages_of_summary_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], site: str
) -> None:
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), f"{site}/feed"]) == 0
    [summary] = open_existing_store(store).snapshot.articles
    assert summary.text.strip() == "The council voted."
    assert main(["ingest", "--db", str(store), "--follow", f"{site}/feed"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == "0 added, 1 replaced, 0 unchanged, 0 failed"
    [full] = open_existing_store(store).snapshot.articles
    assert "Daniel Reyes" in full.text
    assert (full.source, full.outlet, full.date) == (f"{site}/harbor", "Harbor Wire", "2024-06-12")
    gone = Handler.routes.pop("/harbor")
    try:
        assert main(["ingest", "--db", str(store), "--follow", f"{site}/feed"]) == 2
    finally:
        Handler.routes["/harbor"] = gone
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "0 added, 0 replaced, 0 unchanged, 1 failed", "a page that fails is counted once"
    assert err[0].endswith("; the item was not stored")
    [kept] = open_existing_store(store).snapshot.articles
    assert "Daniel Reyes" in kept.text, "the article stored whole was replaced by the feed's summary"


def test_every_item_of_a_feed_whose_pages_all_fail_is_told_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], site: str
) -> None:
    """With every page of a followed feed missing, only the first was told, and the feed counted as one failure."""
    items = "".join(f"<item><title>Story {n}</title><link>{site}/gone{n}</link><description>Short.</description></item>"
                    for n in (1, 2))
    feed = tmp_path / "wire.rss"
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>W</title>{items}</channel></rss>",
                    encoding="utf-8")
    lines = tmp_path / "bad.jsonl"
    lines.write_text('{bad\n{"title": "x"}\n[1]\n', encoding="utf-8")
    assert main(["ingest", "--db", str(tmp_path / "s.json"), "--follow", str(feed), str(lines)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 2)[1] for line in err[:2]] == [f"{site}/gone1", f"{site}/gone2"]
    assert err[2] == (f"whosaid: {lines}: no article in the file (line 1: not valid JSON (Expecting property name "
                      "enclosed in double quotes at column 2); 2 other lines are not articles either)")
    assert err[-1] == "0 added, 0 replaced, 0 unchanged, 3 failed"


def test_a_page_on_standard_input_is_read_as_a_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(article_page().encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), "-"]) == 0
    [article] = open_existing_store(store).snapshot.articles
    assert (article.source, article.outlet) == ("-", "The Coastal Ledger")


MARKDOWN_NOTE = (
    "---\ntitle: Acme\n---\n# Acme Unveils a Battery\n\nAcme said its **new** battery lasts [twice as "
    "long](https://acme.example/b).\n\n\u201cIt is a leap,\u201d said Ann Lee, the chief executive.\n"
)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (MARKDOWN_NOTE, "Acme said its new battery lasts twice as long."),
        ("Plain\n\nAnn said it was **fine**, # and [so](on).\n", "Ann said it was **fine**, # and [so](on)."),
    ],
)
def test_markdown_on_standard_input_is_stored_as_the_same_file_would_be_and_plain_text_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, shown: str
) -> None:
    """Piped in, a Markdown note kept its heading, emphasis and link marks, and its quotes' offsets differed from
    the same note read from a .md file."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8"))
    piped = tmp_path / "piped.json"
    assert main(["ingest", "--db", str(piped), "-"]) == 0
    [article] = open_existing_store(piped).snapshot.articles
    assert shown in article.text.splitlines()
    if text is MARKDOWN_NOTE:
        (tmp_path / "note.md").write_text(text, encoding="utf-8")
        filed = tmp_path / "filed.json"
        assert main(["ingest", "--db", str(filed), str(tmp_path / "note.md")]) == 0
        [read] = open_existing_store(filed).snapshot.articles
        assert (read.title, read.text) == (article.title, article.text)


def test_a_directory_of_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.htm").write_text(article_page(), encoding="utf-8")
    (folder / "b.atom").write_bytes(RSS)
    (folder / "c.json").write_text(json.dumps([JSONL_ARTICLE]), encoding="utf-8")
    (folder / "d.md").write_text("---\ntitle: Front\nsource: Md Times\n---\n" + QUOTE_LINE + "\n", encoding="utf-8")
    (folder / "e.pdf").write_bytes(b"%PDF")
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), str(folder)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "6 added, 0 replaced, 0 unchanged, 0 failed"
    assert "skipped 1 file" in err[0]
    assert stored_articles(store)[str(folder / "d.md")]["outlet"] == "Md Times"


def test_the_seed_keeps_its_text_and_gains_no_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), str(SEED_PATH)]) == 0
    [article] = open_existing_store(store).snapshot.articles
    assert article.text == SEED_PATH.read_text(encoding="utf-8")
    assert (article.author, article.date, article.outlet, article.url) == (None, None, None, None)


def test_a_pipe_longer_than_the_input_limit_is_one_line_not_all_of_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`whosaid ingest /dev/zero` (or a shell's `<(…)`) read without end: a file's size is checked first, but a pipe
    or a device says none, and the read grew to gigabytes until memory ran out."""
    import os

    from store import sources

    monkeypatch.setattr(sources, "MAX_INPUT_BYTES", 1000)
    pipe = tmp_path / "articles"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_bytes(b'"A long night," said Ann Lee.\n' * 500))
    writer.start()
    assert main(["ingest", "--db", str(tmp_path / "store.json"), str(pipe)]) == 2
    writer.join(timeout=30)
    assert f"{pipe}: too large (the limit is 1000 bytes)" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_an_ingest_says_it_was_interrupted_and_what_was_stored(tmp_path: Path, jobs: str) -> None:
    """Ctrl-C ended an ingest without a word on stderr: whoever watched only stderr could not tell what was kept."""
    import signal
    import subprocess
    import sys
    import time

    from tests.conftest import REPO_ROOT
    from tests.test_ingest_jobs import write_articles

    folder, store = tmp_path / "news", tmp_path / "store.json"
    write_articles(folder, 400)
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "ingest", str(folder), "--db", str(store), "--batch-size", "5", "--jobs", jobs],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0,
    )
    assert process.stdout is not None
    first = process.stdout.readline().decode()  # unbuffered: no line read past the first is left behind
    assert first.startswith("added "), first
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    out, err = (stream.decode() for stream in process.communicate(timeout=60))
    if process.returncode == 0:
        pytest.skip("the ingest ended before the signal came")
    assert process.returncode == 130
    added = 1 + sum(line.startswith("added ") for line in out.splitlines())
    assert err.splitlines()[-1] == (
        f"interrupted: {added} added, 0 replaced, 0 unchanged, 0 failed; the articles listed were stored"
        " (and maybe the batch being written)"
    )
    stored = len(open_existing_store(store).snapshot.articles)
    assert added <= stored <= added + 5, "every article listed is stored, and at most the batch being written"


def test_a_spreadsheet_named_on_the_command_line_is_refused_and_a_file_of_no_suffix_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """"whosaid ingest notes.csv" stored the spreadsheet as a news article, though a folder skips it."""
    (tmp_path / "notes.csv").write_text("name,said\nAnn,hello\n", encoding="utf-8")
    (tmp_path / "story").write_text(QUOTE_LINE + "\n", encoding="utf-8")
    store = tmp_path / "s.json"
    assert main(["ingest", "--db", str(store), str(tmp_path / "notes.csv"), str(tmp_path / "story")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"whosaid: {tmp_path / 'notes.csv'}: a .csv file holds no article" in err[0]
    assert err[-1] == "1 added, 0 replaced, 0 unchanged, 1 failed"
    assert [article.source for article in open_existing_store(store).snapshot.articles] == [str(tmp_path / "story")]
    assert main(["extract", str(tmp_path / "notes.csv")]) == 2
