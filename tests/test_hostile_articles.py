"""Articles from anywhere: each gets a sane extraction or a one-line error, and nothing reaches the terminal.

Every case is run through `whosaid extract`, `whosaid extract --json` and `whosaid ingest` into a store
that already holds an article. Expected: exit 0 with output free of control sequences, or exit 2 with
one line on stderr naming the file, the store byte-for-byte unchanged, never a traceback or a hang.
"""

from __future__ import annotations

import codecs
import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.cli import main

SAFE_ARTICLE = "Council backs harbor plan\n\n\u201cWe did it,\u201d said Maria Lopez, the mayor.\n"
BODY = "\u201cWe will build it {0},\u201d said Maria Lopez, the mayor of Portsmouth.\n"
TERMINAL_CONTROLS = {chr(code) for code in range(0x20) if chr(code) not in "\n"} | {
    chr(code) for code in range(0x7F, 0xA0)
} | set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
SECONDS_PER_CASE = 40
"""A guard against hangs (work that grows faster than the input), not a speed target: the largest case extracts
a 1.2 MB article three times, on a machine that may be busy; speed is measured in benchmarks/."""


@dataclass(frozen=True)
class Case:
    """One hostile article: its file name, bytes, and the error expected (None: a sane extraction)."""

    name: str
    content: bytes
    error: str | None = None


def article(title: str, insert: str) -> bytes:
    """A small article whose title and quote carry `insert`."""
    return (f"{title} {insert}\n\n" + BODY.format(insert) + f"Later {insert} happened.\n").encode()


CASES = [
    Case("empty.txt", b"", "empty article"),
    Case("whitespace.txt", b"  \n\n\t \r\n", "empty article"),
    Case("binary.dat", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    Case("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "a .png file holds no article"),
    Case("nul.txt", b"Title\n\nSome text\x00with a NUL byte.\n", "binary file"),
    Case("latin1.txt", "Caf\u00e9 news\n\nJos\u00e9 said \"s\u00ed\".\n".encode("latin-1"), "not UTF-8"),
    Case("cp1252.txt", b"Smart quotes\n\n\x93We won,\x94 said Ann Lee.\n", "not UTF-8"),
    Case("utf16le.txt", codecs.BOM_UTF16_LE + SAFE_ARTICLE.encode("utf-16-le")),
    Case("utf16be.txt", codecs.BOM_UTF16_BE + SAFE_ARTICLE.encode("utf-16-be")),
    Case("utf8bom.txt", codecs.BOM_UTF8 + SAFE_ARTICLE.encode()),
    Case("cr.txt", SAFE_ARTICLE.replace("\n", "\r").encode()),
    Case("crlf.txt", SAFE_ARTICLE.replace("\n", "\r\n").encode()),
    Case("huge-line.txt", b"word " * (2 * 1024 * 1024), "too large"),
    Case("long-line.txt", ("x \u201cquoted\u201d said Ann Lee. " * 40_000).encode()),
    Case("quote-marks.txt", b"Marks\n\n" + b'"' * 10_000 + "\u201c".encode() * 5_000 + b"\n"),
    Case("unbalanced.txt", "Open\n\n\u201cNever closed, said Ann Lee.\n\u201d\u201d\u201c\n\"a \"b\n".encode()),
    Case("nested.txt", "N\n\n\u201cShe said \u2018no\u2019 and \"maybe\",\u201d said Ann Lee.\n".encode()),
    Case("markup.txt", article("Markup", "[bold]red[/] [/ [link=http://x]y[/link]")),
    Case("click.txt", article("Click", "[@click=app.quit]quit[/]")),
    Case("csi.txt", article("CSI", "\x1b[31mred\x1b[0m \x1b[2J\x1b[H")),
    Case("osc-title.txt", article("OSC", "\x1b]0;owned\x07 \x1b]2;title\x1b\\")),
    Case("osc52.txt", article("Clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07")),
    Case("cursor.txt", article("Cursor", "\x1b[10A\x1b[5C\x1b7\x1b8\x1b[?1049h")),
    Case("c0.txt", article("Bells", "\x07\x08\x0b\x0c\x0e\x0f\x1a\x7f")),
    Case("c1.txt", article("C1", "\u0085\u009b31m\u009d0;x\u009c")),
    Case("bidi.txt", article("Bidi", "\u202eevil\u202c \u2066x\u2069 \u200f")),
    Case("zero-width.txt", article("Zero", "Ma\u200bria\u200d Lo\ufeffpez\u2060")),
    Case("emoji-cjk.txt", article("Emoji", "\U0001f680\U0001f525 \u4e2d\u6587\u65b0\u95fb \u65e5\u672c")),
    Case("rtl.txt", article("RTL", "\u0645\u0631\u062d\u0628\u0627 \u05d3\u05d5\u05d3 \u05dc\u05d5\u05d9")),
    Case("long-name.txt", ("Name\n\n\u201cHi,\u201d said " + "A" * 5000 + " Lopez.\n").encode()),
    Case("name with spaces.txt", SAFE_ARTICLE.encode()),
    Case("name \"with\" 'quotes'.txt", SAFE_ARTICLE.encode()),
    Case("name\nwith\nnewlines.txt", SAFE_ARTICLE.encode()),
    Case("n\u00e4me-\u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9-\u65b0.txt", SAFE_ARTICLE.encode()),
    Case("escape\x1b[31m-in-name.txt", SAFE_ARTICLE.encode()),
]


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail instead of hanging when a case runs too long."""

    def expire(_signal: int, _frame: object) -> None:
        raise TimeoutError(f"took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def assert_terminal_safe(output: str) -> None:
    """No character of the output can move the cursor, change colors or write the clipboard."""
    found = sorted({f"U+{ord(c):04X}" for c in output if c in TERMINAL_CONTROLS})
    assert not found, f"control characters reached the terminal: {found}"


@pytest.fixture
def existing_store(tmp_path: Path) -> Path:
    """A store holding one article already."""
    path = tmp_path / "store.json"
    safe = tmp_path / "safe.txt"
    safe.write_text("Earlier story\n\n\u201cIt rained,\u201d said Tom Berg, a farmer.\n", encoding="utf-8")
    assert main(["ingest", "--db", str(path), str(safe)]) == 0
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="file names with newlines and SIGALRM need POSIX")
@pytest.mark.parametrize("case", CASES, ids=[c.name.encode("unicode_escape").decode() for c in CASES])
def test_hostile_article(case: Case, tmp_path: Path, existing_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.content)
    capsys.readouterr()
    before = existing_store.read_bytes()
    runs = []
    with time_limit(SECONDS_PER_CASE):
        for arguments in (["extract", str(path)], ["extract", str(path), "--json"],
                          ["ingest", "--db", str(existing_store), str(path)]):
            code = main(arguments)
            runs.append((code, *capsys.readouterr()))
    for _code, out, err in runs:
        assert_terminal_safe(out)
        assert_terminal_safe(err)
        assert "Traceback" not in err
    summaries = ["", "", "0 added, 0 replaced, 0 unchanged, 1 failed" if case.error else ""]
    if case.error:
        for (code, _out, err), summary in zip(runs, summaries, strict=True):
            assert code == 2
            line, *rest = err.splitlines()
            assert case.error in line and line.startswith("whosaid: ")
            assert rest == ([summary] if summary else [])
        assert existing_store.read_bytes() == before
        return
    assert [(code, err) for code, _out, err in runs] == [
        (0, ""), (0, ""), (0, "1 added, 0 replaced, 0 unchanged, 0 failed\n")
    ]
    [extracted] = json.loads(runs[1][1])["articles"]
    text = path.read_bytes().decode("utf-16" if case.name.startswith("utf16") else "utf-8-sig")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for quote in extracted["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    assert runs[2][1].startswith("added ")


def test_json_output_keeps_article_text_exact_but_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("T\n\n\u201cRed \x1b[31m [bold]x[/] \u202e here,\u201d said Ann Lee.\n", encoding="utf-8")
    assert main(["extract", str(path), "--json"]) == 0
    output = capsys.readouterr().out
    assert "\\u001b[31m" in output and "\\u202e" in output
    [quote] = json.loads(output)["articles"][0]["quotes"]
    assert quote["text"] == "Red \x1b[31m [bold]x[/] \u202e here,"
