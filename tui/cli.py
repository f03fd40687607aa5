"""The `whosaid` command: launch the browser, or ingest, search and extract from the shell."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from store import (
    ARTICLE_SUFFIXES,
    ArticleError,
    IngestOutcome,
    Store,
    WhosaidError,
    match_spans,
    open_existing_store,
    open_store,
    read_article_file,
    read_article_stream,
    resolve_store_path,
    shown_path,
)
from tui.launcher import resume_collector
from tui.safe_text import escape_json_text, printable_line

if TYPE_CHECKING:
    from store.model import Extraction

EXIT_OK = 0
EXIT_FAILURE = 2
INGEST_BATCH_SIZE = 100
STDIN_NAME = "-"
"""The file name that stands for standard input, for `extract` and `ingest`."""


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake in the arguments reported as one line (exit 2) rather than usage and error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print one line naming the mistake and where to look, then exit 2."""
        print_error(f"{message} (see '{self.prog} --help')")
        self.exit(EXIT_FAILURE)


def positive_integer(text: str) -> int:
    """A whole number of at least 1, for counts such as --batch-size and --limit."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def package_version() -> str:
    """The installed distribution's version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("whosaid")
    except PackageNotFoundError:
        return "unknown"


class VersionAction(argparse.Action):
    """--version, reading the installed version only when asked (it costs a metadata scan)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **options: object) -> None:
        super().__init__(option_strings, dest, nargs=0, **options)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"whosaid {package_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    store_options = Parser(add_help=False)
    store_options.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="store file (default: $WHOSAID_DB, else the user data directory)",
    )
    parser = Parser(
        prog="whosaid",
        description="Browse the people, organizations and quotes in news articles.",
        parents=[store_options],
    )
    parser.add_argument("--version", action=VersionAction, help="show the version and exit")
    parser.add_argument("--ascii", action="store_true", help="draw with plain ASCII borders (old terminals)")
    parser.add_argument("--no-mouse", action="store_true", help="do not turn on mouse reporting")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    ingest = commands.add_parser("ingest", parents=[store_options], help="extract articles and add them to the store")
    ingest.add_argument(
        "paths", nargs="+", metavar="FILE", help="article files (UTF-8 text), directories, or - for standard input"
    )
    ingest.add_argument(
        "--batch-size",
        type=positive_integer,
        default=INGEST_BATCH_SIZE,
        metavar="N",
        help=f"articles per write to the store (default: {INGEST_BATCH_SIZE})",
    )
    search = commands.add_parser("search", parents=[store_options], help="print the quotes matching keywords")
    search.add_argument("words", nargs="+", metavar="WORD", help='words; "a phrase" in quotes matches as one')
    search.add_argument("--json", action="store_true", help="print JSON")
    extract_command = commands.add_parser(
        "extract", help="print what extraction finds in articles, without storing them"
    )
    extract_command.add_argument(
        "paths", nargs="+", metavar="FILE", help="article files, directories, or - for standard input"
    )
    extract_command.add_argument("--json", action="store_true", help="print JSON")
    serve = commands.add_parser(
        "serve", parents=[store_options], help="serve whosaid to a team over SSH (read-only sessions)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8022, help="port to listen on (default: 8022)")
    serve.add_argument(
        "--authorized-keys", metavar="FILE", help="public keys allowed in (default: ~/.ssh/authorized_keys)"
    )
    serve.add_argument("--host-key", metavar="FILE", help="server host key (default: generated once, kept)")
    serve.add_argument("--max-sessions", type=int, default=16, help="simultaneous sessions (default: 16)")
    serve.add_argument(
        "--idle-timeout", type=float, default=30.0, metavar="MINUTES", help="idle session limit (default: 30)"
    )
    return parser


def print_error(message: str) -> None:
    """One line on stderr, safe for the terminal."""
    print(f"whosaid: {printable_line(message)}", file=sys.stderr)


def dump_json(document: object) -> str:
    """JSON text in which no character can act on a terminal."""
    import json

    return escape_json_text(json.dumps(document, ensure_ascii=False, indent=1))


@dataclass
class ArticleFiles:
    """The article files a command was given, directories expanded; what was skipped, and why."""

    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def article_files(paths: Sequence[str]) -> ArticleFiles:
    """Files named (`-` is standard input), directories expanded recursively to their *.txt and *.md files."""
    found = ArticleFiles()
    for name in paths:
        path = Path(name)
        if name == STDIN_NAME or not path.is_dir():
            found.files.append(name)
            continue
        articles, skipped = directory_articles(path)
        if not articles:
            found.errors.append(f"{shown_path(path)}: no .txt or .md articles in this directory")
        if skipped:
            found.notes.append(f"{shown_path(path)}: skipped {plural(skipped, 'file')} not named *.txt or *.md")
        found.files.extend(str(article) for article in articles)
    return found


def directory_articles(directory: Path) -> tuple[list[Path], int]:
    """A directory's article files, sorted, and how many other files it holds."""
    articles: list[Path] = []
    skipped = 0
    for path in directory.rglob("*"):
        if path.is_dir():
            continue
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            articles.append(path)
        else:
            skipped += 1
    return sorted(articles), skipped


def plural(count: int, noun: str) -> str:
    """`count noun`, with an s unless the count is one."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def read_article(name: str) -> str:
    """The text of one article file, or of standard input for `-`."""
    if name == STDIN_NAME:
        return read_article_stream(sys.stdin.buffer, "standard input")
    return read_article_file(Path(name))


class Lines:
    """Lines on standard output that stop quietly when the reader goes away (`| head`), so the work goes on."""

    def __init__(self) -> None:
        self.lost = False

    def write(self, line: str) -> None:
        """Print one line unless the reader has gone."""
        if not self.lost:
            try:
                sys.stdout.write(line + "\n")
            except BrokenPipeError:
                self._reader_gone()

    def flush(self) -> None:
        """Send what is buffered, unless the reader has gone."""
        if not self.lost:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                self._reader_gone()

    def _reader_gone(self) -> None:
        """Stop writing, and point standard output at /dev/null so the interpreter's last flush is silent."""
        self.lost = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass


def extraction_document(name: str, extraction: Extraction) -> dict[str, object]:
    """What extraction found in one article, as `extract --json` prints it."""
    return {
        "path": name,
        "title": extraction.title,
        "people": [
            {"name": p.name, "aliases": list(p.aliases), "role": p.role, "organization": p.organization}
            for p in extraction.people
        ],
        "organizations": [{"name": o.name, "aliases": list(o.aliases)} for o in extraction.organizations],
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end, "paragraph": q.paragraph}
            for q in extraction.quotes
        ],
    }


def extraction_lines(result: dict[str, Any]) -> Iterator[str]:
    """What extraction found in one article, as plain lines safe for a terminal."""
    yield printable_line(f"{result['path']}: {result['title']}")
    for person in result["people"]:
        details = ", ".join(x for x in (person["role"], person["organization"]) if x)
        yield printable_line(f"  person  {person['name']}" + (f" ({details})" if details else ""))
    for organization in result["organizations"]:
        yield printable_line(f"  org     {organization['name']}")
    for quote in result["quotes"]:
        speaker = quote["speaker"] or "unattributed"
        yield printable_line(f"  quote   \u201c{quote['text']}\u201d \u2014 {speaker}")


def run_extract(paths: Sequence[str], as_json: bool) -> int:
    """Print extraction results for each article; the store is not touched."""
    from store import extract

    found = article_files(paths)
    for message in (*found.errors, *found.notes):
        print_error(message)
    results = []
    failed = bool(found.errors)
    output = Lines()
    for name in found.files:
        try:
            text = read_article(name)
        except ArticleError as error:
            print_error(str(error))
            failed = True
            continue
        result = extraction_document(name, extract(text))
        if as_json:
            results.append(result)
        else:
            for line in extraction_lines(result):
                output.write(line)
    if as_json:
        output.write(dump_json({"articles": results}))
    output.flush()
    return EXIT_FAILURE if failed else EXIT_OK


def read_articles(names: Sequence[str], errors: list[str]) -> Iterator[tuple[str, str]]:
    """(source, text) of each readable article; a reason for each unreadable one goes to `errors`."""
    for name in names:
        try:
            yield name, read_article(name)
        except ArticleError as error:
            print_error(str(error))
            errors.append(str(error))


def outcome_line(outcome: IngestOutcome) -> str:
    """The line `ingest` prints for one article."""
    if outcome.added:
        return (
            f"added {outcome.source}: {outcome.title} \u2014 {outcome.people} people, "
            f"{outcome.organizations} organizations, {outcome.quotes} quotes"
        )
    return f"unchanged {outcome.source}: already stored ({outcome.title})"


def run_ingest(store_path: Path, paths: Sequence[str], batch_size: int = INGEST_BATCH_SIZE) -> int:
    """Store every readable article, whatever becomes of standard output; exit 2 when any article failed.

    A line per article goes to standard output; errors, skipped files and the summary go to stderr.
    """
    from tui.progress import IngestProgress

    found = article_files(paths)
    for message in (*found.errors, *found.notes):
        print_error(message)
    errors = list(found.errors)
    store = Store(store_path)
    output = Lines()
    added = unchanged = 0
    with IngestProgress(total=len(found.files)) as progress:
        for outcomes in store.ingest_in_batches(read_articles(found.files, errors), batch_size=batch_size):
            for outcome in outcomes:
                added += outcome.added
                unchanged += not outcome.added
                output.write(printable_line(outcome_line(outcome)))
            output.flush()
            progress.advance(len(outcomes))
    print(f"{added} added, 0 replaced, {unchanged} unchanged, {len(errors)} failed", file=sys.stderr)
    return EXIT_FAILURE if errors else EXIT_OK


def run_search(store_path: Path, words: Sequence[str], as_json: bool) -> int:
    """Print the quotes that match every word, with speaker and article."""
    query = " ".join(words)
    snapshot = open_existing_store(store_path).snapshot
    quotes = snapshot.search_quotes(query)
    if as_json:
        print(
            dump_json(
                {
                    "query": query,
                    "quotes": [
                        {
                            "text": quote.text,
                            "speaker": quote.speaker_name,
                            "article": quote.article_title,
                            "start": quote.start,
                            "end": quote.end,
                        }
                        for quote in quotes
                    ],
                }
            )
        )
        return EXIT_OK
    console = Console(highlight=False, soft_wrap=True)
    if not quotes:
        console.print(Text(printable_line(f"no quotes match {query}")))
        return EXIT_OK
    for quote in quotes:
        body = printable_line(quote.text.strip())
        line = Text("\u201c")
        line.append(body)
        for start, end in match_spans(body, query):
            line.stylize("bold reverse", start + 1, end + 1)
        line.append(f"\u201d \u2014 {printable_line(quote.speaker_name or 'unattributed')}", style="bold")
        line.append(f" ({printable_line(quote.article_title)})", style="dim")
        console.print(line)
    console.print(Text(f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}", style="dim"))
    return EXIT_OK


def run_app(store_path: Path, ascii_only: bool, mouse: bool) -> int:
    """Open the store (seeding an empty one) and run the browser until the user quits."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print_error(
            "the browser needs a terminal (its input or output is redirected); "
            "use 'whosaid search' or 'whosaid extract' in scripts"
        )
        return EXIT_FAILURE
    from tui.app import WhosaidApp

    store = open_store(store_path)
    if store.reads_quickly():
        store.open_snapshot()
    app = WhosaidApp(store, ascii_only=ascii_only)
    app.run(mouse=mouse)
    if app.exit_error:
        print_error(app.exit_error)
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `whosaid` command."""
    arguments = build_parser().parse_args(argv)
    if arguments.command is not None:
        resume_collector()
    try:
        if arguments.command == "extract":
            return run_extract(arguments.paths, arguments.json)
        store_path = resolve_store_path(getattr(arguments, "db", None))
        if arguments.command == "ingest":
            return run_ingest(store_path, arguments.paths, arguments.batch_size)
        if arguments.command == "search":
            return run_search(store_path, arguments.words, arguments.json)
        if arguments.command == "serve":
            from tui.ssh_server import run_server

            return run_server(arguments, store_path)
        return run_app(store_path, arguments.ascii, not arguments.no_mouse)
    except WhosaidError as error:
        print_error(str(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
