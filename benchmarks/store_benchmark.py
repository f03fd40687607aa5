"""The store at scale: ingest, open, search, launch, keystroke latency and memory, each against a baseline.

    python benchmarks/store_benchmark.py [--articles 10000] [--queries 200] [--skip-terminal] [--rounds 9]
    python benchmarks/store_benchmark.py --store STORE.json --only shell   # `whosaid search` on a store made before

Every figure is printed with a baseline measured in the same run on the same data, and the ratio:
- ingest throughput (extraction included) against extraction alone;
- opening the store, ready to search, against TinyDB's own JSONStorage reading the same documents;
- keyword search p50/p95 over realistic queries against SQLite FTS5 (stdlib sqlite3) on the same quotes;
- `whosaid search WORD --json` (and plain, and `| head -1`) as a whole process, for a word most quotes hold, a
  phrase a handful hold and a word at most five hold, against a Python process that queries an SQLite FTS5 table
  of the quote texts and prints every match as a JSON object with its text;
- launch until the panes are on screen (tmux) against a minimal Textual app, with the seed alone and at scale;
- a keystroke in the search box until results are drawn against the same keystroke in a minimal app;
- peak memory of the app with the store open against the minimal app.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.synthetic import synthetic_corpus  # noqa: E402
from store import Store, extract, open_store  # noqa: E402
from store.search import parse_query  # noqa: E402

MINIMAL_APP = '''
from textual.app import App
from textual.widgets import Footer, Header, Input, Static
class Minimal(App):
    def compose(self):
        yield Header()
        yield Input(id="search")
        yield Static("People ready", id="echo")
        yield Footer()
    def on_input_changed(self, event):
        self.query_one("#echo", Static).update(event.value)
if __name__ == "__main__":
    Minimal().run()
'''


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the sorted values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def report(name: str, ours: float, baseline: float, unit: str, baseline_name: str) -> dict[str, object]:
    """Print one figure with its baseline and ratio; return it for the JSON summary."""
    ratio = ours / baseline if baseline else float("inf")
    print(f"{name:<40} {ours:10.3f} {unit:<6} baseline {baseline:10.3f} {unit:<6} ({baseline_name})  ratio {ratio:.2f}")
    return {"figure": name, "value": ours, "baseline": baseline, "unit": unit, "ratio": ratio, "against": baseline_name}


def measure_ingest(texts: list[str], store_path: Path) -> list[dict[str, object]]:
    """Articles per second through `Store.ingest` against extraction alone."""
    started = time.perf_counter()
    for text in texts:
        extract(text)
    extraction_rate = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    Store(store_path).ingest(((f"synthetic-{n}.txt", text) for n, text in enumerate(texts)), batch_size=1000)
    ingest_rate = len(texts) / (time.perf_counter() - started)
    return [report("ingest throughput (articles/s)", ingest_rate, extraction_rate, "art/s", "extraction alone")]


def single_file_copy(store_path: Path, destination: Path) -> None:
    """The same documents as one plain TinyDB JSON file, for the naive baseline."""
    from store.database import read_tables

    tables = read_tables(store_path) or {}
    destination.write_text(json.dumps({name: tables[name] for name in tables}), encoding="utf-8")


def measure_open(store_path: Path, work: Path) -> list[dict[str, object]]:
    """Opening the store until a search can be answered, against TinyDB's default storage."""
    from tinydb import TinyDB

    naive = work / "naive.json"
    single_file_copy(store_path, naive)
    ours, theirs = [], []
    for _ in range(3):
        started = time.perf_counter()
        Store(store_path).snapshot.search_quotes("market")
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        database = TinyDB(naive)
        database.table("quotes").all()
        database.table("people").all()
        database.table("organizations").all()
        database.table("articles").all()
        database.close()
        theirs.append(time.perf_counter() - started)
    return [report("open store, ready to search (s)", min(ours), min(theirs), "s", "TinyDB JSONStorage read")]


def realistic_queries(texts: list[str], count: int, seed: int = 11) -> list[str]:
    """1–3 word queries, prefixes and phrases drawn from the quotes' own words."""
    rng = random.Random(seed)
    words = [w for text in texts[:2000] for w in re.findall(r"[A-Za-z]{4,}", text)]
    queries: list[str] = []
    while len(queries) < count:
        kind = len(queries) % 4
        if kind == 0:
            queries.append(rng.choice(words).lower() + " ")
        elif kind == 1:
            queries.append(" ".join(rng.sample(words, 2)).lower() + " ")
        elif kind == 2:
            word = rng.choice(words).lower()
            queries.append(word[: max(3, len(word) - 3)])
        else:
            text = rng.choice(texts)
            tokens = re.findall(r"[A-Za-z]+", text)
            start = rng.randrange(max(1, len(tokens) - 3))
            queries.append('"' + " ".join(tokens[start : start + 2]).lower() + '" ')
    return queries


def fts_query(query: str) -> str:
    """The same query in SQLite FTS5 syntax."""
    parsed = parse_query(query)
    parts = []
    for term in parsed.terms:
        body = " ".join(term.tokens)
        parts.append(f'"{body}"' + ("*" if term.last_is_prefix else ""))
    return " AND ".join(parts)


def measure_search(store_path: Path, query_count: int) -> list[dict[str, object]]:
    """Keyword search latency, p50 and p95, against SQLite FTS5 over the same quotes and queries."""
    snapshot = Store(store_path).snapshot
    quote_texts = snapshot.stored_quotes.texts()
    queries = realistic_queries(quote_texts, query_count)
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE quotes USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    connection.executemany("INSERT INTO quotes(rowid, text) VALUES (?, ?)", enumerate(quote_texts))
    connection.commit()
    snapshot.search_quotes("warm up")
    ours, theirs, mismatches = [], [], 0
    for query in queries:
        started = time.perf_counter()
        found = snapshot.search_quotes(query)
        visible = found[:50]
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        rows = connection.execute(
            "SELECT rowid, text FROM quotes WHERE quotes MATCH ? ORDER BY rowid", (fts_query(query),)
        ).fetchall()
        theirs.append(time.perf_counter() - started)
        mismatches += len(found) != len(rows)
        del visible
    print(f"  {len(queries)} queries over {len(quote_texts)} quotes; result counts differ from FTS5 on {mismatches}")
    return [
        report("keyword search p50 (ms)", 1000 * percentile(ours, 0.5), 1000 * percentile(theirs, 0.5), "ms", "FTS5"),
        report("keyword search p95 (ms)", 1000 * percentile(ours, 0.95), 1000 * percentile(theirs, 0.95), "ms", "FTS5"),
    ]


FTS_PRINTER = """
import json, sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
write = sys.stdout.write
for (text,) in connection.execute("SELECT text FROM quotes WHERE quotes MATCH ? ORDER BY rowid", (sys.argv[2],)):
    write(json.dumps({"text": text}) + "\\n")
"""
"""The baseline process: every quote an FTS5 query matches, in stored order, one JSON object a line."""


def fts_database(texts: list[str], path: Path) -> None:
    """An SQLite FTS5 table of the quote texts, rowid their stored position, on disk as a process would open it."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIRTUAL TABLE quotes USING fts5(text, tokenize='unicode61 remove_diacritics 2')")
    connection.executemany("INSERT INTO quotes(rowid, text) VALUES (?, ?)", enumerate(texts))
    connection.commit()
    connection.close()


def common_word(texts: list[str]) -> str:
    """The word of four letters or more that the most of the first 20,000 quotes hold."""
    counts: dict[str, int] = {}
    for text in texts[:20_000]:
        for word in set(re.findall(r"[a-z]{4,}", text.lower())):
            counts[word] = counts.get(word, 0) + 1
    return max(counts, key=lambda word: counts[word])


def shell_queries(texts: list[str], database: Path, seed: int = 5) -> dict[str, tuple[str, str]]:
    """Three queries as (whosaid words, FTS5 query): the word the most quotes hold, a phrase of four words of one
    quote that only a handful of quotes (at most 20) hold, and a word that at most five quotes hold."""
    common = common_word(texts)
    queries = {"common word": (common, common)}
    connection = sqlite3.connect(database)
    chooser = random.Random(seed)
    for _ in range(500):
        words = re.findall(r"[A-Za-z]+", chooser.choice(texts))
        if len(words) < 4:
            continue
        start = chooser.randrange(len(words) - 3)
        phrase = " ".join(words[start : start + 4]).lower()
        found = connection.execute("SELECT count(*) FROM quotes WHERE quotes MATCH ?", (f'"{phrase}"',)).fetchone()[0]
        if 1 <= found <= 20:
            queries["rare phrase"] = (f'"{phrase}"', f'"{phrase}"')
            break
    for _ in range(2000):
        words = re.findall(r"[A-Za-z]{4,}", chooser.choice(texts))
        if not words:
            continue
        word = chooser.choice(words).lower()
        found = connection.execute("SELECT count(*) FROM quotes WHERE quotes MATCH ?", (f'"{word}"',)).fetchone()[0]
        if 1 <= found <= 5:
            queries["rare word"] = (word, f'"{word}"')
            break
    connection.close()
    return queries


def prepared_shell_queries(store_path: Path, database: Path) -> dict[str, tuple[str, str]]:
    """The FTS5 table of a store's quote texts, written to `database`, and the `shell_queries` to time: made in a
    process of its own, so that the one timing the commands holds none of the store (at 100,000 articles, 2 GB
    held there slowed each command measured beside it by a fifth)."""
    texts = Store(store_path).snapshot.stored_quotes.texts()
    fts_database(texts, database)
    return shell_queries(texts, database)


def process_seconds(command: list[str]) -> tuple[float, int]:
    """Wall seconds a command takes, its standard output read to the end as `| wc -l` reads it (a chunk at a time,
    not held: hundreds of MB held here slowed the command with the most output), and how many lines it printed."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    lines = 0
    while chunk := process.stdout.read(OUTPUT_CHUNK):
        lines += chunk.count(b"\n")
    process.wait()
    return time.perf_counter() - started, lines


OUTPUT_CHUNK = 1 << 20
"""Bytes of a measured command's output read at a time."""


def first_line_seconds(command: list[str]) -> tuple[float, float]:
    """Seconds until a command's first line is read (as `| head -1` would), and until it has exited after the
    reader closed the pipe."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    process.stdout.readline()
    first = time.perf_counter() - started
    process.stdout.close()
    process.wait()
    return first, time.perf_counter() - started


def measure_shell_search(store_path: Path, work: Path, rounds: int) -> list[dict[str, object]]:
    """`whosaid search` as a whole process against a Python process printing the FTS5 matches as JSON, the two
    run in turn round by round (medians), for a common word and for a rare phrase."""
    whosaid = shutil.which("whosaid", path=str(Path(sys.executable).parent)) or "whosaid"
    database = work / "quotes.sqlite"
    with ProcessPoolExecutor(max_workers=1) as preparing:
        queries = preparing.submit(prepared_shell_queries, store_path, database).result()
    printer = work / "fts_printer.py"
    printer.write_text(FTS_PRINTER, encoding="utf-8")
    results: list[dict[str, object]] = []
    for label, (words, fts) in queries.items():
        baseline_command = [sys.executable, str(printer), str(database), fts]
        commands = {
            "json": [whosaid, "search", words, "--json", "--db", str(store_path)],
            "plain": [whosaid, "search", words, "--db", str(store_path)],
        }
        timings: dict[str, list[float]] = {"baseline": [], "json": [], "plain": [], "first": [], "closed": []}
        lines: dict[str, int] = {}
        for _ in range(rounds):
            elapsed, lines["baseline"] = process_seconds(baseline_command)
            timings["baseline"].append(elapsed)
            for form, command in commands.items():
                elapsed, lines[form] = process_seconds(command)
                timings[form].append(elapsed)
            first, closed = first_line_seconds(commands["plain"])
            timings["first"].append(first)
            timings["closed"].append(closed)
        median = {name: statistics.median(values) for name, values in timings.items()}
        print(f"  {label} {words}: FTS5 prints {lines['baseline']} quotes, whosaid {lines['plain']}")
        baseline_name = "python + FTS5 printing JSON"
        results += [
            report(f"search {label} --json, whole (s)", median["json"], median["baseline"], "s", baseline_name),
            report(f"search {label} plain, whole (s)", median["plain"], median["baseline"], "s", baseline_name),
            report(f"search {label} | head -1, first line (s)", median["first"], median["baseline"], "s",
                   baseline_name),
            report(f"search {label} | head -1, exited (s)", median["closed"], median["baseline"], "s", baseline_name),
        ]
    return results


def launch_once(
    command: str,
    expected: str,
    environment: dict[str, str],
    session: str,
    settle: float = 0.0,
    then_typed: tuple[str, ...] = (),
) -> tuple[float, int]:
    """Seconds from launching `command` in a fresh tmux server until `expected` is on screen, and peak RSS in kB
    `settle` seconds later (time for the app's background reading), and as long again after typing `then_typed`
    (tmux key names, one a second)."""
    started = time.perf_counter()
    subprocess.run(
        ["tmux", "-L", session, "new-session", "-d", "-s", session, "-x", "120", "-y", "36",
         "env", *[f"{k}={v}" for k, v in environment.items()], "sh", "-c", command],
        check=True,
    )
    deadline = started + 60
    while time.perf_counter() < deadline:
        capture = ["tmux", "-L", session, "capture-pane", "-p", "-t", session]
        if expected in subprocess.run(capture, capture_output=True, text=True).stdout:
            break
        time.sleep(0.005)
    elapsed = time.perf_counter() - started
    pane_pid = subprocess.run(
        ["tmux", "-L", session, "display-message", "-p", "-t", session, "#{pane_pid}"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    settle_until_idle(pane_pid, settle)
    for key in then_typed:
        subprocess.run(["tmux", "-L", session, "send-keys", "-t", session, key], check=True)
        time.sleep(1)
    if then_typed:
        settle_until_idle(pane_pid, settle)
    peak = peak_memory_kb(pane_pid)
    subprocess.run(["tmux", "-L", session, "kill-server"], check=False)
    return elapsed, peak


def launch_times(
    launches: dict[str, tuple[str, str]],
    environment: dict[str, str],
    rounds: int,
    settle: float = 3.0,
    typed: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, tuple[float, int]]:
    """Median launch time and peak memory of each (command, expected text), the launches interleaved round
    by round so that a machine busier in one moment slows every command alike; `typed`, by launch, keys typed
    once the app is up (see `launch_once`)."""
    timings: dict[str, list[float]] = {name: [] for name in launches}
    peaks: dict[str, int] = dict.fromkeys(launches, 0)
    for round_number in range(rounds):
        for name, (command, expected) in launches.items():
            session = f"whosaid-bench-{os.getpid()}-{name}-{round_number}"
            elapsed, peak = launch_once(command, expected, environment, session, settle, (typed or {}).get(name, ()))
            timings[name].append(elapsed)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(timings[name]), peaks[name]) for name in launches}


def settle_until_idle(pid: str, at_least: float, quiet: float = 2.0, longest: float = 180.0) -> None:
    """Wait `at_least` seconds, then until the process (or, for a shell, its children) has used no processor for
    `quiet` seconds: a big store's app reads and indexes it in the background for tens of seconds, and its peak
    memory is reached only then."""
    time.sleep(at_least)
    deadline = time.perf_counter() + longest
    last, still_since = -1, time.perf_counter()
    while time.perf_counter() < deadline:
        used = processor_ticks(pid)
        if used != last:
            last, still_since = used, time.perf_counter()
        elif time.perf_counter() - still_since >= quiet:
            return
        time.sleep(0.25)


def processor_ticks(pid: str) -> int:
    """Clock ticks of processor a process and its children have used so far."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    total = 0
    for candidate in [pid, *(children.read_text().split() if children.exists() else ())]:
        try:
            fields = Path(f"/proc/{candidate}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total


def peak_memory_kb(pid: str) -> int:
    """VmHWM of a process or, for a shell, of its largest child."""
    candidates = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        candidates += children.read_text().split()
    peak = 0
    for candidate in candidates:
        try:
            status = Path(f"/proc/{candidate}/status").read_text()
        except OSError:
            continue
        found = re.search(r"VmHWM:\s+(\d+)", status)
        peak = max(peak, int(found.group(1)) if found else 0)
    return peak


def measure_terminal(store_path: Path, work: Path, rounds: int) -> list[dict[str, object]]:
    """Launch time and memory in a real terminal, against a minimal Textual app."""
    minimal = work / "minimal_app.py"
    minimal.write_text(MINIMAL_APP, encoding="utf-8")
    whosaid = shutil.which("whosaid", path=str(Path(sys.executable).parent)) or "whosaid"
    environment = {"TERM": "xterm-256color", "HOME": str(work)}
    seed_store = work / "seed-only" / "store.json"
    seed_quotes = open_store(seed_store).summary().quotes  # a new store, seeded as the app's first launch seeds it
    snapshot = Store(store_path).snapshot
    quote_count = snapshot.summary().quotes
    first_person = snapshot.people[0].name
    word = common_word(snapshot.stored_quotes.texts())
    sorted_settings = work / "sorted" / "whosaid" / "config.toml"
    sorted_settings.parent.mkdir(parents=True, exist_ok=True)
    sorted_settings.write_text(SORTED_PANES, encoding="utf-8")
    measured = launch_times(
        {
            "minimal": (f"{sys.executable} {minimal}", "People ready"),
            "seed": (f"{whosaid} --db {seed_store}", f"Quotes {seed_quotes}"),
            "scale": (f"{whosaid} --db {store_path}", "Quotes"),
            "filled": (f"{whosaid} --db {store_path}", first_person),
            "whole": (f"{whosaid} --db {store_path}", f"Quotes {quote_count}"),
            "searched": (f"{whosaid} --db {store_path}", f"Quotes {quote_count}"),
            "sorted": (f"XDG_CONFIG_HOME={work / 'sorted'} {whosaid} --db {store_path}", f"Quotes {quote_count}"),
        },
        environment,
        rounds,
        typed={"searched": ("/", word, "Escape", "1", "End", "3", "End", "Enter")},
    )
    baseline, baseline_memory = measured["minimal"]
    return [
        report("launch to panes filled, seed only (s)", measured["seed"][0], baseline, "s", "minimal Textual app"),
        report("launch to panes, at scale (s)", measured["scale"][0], baseline, "s", "minimal Textual app"),
        report("launch to panes filled, at scale (s)", measured["filled"][0], baseline, "s", "minimal Textual app"),
        report("launch to the whole store listed, at scale (s)", measured["whole"][0], baseline, "s",
               "minimal Textual app"),
        report("peak memory, at scale, once idle (MB)", measured["whole"][1] / 1024, baseline_memory / 1024, "MB",
               "minimal Textual app"),
        report(f"peak memory after searching {word!r}, at scale (MB)", measured["searched"][1] / 1024,
               baseline_memory / 1024, "MB", "minimal Textual app"),
        report("peak memory with every pane's order saved, at scale, once idle (MB)", measured["sorted"][1] / 1024,
               baseline_memory / 1024, "MB", "minimal Textual app"),
    ]


SORTED_PANES = """[sort]
people = "count"
organizations = "count"
quotes = "date"
articles = "date"
"""
"""Settings that put every pane in an order of its own (a user's saved choice), which the app makes once it has
read the store: their lists are held beside the store's."""


ShownText = Callable[[object], tuple[object, Callable[[], str]]]
"""For an app: the widget that shows a search's results, and what search its content was made for."""


async def keystroke_latencies(
    app_factory: Callable[[], object], queries: list[str], shown_text: ShownText, open_search: tuple[str, ...]
) -> list[float]:
    """Seconds from each key sent to the search box until a frame was drawn in which the results widget
    had been rendered for the text typed so far."""
    from textual import events

    app = app_factory()
    frames: list[tuple[float, str]] = []
    rendered = [""]
    draw = app._display  # type: ignore[attr-defined]

    def draw_and_record(screen: object, renderable: object) -> None:
        draw(screen, renderable)
        frames.append((time.perf_counter(), rendered[0]))

    app._display = draw_and_record  # type: ignore[attr-defined]
    latencies = []
    async with app.run_test(size=(120, 36)) as pilot:  # type: ignore[attr-defined]
        widget, made_for = shown_text(app)
        render_lines = widget.render_lines  # type: ignore[attr-defined]

        def render_and_record(crop: object) -> object:
            rendered[0] = made_for()
            return render_lines(crop)

        widget.render_lines = render_and_record  # type: ignore[attr-defined]
        await pilot.press(*open_search)
        await pilot.pause()
        await until_idle(app)
        for query in queries:
            typed = ""
            for character in query:
                typed += character
                started = time.perf_counter()
                first_frame = len(frames)
                app._driver.send_message(events.Key("space" if character == " " else character, character))  # type: ignore[attr-defined]
                while time.perf_counter() - started < 10:
                    await asyncio.sleep(0.0002)
                    shown = next((at for at, text in frames[first_frame:] if text == typed), None)
                    if shown is not None:
                        latencies.append(shown - started)
                        break
            await pilot.press(*["backspace"] * len(query))
            await pilot.pause()
    return latencies


async def until_idle(app: object, longest: float = 300.0) -> None:
    """Wait until the app's workers are done (a big store is read and prepared in the background after the panes
    are filled), as a user who starts typing once the panes are filled at 10,000 articles would."""
    started = time.perf_counter()
    while time.perf_counter() - started < longest:
        if not any(worker.is_running for worker in app.workers):  # type: ignore[attr-defined]
            return
        await asyncio.sleep(0.1)


def whosaid_results(app: object) -> tuple[object, Callable[[], str]]:
    """The quotes list, and the search its rows were set for."""
    from tui.panes import QuotesPane

    pane = app.screen.query_one(QuotesPane)  # type: ignore[attr-defined]
    return pane.rows, lambda: pane.search_text


def minimal_results(app: object) -> tuple[object, Callable[[], str]]:
    """The minimal app's echo, and the text it echoes."""
    echo = app.query_one("#echo")  # type: ignore[attr-defined]
    return echo, lambda: str(echo.content)


def measure_keystrokes(store_path: Path, work: Path) -> list[dict[str, object]]:
    """Median keystroke-to-screen latency in the search box, against a minimal app with an Input."""
    from tui.app import WhosaidApp

    namespace: dict[str, object] = {}
    exec(MINIMAL_APP.replace('if __name__ == "__main__":\n    Minimal().run()', ""), namespace)
    minimal_class = namespace["Minimal"]
    queries = ["market", "joint prod", "confidence", "costs higher", "we expect"]
    store = Store(store_path)
    ours = asyncio.run(keystroke_latencies(lambda: WhosaidApp(store), queries, whosaid_results, ("slash",)))
    theirs = asyncio.run(
        keystroke_latencies(lambda: minimal_class(), queries, minimal_results, ())  # type: ignore[operator]
    )
    return [
        report("keystroke to results, median (ms)", 1000 * statistics.median(ours),
               1000 * statistics.median(theirs), "ms", "minimal app Input"),
    ]


MEASUREMENTS = ("ingest", "open", "search", "shell", "keystrokes", "terminal")


def main() -> int:
    """Build the corpus (or take a store), run the measurements asked for, print the table, write results.json."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--store", type=Path, help="measure this store (only read) instead of ingesting a corpus")
    parser.add_argument("--only", action="append", choices=MEASUREMENTS, help="run only these measurements")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--skip-terminal", action="store_true", help="skip the tmux launch and memory figures")
    parser.add_argument("--rounds", type=int, default=9, help="launches of each app, interleaved (median taken)")
    parser.add_argument("--output", type=Path, default=Path(__file__).with_name("results.json"))
    arguments = parser.parse_args()
    chosen = set(arguments.only or MEASUREMENTS) - ({"terminal"} if arguments.skip_terminal else set())
    work = Path(tempfile.mkdtemp(prefix="whosaid-bench-"))
    try:
        results: list[dict[str, object]] = []
        if arguments.store is not None:
            store_path = arguments.store
            chosen.discard("ingest")
        else:
            texts = list(synthetic_corpus(arguments.articles))
            store_path = work / "store" / "store.json"
            words = sum(len(t.split()) for t in texts) // len(texts)
            print(f"corpus: {len(texts)} synthetic articles, {words} words each")
            results += measure_ingest(texts, store_path)
        summary = Store(store_path).summary()
        print(f"  store: {summary.articles} articles, {summary.quotes} quotes, {summary.people} people")
        if "open" in chosen:
            results += measure_open(store_path, work)
        if "search" in chosen:
            results += measure_search(store_path, arguments.queries)
        if "shell" in chosen:
            results += measure_shell_search(store_path, work, max(3, arguments.rounds // 3))
        if "keystrokes" in chosen:
            results += measure_keystrokes(store_path, work)
        if "terminal" in chosen and shutil.which("tmux"):
            results += measure_terminal(store_path, work, arguments.rounds)
        arguments.output.write_text(json.dumps(results, indent=1), encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
