"""The `whosaid` command: launch the browser, or ingest, search and extract from the shell."""

from __future__ import annotations

import argparse
import errno
import os
import re
import stat
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from itertools import chain, dropwhile, islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from store.citations import role_and_organization, speaker_line
from store.collector import collector_paused
from store.errors import ArticleError, StoreError, WhosaidError, shown_path
from store.location import resolve_store_path
from store.search import (
    DATE_ORDERS,
    NOT_A_DATE,
    SORT_ORDERS,
    ParsedQuery,
    is_date_start,
    match_spans,
    parse_query,
    query_problem,
)
from tui.launcher import resume_collector
from tui.safe_text import escape_json_text, printable_line

if TYPE_CHECKING:
    import multiprocessing.pool

    from store import IngestOutcome, Snapshot, Store
    from store.keyed_index import KeyedStore
    from store.model import Extraction
    from store.quote_documents import Attribution, QuoteDocuments
    from store.quote_records import QuoteSelection
    from store.sources import InputArticle
    from store.storage import Tables
    from store.streamed_listing import StreamedGroups, StreamedQuotes
    from tui.forked_lines import ForkedLines

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_FAILURE = 2
INGEST_BATCH_SIZE = 500
STDIN_NAME = "-"
"""The file name that stands for standard input, for `extract` and `ingest`."""


SEARCH_DESCRIPTION = """\
Print the quotes that match every word and "quoted phrase", each in the quote's
text, in the name of who said it or of the organization they spoke for (so a
name alone, say sullivan, finds that person's quotes, and an organization's
name those it and its people said). Case and accents are ignored; words match
whole (produc* matches production); a word with symbols, like C++ or AT&T,
matches as written. In the query, speaker:NAME, org:NAME, article:TEXT,
source:OUTLET and date:2024-06 work like --speaker, --org, --article,
--source and --date (a "quoted phrase" after the colon for several words).

Exit status: 0 when quotes matched, 1 when none did (the count goes to stderr),
2 on an error."""


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake in the arguments reported as one line (exit 2) rather than usage and error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        """Print one line naming the mistake and where to look (the command's own help for an argument it does not
        take), then exit 2."""
        print_error(f"{message} (see '{self._help_for()} --help')")
        self.exit(EXIT_FAILURE)

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def, override]
        """Parse, keeping the arguments given, which an error names the command of (see `_help_for`)."""
        self._given = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def _help_for(self) -> str:
        """The command whose help tells of the arguments given: this parser's, or the subcommand's named in them."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                named = next((word for word in getattr(self, "_given", ()) if word in action.choices), None)
                if named is not None:
                    return f"{self.prog} {named}"
        return self.prog

    def print_help(self, file: IO[str] | None = None) -> None:
        """The help on standard output, as every command prints (argparse passes over a failed write: --help into
        a full disk exited 0); the exit that follows says whether it could be written."""
        if file is not None:
            super().print_help(file)
            return
        output = Lines()
        output.write(self.format_help().rstrip("\n"))
        output.flush()

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        """Exit with `status`, or 2 when standard output could not be written (said in one line)."""
        if message:
            print_error(message.strip())
        sys.exit(EXIT_FAILURE if said_output_failed() else status)


MOST_ARTICLES_A_BATCH = 100_000
"""The largest --batch-size: a batch's articles and what was found in them are held until it is written."""
MOST_JOBS = 256
"""The most processes --jobs may start: each holds the extractor (about 35 MB)."""


def whole_number(text: str) -> int:
    """An option's value read as a whole number, or the one-line error argparse prints."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def positive_integer(text: str) -> int:
    """A whole number of at least 1, for --limit: a limit past what Python can count is no limit."""
    value = whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return min(value, sys.maxsize)


def port_number(text: str) -> int:
    """A --port value: a whole number from 0 (any free port) to 65535."""
    value = whole_number(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535)")
    return value


def minutes(text: str) -> float:
    """An --idle-timeout value: 0 (no limit) or more minutes, as written."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 (no limit) or more")
    return value


def date_start(text: str) -> str:
    """A --date value, checked: a mistyped date is an error rather than a search that matches nothing."""
    if not is_date_start(text):
        raise argparse.ArgumentTypeError(f"{text!r} {NOT_A_DATE}")
    return text.strip()


def integer_up_to(most: int) -> Callable[[str], int]:
    """A parser of whole numbers from 1 to `most`, for counts that size what a process holds or starts."""

    def parse(text: str) -> int:
        value = positive_integer(text)
        if value > most:
            raise argparse.ArgumentTypeError(f"{text!r} must be at most {most:,}")
        return value

    return parse


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
        output = Lines()
        output.write(f"whosaid {package_version()}")
        output.flush()
        parser.exit(EXIT_OK)


def store_option(text: str) -> str:
    """--db's path: an empty one (`--db "$UNSET"`) is a mistake, never the default store."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path names no store")
    return text


def output_path(text: str) -> str:
    """-o's path: an empty one (`-o "$UNSET"`) is a mistake, not a directory to write into."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path names no file")
    return text


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    store_options = Parser(add_help=False)
    store_options.add_argument(
        "--db",
        metavar="PATH",
        type=store_option,
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
    ingest = commands.add_parser(
        "ingest",
        parents=[store_options],
        help="extract articles and add them to the store",
        description="Extract the people, organizations and quotes of articles and add them to the store: files, "
        "folders (read recursively), web pages, feeds, or standard input. A file read again from the same path "
        "replaces its earlier version. One line per article on standard output; on standard error what was "
        "skipped and why, then 'N added, M replaced, K unchanged, F failed'.",
    )
    ingest.add_argument(
        "paths",
        nargs="*",
        metavar="FILE",
        help="article files (text, Markdown, HTML, RSS/Atom, JSON Lines), directories, http(s) URLs, or - for "
        "standard input",
    )
    ingest.add_argument(
        "--extracted",
        metavar="FILE",
        help="store the articles of FILE (lines of 'whosaid extract --jsonl'; - for standard input) as extracted",
    )
    ingest.add_argument(
        "--follow", action="store_true", help="fetch the page of each feed item whose text is only a summary"
    )
    ingest.add_argument(
        "--batch-size",
        type=integer_up_to(MOST_ARTICLES_A_BATCH),
        default=INGEST_BATCH_SIZE,
        metavar="N",
        help=f"articles per write to the store (default: {INGEST_BATCH_SIZE}; at most {MOST_ARTICLES_A_BATCH:,})",
    )
    ingest.add_argument(
        "--jobs",
        type=integer_up_to(MOST_JOBS),
        metavar="N",
        help=f"processes extracting at once (default: the cores this process may use; 1: no worker processes; at most "
        f"{MOST_JOBS})",
    )
    search = commands.add_parser(
        "search",
        parents=[store_options],
        help="print the quotes matching words, a speaker, an organization or an article",
        description=SEARCH_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_query_arguments(search, words_help='words; "a phrase" in quotes matches as one')
    search.add_argument(
        "--limit",
        type=positive_integer,
        metavar="N",
        help="print at most N quotes (past 20,000 matches the count is then an upper bound, 'N of at most M quotes')",
    )
    search.add_argument(
        "--sort",
        choices=SORT_ORDERS,
        default="article",
        help="order: article (default), speaker, date (published, else ingested; oldest first) or newest",
    )
    formats = search.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help='print {"quotes": [...]} (see the README)')
    formats.add_argument("--jsonl", action="store_true", help="print one JSON quote object a line")
    add_export_parser(commands, store_options)
    extract_command = commands.add_parser(
        "extract",
        help="print what extraction finds in articles, without storing them",
        description="Print the people (with their roles and organizations), organizations and quotes (with who "
        "said them) that extraction finds in articles, without touching any store: as lines, as one JSON "
        "document (--json), or as one JSON object per article that 'whosaid ingest --extracted' loads (--jsonl).",
    )
    extract_command.add_argument(
        "paths", nargs="+", metavar="FILE", help="article files, directories, http(s) URLs, or - for standard input"
    )
    extract_formats = extract_command.add_mutually_exclusive_group()
    extract_formats.add_argument("--json", action="store_true", help="print JSON")
    extract_formats.add_argument(
        "--jsonl",
        action="store_true",
        help="print one JSON object a line per article, with its text and metadata, for 'ingest --extracted'",
    )
    add_reextract_parser(commands, store_options)
    remove = commands.add_parser(
        "rm",
        parents=[store_options],
        help="remove articles (with their quotes, and the people and organizations only they name)",
        description="Remove articles from the store, named by id, path or the words of their title, or every article "
        "read from a folder's files. Nothing is removed when a name matches no article or several.",
    )
    remove.add_argument(
        "articles", nargs="*", metavar="ARTICLE", help="an article's id, path or title words, or a folder"
    )
    remove.add_argument("--seed", action="store_true", help="remove the seed article(s) the store started with")
    serve = commands.add_parser(
        "serve",
        parents=[store_options],
        help="serve whosaid to a team over SSH (read-only sessions)",
        description="Serve the browser over SSH: each user whose public key is in the authorized-keys file gets "
        "their own read-only session of the store in their own terminal. Stop it with Ctrl-C.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=port_number, default=8022, metavar="N", help="port to listen on (default: 8022)")
    serve.add_argument(
        "--authorized-keys", metavar="FILE", help="public keys allowed in (default: ~/.ssh/authorized_keys)"
    )
    serve.add_argument("--host-key", metavar="FILE", help="server host key (default: generated once, kept)")
    serve.add_argument(
        "--max-sessions", type=positive_integer, default=16, metavar="N", help="simultaneous sessions (default: 16)"
    )
    serve.add_argument(
        "--idle-timeout", type=minutes, default=30.0, metavar="MINUTES", help="idle session limit (default: 30)"
    )
    return parser


BROWSER_SWITCHES = {"--ascii": "ascii", "--no-mouse": "no_mouse"}
"""The browser's own options that take no value, by the name the parser gives them."""


def browser_arguments(words: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain browser launch (`--db PATH`, `--ascii`, `--no-mouse`, each at most once) as the
    parser reads them, read without building it: building every command's arguments takes longer than the rest of
    the command line's work before the first frame. None for any other command line, which the parser reads."""
    arguments = argparse.Namespace(command=None, version=None, ascii=False, no_mouse=False)
    rest = list(words)
    while rest:
        word = rest.pop(0)
        switch = BROWSER_SWITCHES.get(word)
        if switch is not None and not getattr(arguments, switch):
            setattr(arguments, switch, True)
        elif word.startswith("--db=") and len(word) > len("--db=") and "db" not in arguments:
            arguments.db = word[len("--db=") :]
        elif word == "--db" and rest and rest[0] and not rest[0].startswith("-") and "db" not in arguments:
            arguments.db = rest.pop(0)
        else:
            return None
    return arguments


def add_query_arguments(parser: argparse.ArgumentParser, words_help: str) -> None:
    """The query that search and export share: words, then filters on speaker, organization, article, source, date."""
    parser.add_argument("words", nargs="*", metavar="WORD", help=words_help)
    parser.add_argument("--speaker", action="append", default=[], metavar="NAME", help="quotes said by NAME")
    parser.add_argument(
        "--org",
        action="append",
        default=[],
        metavar="NAME",
        help="quotes said by the organization NAME, or by someone speaking for it in that article",
    )
    parser.add_argument(
        "--article", action="append", default=[], metavar="TEXT", help="quotes of articles whose title or path has TEXT"
    )
    parser.add_argument(
        "--source", action="append", default=[], metavar="OUTLET", help="quotes of articles from OUTLET (or its site)"
    )
    parser.add_argument(
        "--date",
        action="append",
        default=[],
        type=date_start,
        metavar="DATE",
        help="quotes of articles published on a date that starts so (2024, 2024-06, 2024-06-12)",
    )


def add_export_parser(commands: Any, store_options: argparse.ArgumentParser) -> None:
    """The `export` command's arguments: a search's query, a format and where to write."""
    export = commands.add_parser(
        "export",
        parents=[store_options],
        help="write the matching quotes with their citations as Markdown, CSV or JSON Lines",
        description="Write the quotes a search finds (every quote without words or filters), each with its "
        "citation. Exit status: 0 when quotes were written, 1 when none matched, 2 on an error.",
    )
    add_query_arguments(export, words_help="words, as for search")
    export.add_argument("--sort", choices=SORT_ORDERS, default="article", help="order, as for search")
    export.add_argument("--format", choices=("md", "csv", "jsonl"), default="md", help="md (default), csv or jsonl")
    export.add_argument(
        "-o", "--output", metavar="FILE", type=output_path, help="write to FILE (default, or -: standard output)"
    )
    export.add_argument("--bom", action="store_true", help="start a CSV with a byte-order mark (for Excel)")


def run_export(store_path: Path, arguments: argparse.Namespace) -> int:
    """Write the matching quotes with their citations; exit 1 when none match, 2 when the file cannot be written.

    Quotes read by key are all made before the first line is written, so that a writer's change met meanwhile reads
    the store whole instead; but past KEYED_MATCHES matches on a terminal or into a pipe, where the first lines are
    written by key and the rest, from the store read whole, only while the reader is there (`| head`), as a
    search's are (see `keyed_entries`)."""
    from store.export import document_lines
    from store.quote_documents import QuoteDocuments

    if arguments.output == "-":
        arguments.output = None  # standard output, as `-` names standard input to `ingest`
    if arguments.output is not None and is_part_of_store(Path(arguments.output), store_path):
        print_error(f"{shown_path(arguments.output)}: that is the store's own file; export to another")
        return EXIT_FAILURE
    parsed = search_query(arguments)
    if parsed.is_empty and (arguments.words or parsed.ignored):
        print_error(nothing_to_search(parsed))
        return EXIT_FAILURE
    for part in parsed.ignored:
        print_error(f"ignored {part!r}: no letter or digit to search for")
    output = Lines()
    seen = arguments.output is None and not output_is_a_file()
    found_by_key = None
    if not parsed.is_empty:
        before_whole = partial(reader_still_there, output)
        found_by_key = keyed_entries(store_path, parsed, None, before_whole, seen, arguments.sort, bool(parsed.filters))
    if found_by_key is not None and found_by_key.matched is not None:
        made = found_by_key.export_lines(arguments.format, arguments.bom)
        return write_export(arguments, made, output, found_by_key.listed)
    if found_by_key is not None:
        try:
            positions = list(found_by_key.entries)
            lines = list(document_lines(found_by_key.documents, positions, arguments.format, bom=arguments.bom))
        except (StoreError, OSError):
            pass  # a writer replaced files while they were read: read the store whole instead
        else:
            if not positions:
                return nothing_exported()
            return write_export(arguments, iter(lines), output, lambda: len(positions))
    snapshot = read_whole(store_path, lean=bool(parsed.filters))
    if parsed.is_empty:
        matched: QuoteSelection = snapshot.quote_entries()
    else:
        matched = snapshot.search_quotes(parsed)
    found = snapshot.sorted_quotes(matched, arguments.sort)
    if not found:
        return nothing_exported()
    made = document_lines(QuoteDocuments.of(snapshot), found.positions, arguments.format, bom=arguments.bom)
    return write_export(arguments, made, output, found.__len__)


def is_part_of_store(path: Path, store_path: Path) -> bool:
    """Whether writing `path` would overwrite the store at `store_path`: its file, its lock (by another name too), or
    a file of its tables."""
    from store.storage import table_directory

    try:
        target = path.resolve()
        store = store_path.resolve()
    except (OSError, RuntimeError):
        return False  # a loop of links: writing there fails, and says why
    own = {store, store.with_name(store.name + ".lock")}
    if target in own or target.parent == table_directory(store):
        return True
    try:
        return any(os.path.samefile(target, file) for file in own if file.exists() and target.exists())
    except OSError:
        return False


def write_export(arguments: argparse.Namespace, lines: Iterator[str], output: Lines, count: Callable[[], int]) -> int:
    """Write the export's lines to standard output (`output`) or to --output, then say how many quotes they held
    (`count()`, told once they are made)."""
    if arguments.output is None:
        for line in lines:
            output.write(escape_json_text(line.rstrip("\n")) if arguments.format == "jsonl" else line.rstrip("\n"))
            if output.lost:
                return EXIT_OK  # the reader went (`| head`), as a search's does: nothing more to write or say
        output.flush()
        if output.lost:
            return EXIT_OK
    else:
        try:
            write_atomically(Path(arguments.output), lines)
        except OSError as error:
            print_error(f"{shown_path(arguments.output)}: cannot write ({error.strerror or error})")
            return EXIT_FAILURE
    where = f" to {shown_path(arguments.output)}" if arguments.output else ""
    print(f"{plural(count(), 'quote')} exported{where}", file=sys.stderr)
    return EXIT_OK


def nothing_exported() -> int:
    """Say that no quote matched; exit 1."""
    print("0 quotes", file=sys.stderr)
    return EXIT_NO_MATCH


def own_stream(path: Path) -> int | None:
    """This process's standard output or error (its descriptor) when `path` is the file it writes to (`/dev/stdout`
    when the shell sent it to a file, `/dev/fd/2`, or that file by its name), else None."""
    try:
        named = os.stat(path)
    except OSError:
        return None
    for descriptor in (1, 2):
        try:
            held = os.fstat(descriptor)
        except OSError:
            continue
        if (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino) and stat.S_ISREG(held.st_mode):
            return descriptor
    return None


def write_atomically(path: Path, lines: Iterator[str]) -> None:
    """Write the lines (UTF-8) to `path`. A regular file, or a new one, is written as a new file beside it renamed
    over it, never half a file, with the old file's permissions, and through a link to it (the link kept); a pipe
    or a device (`/dev/stdout`, a shell's `>(…)`), the file this process's standard output or error goes to, or a
    file with other hard links, is written into, never replaced by a file."""
    stream = own_stream(path)
    if stream is not None:  # "-o /dev/stdout >> file": written into where the shell pointed it, never replaced
        sys.stdout.flush()
        with os.fdopen(os.dup(stream), "w", encoding="utf-8", newline="") as handle:
            handle.writelines(lines)
        return
    looped = False
    permissions: int | None = None
    try:
        status = path.stat()
    except FileNotFoundError:
        pass
    except OSError as error:
        if error.errno != errno.ELOOP:
            raise
        looped = True  # a link that leads back to itself is replaced, as a missing file is made
    else:
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(status.st_mode) or status.st_nlink > 1:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.writelines(lines)
            return
        permissions = stat.S_IMODE(status.st_mode)
    if path.is_symlink() and not looped:
        path = Path(os.path.realpath(path))
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        flags, created = os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666 if permissions is None else 0o600
        with open(os.open(temporary, flags, created), "w", encoding="utf-8", newline="") as handle:
            if permissions is not None:
                os.fchmod(handle.fileno(), permissions)
            handle.writelines(lines)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


def open_existing_store(path: Path) -> Store:
    """The store at `path`, which must exist (see `store.database.open_existing_store`): the writer and the snapshot
    are imported only by the commands that read the store whole or write it, not by a search read by key."""
    from store.database import open_existing_store as existing

    return telling_waits(existing(path))


def store_at(path: Path) -> Store:
    """The store at `path`, to write to (made by the first write when there is none)."""
    from store.database import Store

    return telling_waits(Store(path))


def telling_waits(store: Store) -> Store:
    """`store`, saying on stderr when a write waits for another process writing it (rather than seeming to hang)."""
    waited = False

    def say_once() -> None:
        nonlocal waited
        if not waited:
            waited = True
            print_error("waiting for another whosaid to finish writing the store\u2026")

    store.when_lock_waits = say_once
    return store


def print_error(message: str) -> None:
    """One line on stderr, safe for the terminal."""
    print(f"whosaid: {printable_line(message)}", file=sys.stderr)


def dump_json(document: object) -> str:
    """JSON text in which no character can act on a terminal (orjson: several times faster than json)."""
    import orjson

    return escape_json_text(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode())


class ArticleFiles:
    """The article files a command was given, directories expanded; what was skipped, and why."""

    def __init__(self) -> None:
        self.files: list[str] = []
        self.errors: list[str] = []
        self.notes: list[str] = []


ARTICLE_KINDS = ".txt, .md, .html, .htm, .xml, .rss, .atom, .json or .jsonl"
"""The suffixes of article files, as messages name them."""


def article_files(paths: Sequence[str], store_path: Path | None = None) -> ArticleFiles:
    """Files and URLs named (`-` is standard input), directories expanded recursively to their article files, less
    the files of the store at `store_path` (a folder that holds the store it is ingested into)."""
    from store.sources import directory_inputs  # the readers (HTTP, feeds, mail parsing) only where articles are read

    found = ArticleFiles()
    for name in paths:
        path = Path(name)
        if name == STDIN_NAME and name in found.files:
            if "-: standard input named more than once; read once" not in found.notes:
                found.notes.append("-: standard input named more than once; read once")
            continue
        if name == STDIN_NAME or not path.is_dir():
            found.files.append(name)
            continue
        articles, not_named, not_regular, examples = directory_inputs(path)
        own_lock = [name for name in examples if store_path is not None and names_store_file(name, store_path)]
        if own_lock or store_path is not None and not_named > len(examples) and holds_lock_of(path, store_path):
            not_named -= 1  # the store's lock file, beside it in the folder
            examples = [name for name in examples if name not in own_lock]
        own = [article for article in articles if store_path is not None and names_store_file(article, store_path)]
        if own:
            articles = [article for article in articles if article not in own]
            found.notes.append(f"{shown_path(path)}: skipped {plural(len(own), 'file')} of the store itself")
        exported = [article for article in articles if is_exported_file(article)]
        if exported:
            articles = [article for article in articles if article not in exported]
            found.notes.append(
                f"{shown_path(path)}: skipped {plural(len(exported), 'file')} of whosaid's own quotes (an export or "
                "a saved search)"
            )
        if not articles:
            found.errors.append(f"{shown_path(path)}: no article files ({ARTICLE_KINDS}) in this directory")
        if not_named:
            named = ", ".join(sorted(os.path.relpath(name, path) for name in examples)[:3])
            named += ", \u2026" if not_named > 3 else ""
            found.notes.append(
                f"{shown_path(path)}: skipped {plural(not_named, 'file')} not named {ARTICLE_KINDS} ({named})"
            )
        if not_regular:
            found.notes.append(
                f"{shown_path(path)}: skipped {plural(not_regular, 'entry', 'entries')} named as articles that "
                f"{'is' if not_regular == 1 else 'are'} not a regular file (a broken link, a pipe or a device)"
            )
        found.files.extend(str(article) for article in articles)
    return found


EXPORT_HEAD_BYTES = 4096
"""How much of a file found in a folder is read to tell whether it is whosaid's own output."""


def is_exported_file(name: str) -> bool:
    """Whether a file found in a folder is whosaid's own quotes, which an ingest of the folder passes over rather than
    read as an article: one the app's e wrote (see `store.export.EXPORT_STEM`), or a file whose first lines are an
    export's or a saved search's (see `store.export.is_exported_text`)."""
    import re

    from store.export import EXPORT_STEM, is_exported_text

    if re.fullmatch(re.escape(EXPORT_STEM) + r"\d{8}-\d{6}(?:-\d+)?\.md", os.path.basename(name)) is not None:
        return True
    if not name.endswith((".md", ".txt", ".jsonl")):
        return False
    try:
        with open(name, "rb") as file:
            head = file.read(EXPORT_HEAD_BYTES)
    except OSError:
        return False
    return is_exported_text(head.decode("utf-8", errors="replace"))


def holds_lock_of(folder: Path, store_path: Path) -> bool:
    """Whether the lock file of the store at `store_path` is in `folder` or below it."""
    lock = store_path.with_name(store_path.name + ".lock")
    try:
        return lock.is_file() and lock.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def names_store_file(name: str, store_path: Path) -> bool:
    """Whether a file found in a folder is one of the store's own (see `is_part_of_store`), its name told first so
    that a folder of thousands of articles is not resolved file by file."""
    path = Path(name)
    could_be = path.name.startswith(store_path.name) or path.parent.name.startswith(store_path.name)
    return could_be and is_part_of_store(path, store_path)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`count noun`, with an s (or `nouns`) unless the count is one."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


OUTPUT_FAILURES: list[str] = []
"""Why standard output could not be written (a full disk, a closed descriptor), if it could not: the command does
its work, then ends with that line on stderr and exit 2 (see `main`)."""


def said_output_failed() -> bool:
    """Whether standard output could not be written, said in one line on stderr if so (see `OUTPUT_FAILURES`)."""
    if OUTPUT_FAILURES:
        print_error(OUTPUT_FAILURES[0])
    return bool(OUTPUT_FAILURES)


class Lines:
    """Lines on standard output that stop quietly when the reader goes away (`| head`), so the work goes on; that
    stop, with a line to say why, when standard output cannot be written (see `OUTPUT_FAILURES`)."""

    def __init__(self) -> None:
        self.lost = False

    def write(self, line: str) -> None:
        """Print one line unless the reader has gone."""
        if not self.lost:
            try:
                sys.stdout.write(line + "\n")
            except BrokenPipeError:
                self._reader_gone()
            except (OSError, ValueError, AttributeError) as error:
                self._cannot_write(error)

    def flush(self) -> None:
        """Send what is buffered, unless the reader has gone."""
        if not self.lost:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                self._reader_gone()
            except (OSError, ValueError, AttributeError) as error:
                self._cannot_write(error)

    def _cannot_write(self, error: Exception) -> None:
        """Stop writing, noting why (see `OUTPUT_FAILURES`)."""
        if not OUTPUT_FAILURES:
            if isinstance(error, UnicodeEncodeError):
                reason = f"its encoding, {error.encoding}, cannot write {error.object[error.start : error.end]!r}"
            else:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else "it is closed"
            OUTPUT_FAILURES.append(f"cannot write to standard output ({reason})")
        self._reader_gone()

    def flush_lost(self) -> None:
        """After a broken pipe seen elsewhere: stop writing, quietly."""
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


def extraction_lines(result: dict[str, Any]) -> Iterator[str]:
    """What extraction found in one article, as plain lines safe for a terminal."""
    yield printable_line(f"{result['path']}: {result['title']}")
    for person in result["people"]:
        details = ", ".join(role_and_organization(person["role"], person["organization"]))
        yield printable_line(f"  person  {person['name']}" + (f" ({details})" if details else ""))
    for organization in result["organizations"]:
        yield printable_line(f"  org     {organization['name']}")
    for quote in result["quotes"]:
        speaker = quote["speaker"] or "unattributed"
        yield printable_line(f"  quote   \u201c{quote['text']}\u201d \u2014 {speaker}")


def run_extract(paths: Sequence[str], as_json: bool) -> int:
    """Print extraction results for each article; the store is not touched."""
    from store import extract
    from store.errors import storable_name
    from store.extracted import extraction_document

    found = article_files(paths)
    for message in (*found.errors, *found.notes):
        print_error(message)
    results = []
    failed = bool(found.errors)
    output = Lines()
    for name, article in read_inputs(found.files, [], follow=False):
        failed = failed or article is None
        if article is None:
            continue
        shown = storable_name(name) if article.source == article_source(name) else article.source
        result = extraction_document(shown, extract(article.text), article.metadata_fields())
        if as_json:
            results.append(result)
        else:
            for line in extraction_lines(result):
                output.write(line)
            if output.lost:
                break
    if as_json:
        output.write(dump_json({"articles": results}))
    output.flush()
    return EXIT_FAILURE if failed else EXIT_OK


def read_inputs(names: Sequence[str], errors: list[str], follow: bool) -> Iterator[tuple[str, InputArticle | None]]:
    """(input name, article) for each article the inputs hold, and (name, None) after any input or part of one
    that failed; each failure is printed as one line and added to `errors`."""
    from store.sources import read_input

    for name in names:
        try:
            read = read_input(name, follow=follow)
        except ArticleError as error:
            print_error(str(error))
            errors.append(str(error))
            yield name, None
            continue
        for message in read.notes:
            print_error(message)
        for message in read.errors:
            print_error(message)
            errors.append(message)
        if read.errors:
            yield name, None
        for article in read.articles:
            yield name, article


def read_articles(
    names: Sequence[str], errors: list[str], follow: bool = False
) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(source, text, metadata) of each readable article; a reason for each failure goes to `errors`."""
    for _, article in read_inputs(names, errors, follow):
        if article is not None:
            yield article.source, article.text, article.metadata_fields()


def article_source(name: str) -> str:
    """Where an article was read from, as stored: a file's absolute path (so reading it again from anywhere
    replaces it), a URL, or `-` for standard input."""
    from store.sources import input_source

    return input_source(name)


def outcome_line(outcome: IngestOutcome) -> str:
    """The line `ingest` prints for one article."""
    kept = outcome.earlier_kept_for
    earlier = f"its earlier version kept, still the text of {source_shown(kept)}" if kept is not None else ""
    if outcome.added:
        return (
            f"{outcome_verb(outcome)} {outcome.source}: {outcome.title} \u2014 "
            f"{'1 person' if outcome.people == 1 else f'{outcome.people} people'}, "
            f"{plural(outcome.organizations, 'organization')}, {plural(outcome.quotes, 'quote')}"
            + (f"; {earlier}" if earlier else "")
        )
    if outcome.same_text_as is not None:
        stored = source_shown(outcome.same_text_as)
        if outcome.replaced:
            return (
                f"replaced {outcome.source}: now the same text as {stored}, stored already ({outcome.title}); "
                f"{earlier or 'its earlier version removed'}"
            )
        return f"unchanged {outcome.source}: the same text as {stored}, stored already ({outcome.title})"
    return f"unchanged {outcome.source}: already stored ({outcome.title})"


def source_shown(source: str) -> str:
    """A stored source as a line names it: its path or URL, or "standard input"."""
    return source if source not in ("", "-") else "standard input"


def run_ingest(
    store_path: Path,
    paths: Sequence[str],
    batch_size: int = INGEST_BATCH_SIZE,
    follow: bool = False,
    jobs: int | None = 1,
) -> int:
    """Store every readable article, whatever becomes of standard output; exit 2 when any article failed.

    A line per article goes to standard output; errors, skipped files and the summary go to stderr.
    """
    from store.parallel import default_jobs, workers_forked_first

    jobs = default_jobs() if jobs is None else jobs
    with workers_forked_first(jobs) as pool:
        from tui.progress import IngestProgress

        found = article_files(paths, store_path)
        for message in (*found.errors, *found.notes):
            print_error(message)
        errors = list(found.errors)
        store = store_at(store_path)
        articles = read_articles(found.files, errors, follow)
        with summed_up(IngestCounts(errors)) as counts, IngestProgress(total=len(found.files)) as progress:
            print_outcomes(ingested_batches(store, articles, batch_size, jobs, pool), progress.advance, counts)
    return EXIT_FAILURE if errors else EXIT_OK


def ingested_batches(
    store: Store,
    articles: Iterator[tuple[str, str, dict[str, str]]],
    batch_size: int,
    jobs: int,
    pool: multiprocessing.pool.Pool | None,
) -> Iterator[list[IngestOutcome]]:
    """Ingest's batches as they are stored: extracted in this process (no `pool`) or in the pool's worker
    processes, while this one alone writes, in input order."""
    from store.parallel import extracted_in_workers

    if pool is None:
        return store.ingest_in_batches(articles, batch_size=batch_size)
    extracted = extracted_in_workers(articles, jobs, ahead=batch_size, pool=pool, skip=store.item_already_read)
    return store.ingest_extracted_in_batches(extracted, batch_size=batch_size)


def run_extract_lines(paths: Sequence[str]) -> int:
    """Print one JSON object a line per article: what `extract --json` shows of it, with its source, text,
    metadata and the extractor's version, so that `ingest --extracted` stores it without extracting again."""
    from store.extracted import extracted_article_line

    found = article_files(paths)
    for message in (*found.errors, *found.notes):
        print_error(message)
    failed = bool(found.errors)
    output = Lines()
    for name, article in read_inputs(found.files, [], follow=False):
        failed = failed or article is None
        if article is None:
            continue
        output.write(json_line(extracted_article_line(name, article)))
        if output.lost:
            break
    output.flush()
    return EXIT_FAILURE if failed else EXIT_OK


def run_ingest_extracted(store_path: Path, name: str | None, paths: Sequence[str], batch_size: int) -> int:
    """Store the articles of a file of `extract --jsonl` lines as they were extracted; a line that is not one is
    reported by number and skipped (exit 2), the others stored."""
    if name is None:
        print_error("name the article files, directories or URLs to ingest, or --extracted FILE")
        return EXIT_FAILURE
    if paths:
        print_error("--extracted FILE reads articles already extracted: name no article files beside it")
        return EXIT_FAILURE
    errors: list[str] = []
    with extracted_lines_file(name) as lines, summed_up(IngestCounts(errors)) as counts:
        articles = extracted_articles(lines, "standard input" if name == STDIN_NAME else shown_path(Path(name)), errors)
        batches = store_at(store_path).ingest_extracted_in_batches(articles, batch_size=batch_size)
        print_outcomes(batches, counts=counts)
    return EXIT_FAILURE if errors else EXIT_OK


@contextmanager
def extracted_lines_file(name: str) -> Iterator[Iterable[bytes]]:
    """The lines of a file of extracted articles (standard input for `-`), or a one-line error."""
    if name == STDIN_NAME:
        if sys.stdin is None:
            raise WhosaidError("standard input: closed, nothing to read")
        yield sys.stdin.buffer
        return
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below, after the lines are read
    except OSError as error:
        raise ArticleError(f"{shown_path(Path(name))}: cannot read ({error.strerror})") from None
    with handle:
        yield handle


def extracted_articles(
    lines: Iterable[bytes], shown: str, errors: list[str]
) -> Iterator[tuple[tuple[str, str, dict[str, str]], Extraction, int]]:
    """Each article the lines hold, to be stored as extracted; a line that is not one is reported and skipped. A
    file whose first line is not JSON (an article given as --extracted) is one error, not one a line."""
    from store.extracted import BadLine, read_extracted_lines

    first = True
    for number, article in read_extracted_lines(lines):
        if isinstance(article, BadLine):
            if first and str(article) == "not JSON":
                message = f"{shown}: not lines of 'whosaid extract --jsonl' (its first line is not JSON)"
                print_error(message)
                errors.append(message)
                return
            first = False
            message = f"{shown}: line {number}: {article}; skipped"
            print_error(message)
            errors.append(message)
            continue
        first = False
        yield (article.source, article.text, article.metadata), article.extraction, article.extractor


class IngestCounts:
    """How many articles an ingest added, replaced and left unchanged so far, and how many inputs failed: its
    summary line, also when it is interrupted."""

    def __init__(self, errors: list[str]) -> None:
        self.added = self.replaced = self.unchanged = 0
        self.errors = errors

    def summary(self) -> str:
        """The last line an ingest writes on stderr."""
        failed = len(self.errors)
        return f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, {failed} failed"


@contextmanager
def summed_up(counts: IngestCounts) -> Iterator[IngestCounts]:
    """Print the summary of an ingest on stderr when it ends, and say it was interrupted when Ctrl-C ended it:
    what it lists as added was stored, batch by batch."""
    try:
        yield counts
    except KeyboardInterrupt:
        print(
            f"interrupted: {counts.summary()}; the articles listed were stored (and maybe the batch being written)",
            file=sys.stderr,
        )
        raise
    print(counts.summary(), file=sys.stderr)


def print_outcomes(
    batches: Iterable[list[IngestOutcome]],
    advance: Callable[[int], object] | None = None,
    counts: IngestCounts | None = None,
) -> tuple[int, int, int]:
    """Print a line per article stored as each batch is written (then `advance` a progress bar by the batch);
    how many were added, replaced and unchanged, kept in `counts` as they are printed."""
    from tui.allocator import give_back_free_memory

    output = Lines()
    counts = counts if counts is not None else IngestCounts([])
    for outcomes in batches:
        with interrupt_held():
            for outcome in outcomes:
                counts.replaced += outcome.replaced
                counts.added += outcome.added and not outcome.replaced
                counts.unchanged += not outcome.added and not outcome.replaced
                output.write(printable_line(outcome_line(outcome)))
            output.flush()
        give_back_free_memory()
        if advance is not None:
            advance(len(outcomes))
    return counts.added, counts.replaced, counts.unchanged


@contextmanager
def interrupt_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back while a stored batch's lines are counted and printed, so that an interrupted
    ingest's summary counts exactly the lines it printed; it takes effect as soon as they are out."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[object] = []
    before = signal.signal(signal.SIGINT, lambda *_: pending.append(None))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
    if pending:
        raise KeyboardInterrupt


def outcome_verb(outcome: IngestOutcome) -> str:
    """What ingest or reextract did with an article it stored: added, replaced, or reextracted."""
    return "reextracted" if outcome.reextracted else "replaced" if outcome.replaced else "added"


def add_reextract_parser(commands: Any, store_options: argparse.ArgumentParser) -> None:
    """The `reextract` command's arguments."""
    reextract = commands.add_parser(
        "reextract",
        parents=[store_options],
        help="read stored articles again with the installed extractor",
        description="Read again, from its stored text, every article an older extractor read (all with --all), "
        "replacing its people, organizations and quotes. Each batch is saved as it is done: an interrupted run "
        "continues where it stopped when run again. The search index is built again once, after the last batch.",
    )
    reextract.add_argument("--all", action="store_true", help="read every article again, not only the older ones")
    reextract.add_argument(
        "--batch-size",
        type=integer_up_to(MOST_ARTICLES_A_BATCH),
        default=INGEST_BATCH_SIZE,
        metavar="N",
        help=f"articles per write to the store (default: {INGEST_BATCH_SIZE}; at most {MOST_ARTICLES_A_BATCH:,})",
    )
    reextract.add_argument(
        "--jobs",
        type=integer_up_to(MOST_JOBS),
        metavar="N",
        help=f"processes extracting at once (default: the cores this process may use; 1: no worker processes; at most "
        f"{MOST_JOBS})",
    )


def run_reextract(
    store_path: Path, everything: bool, batch_size: int = INGEST_BATCH_SIZE, jobs: int | None = 1
) -> int:
    """Read again the stored articles an older extractor read (all of them with `everything`), each batch's
    texts extracted by `jobs` worker processes (None: as many as the cores this process may use): a line per
    article on standard output, progress and a summary on stderr."""
    from store.parallel import default_jobs, extracted_in_workers, workers_forked_first

    jobs = default_jobs() if jobs is None else jobs
    with workers_forked_first(jobs) as pool:
        from tui.progress import IngestProgress

        store = open_existing_store(store_path)
        digests = store.stale_articles(everything)
        if not digests:
            print("0 reextracted: every article was read by the installed extractor", file=sys.stderr)
            return EXIT_OK

        def extracting(texts: Iterator[tuple[str, str]]) -> Iterator[tuple[tuple[str, str], Extraction]]:
            return extracted_in_workers(texts, jobs, ahead=batch_size, pool=pool)

        batches = store.reextract_in_batches(digests, batch_size, None if pool is None else extracting)
        with IngestProgress(total=len(digests), label="reextracting") as progress:
            done = sum(print_outcomes(batches, progress.advance))
    print(f"{done} reextracted", file=sys.stderr)
    return EXIT_OK


def search_query(arguments: argparse.Namespace) -> ParsedQuery:
    """The query of `whosaid search`: its words (whole: nothing is being typed), then its filter options."""
    words = " ".join(arguments.words)
    parsed = parse_query(words + " " if words else "")
    problem = query_problem(parsed)
    if problem is not None and not parsed.is_empty:
        raise WhosaidError(problem)
    for field_name in ("speaker", "org", "article", "source", "date"):
        for value in getattr(arguments, field_name, ()):
            parsed = parsed.with_filter(field_name, value)
    return parsed


FILTER_WORD = re.compile(r"(speaker|org|article|source|date):", re.IGNORECASE)
"""A word of a query that opens a filter."""
FILTER_ARGUMENT = re.compile(r"(speaker|org|article|source|date):([^\"\s]+\s[^\"]*)", re.IGNORECASE)
"""A filter and a value of several words, as one argument of the command line: the shell took the quotes of
`source:"The Ledger"` away, or the query was quoted whole (`'speaker:lee harbor'`)."""


def phrase_hint(words: Sequence[str]) -> str | None:
    """For a search that found nothing, how to ask for a filter's words as one phrase, when an argument was a filter
    of several words whose quotes the shell may have taken away; None otherwise."""
    for argument in words:
        match = FILTER_ARGUMENT.fullmatch(argument.strip())
        if match:
            field, value = match.group(1), match.group(2).split()
            filters_after = [number for number, word in enumerate(value) if FILTER_WORD.match(word)]
            phrase = value[: filters_after[0]] if filters_after else value
            if len(phrase) > 1:
                return f"for the phrase, quote it for the shell too: '{field}:\"{' '.join(phrase)}\"'"
    return None


def json_line(document: object) -> str:
    """One JSON value on one line, no character of which can act on a terminal."""
    import orjson

    return escape_json_text(orjson.dumps(document).decode("utf-8"))


class QuoteLines:
    """Formats found quotes, by stored position, one line each: plain, highlighted on a terminal, or JSON objects
    (`store.export.QuoteDocuments`), in chunks of many lines, each written at once."""

    def __init__(
        self, documents: FoundQuotes, parsed: ParsedQuery, form: str, highlight: bool, dated: bool = False
    ) -> None:
        self.documents = documents
        self.parsed = parsed
        self.form = form
        self.highlight = highlight
        self.dated = dated
        """Whether a plain line shows its article's day after the title: in a listing ordered by date."""
        self.made = 0
        """How many quotes' lines `chunks` has made."""
        self._pending: list[str] = []
        """Lines `chunks` made that are not in a chunk yet."""
        self._forked: tuple[ForkedLines, Iterator[int]] | None = None
        """The process making the lines of the entries after the rest's, and those entries (see `_hand_later`)."""
        self._tails: dict[tuple[str, str], str] = {}
        """Each speaker's in each article: what a plain line shows after the quote (see `tail`)."""
        from store.quote_documents import kept

        self._kept = kept
        """Makes room in one of these lookups (see `store.quote_documents.kept`), imported once, not once a line."""

    def chunks(self, positions: Iterable[int]) -> Iterator[str]:
        """Every line to print, many joined in each chunk (without the last newline), made as they are printed: the
        first chunks are small, so `| head` answers at once, the later ones big, so writing them costs little."""
        pending = self._pending
        pending[:] = ['{"quotes": ['] if self.form == "json" else []
        held: str | None = None
        """In a JSON document, the last quote's line: a comma ends it once another quote follows."""
        batch = FIRST_CHUNK_LINES
        self.documents.hand_later = self._hand_later
        made = chain(self._lines(positions), self._later_lines())
        for line in made:
            self.made += 1
            if self.form != "json":
                pending.append(line)
            else:
                if held is not None:
                    pending.append(held + ",")
                held = line
            if len(pending) >= batch:
                yield self.taken()
                batch = min(2 * batch, LAST_CHUNK_LINES)
        if self.form == "json":
            pending += [held, "]}"] if held is not None else ["]}"]
        if pending:
            yield self.taken()

    def _lines(self, positions: Iterable[int]) -> Iterator[str]:
        """The line of each position in turn, in this listing's form."""
        return self.plain_lines(positions) if self.form == "plain" else self.documents.json_texts(positions)

    def _hand_later(self, later: Iterator[int]) -> bool:
        """Start making the lines of the entries after the rest's in a forked process (see `FoundQuotes.hand_later`);
        whether it started."""
        from tui.forked_lines import ForkedLines

        forked = ForkedLines(lambda: self._lines(later))
        if forked.started:
            self._forked = (forked, later)
        return forked.started

    def _later_lines(self) -> Iterator[str]:
        """The lines the forked process made, after every line made here (made here if it failed)."""
        if self._forked is not None:
            forked, later = self._forked
            yield from forked.lines(lambda: self._lines(later))

    def taken(self) -> str:
        """The lines made and not yet in a chunk, as one chunk (empty when there are none), taken out."""
        chunk = self._safe("\n".join(self._pending))
        self._pending.clear()
        return chunk

    def _safe(self, chunk: str) -> str:
        """JSON text with no character a terminal would act on (plain lines are made printable one by one)."""
        if self.form == "plain" or (chunk.isascii() and "\x7f" not in chunk):
            return chunk
        return escape_json_text(chunk)

    def plain_lines(self, positions: Iterable[int]) -> Iterator[str]:
        """Each position's line: “Text” — speaker, role, organization (article title, N sources where other articles
        printed it too), matches shown in reverse on a terminal; all but its text made once for each speaker in each
        article."""
        kept = self._kept
        tails = self._tails
        end = f"){RESET}" if self.highlight else ")"
        for text, pair, sources in self.documents.line_parts(positions):
            tail = tails.get(pair)
            if tail is None:
                kept(tails)
                tail = tails[pair] = self.tail(self.documents.attribution(*pair))
                if self.dated:
                    tail = tails[pair] = f"{tail}, {printable_line(self.documents.article_day(pair[1]))}"
            body = printable_line(text.strip())
            if self.highlight:
                body = highlighted(body, match_spans(body, self.parsed))
            if sources > 1:
                yield f"\u201c{body}\u201d \u2014 {tail}, {plural(sources, 'source')}{end}"
            else:
                yield f"\u201c{body}\u201d \u2014 {tail}{end}"

    def tail(self, said: Attribution) -> str:
        """What a plain line shows after the quote's text, up to its title (without the sources or what ends it)."""
        if said.kind == "person":
            speaker = printable_line(speaker_line(said.name, said.role, said.organization))
        else:
            speaker = printable_line(said.name or "unattributed")
        title = printable_line(said.title or "")
        if self.highlight:
            return f"{BOLD}{speaker}{RESET} {DIM}({title}"
        return f"{speaker} ({title}"


FIRST_CHUNK_LINES = 8
LAST_CHUNK_LINES = 2048
"""How many lines `QuoteLines.chunks` joins into one write: few at first, then more, doubling."""


BOLD, DIM, REVERSE, RESET = "\x1b[1m", "\x1b[2m", "\x1b[1;7m", "\x1b[0m"


def highlighted(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` (already made printable) with the spans in bold reverse video."""
    pieces = []
    done = 0
    for start, end in spans:
        pieces += [text[done:start], REVERSE, text[start:end], RESET]
        done = end
    return "".join([*pieces, text[done:]])


def nothing_to_search(parsed: ParsedQuery) -> str:
    """Why a query asks for nothing."""
    given = " ".join(parsed.ignored)
    if not given:
        return "nothing to search for: give words, --speaker, --org, --article, --source or --date"
    return (
        f"nothing to search for in {given!r}: search matches words of letters or digits "
        "(symbols only beside them, as in C++)"
    )


LEFT_FOR_EXIT: list[object] = []
"""What a read command leaves for the process's end to drop at once: freeing a store's millions of objects one by
one took about a tenth of a search."""


def read_whole(store_path: Path, lean: bool = False, tables: Tables | None = None) -> Snapshot:
    """The store at `store_path` read whole for a command that only reads it; `lean`, held as the browser holds it
    (people and texts packed, quotes in columns): at 100,000 articles a search for an organization takes 340 MB
    instead of 2.1 GB, but printing half the store's quotes takes half as long again. A search sorted by speaker or
    date reads lean: sorting takes most of its time, and it then held 2.3 GB. Either way its index is searched by
    key, not parsed whole (`Store.keyed`): printing half the store's quotes then holds 1.7 GB instead of 2.4 GB.
    With `tables`, the version of the store they are is read (see `Store.snapshot_at`)."""
    store = open_existing_store(store_path)
    store.lean = lean
    store.keyed = True
    return left_for_exit(store.snapshot if tables is None else store.snapshot_at(tables))


def read_streamed(keyed: KeyedStore) -> tuple[StreamedQuotes, StreamedGroups]:
    """The rest of a listing of found quotes in stored order, read from the version of the store its first lines
    came from, a quote file at a time (see `store.streamed_listing`): kept for the process's end, as `read_whole`."""
    from store.streamed_listing import streamed_listing

    LEFT_FOR_EXIT.append(keyed)
    return streamed_listing(keyed)


def left_for_exit(snapshot: Snapshot) -> Snapshot:
    """`snapshot`, kept until the process ends (see `LEFT_FOR_EXIT`)."""
    LEFT_FOR_EXIT.append(snapshot)
    return snapshot


SPLIT_AT_LEAST = 20_000
"""The fewest found quotes left after the first lines for a listing without a limit to make the lines of their
second half in a forked process (see `tui.forked_lines`)."""
KEYED_MATCHES = 20_000
"""Up to this many matches, a search reads what it prints by key. Beyond, it reads by key only its first lines (see
FIRST_LINES_BY_KEY and LIMITED_LINES_BY_KEY), and the rest from the store read whole, which then costs less than
reading the quotes and grouping their copies speaker by speaker; its count after a --limit is then at most the
matches (see `FoundQuotes`)."""
GROUPED_AT_ONCE = 256
"""Past this many matches (and up to KEYED_MATCHES), every quote of their speakers is read at once, in stored order,
before any is grouped (see `KeyedStore.read_speakers_quotes`): at 100,000 articles a search of 1,140 matches took
2.7 s instead of 11.8 s, one of 12,152 9.1 s instead of 29 s, though its first line then waits for the whole read;
up to this many, only their speakers' postings are looked up together (see `KeyedStore.speakers_of`)."""
FIRST_LINES_BY_KEY = 100
"""The most lines a search finding more than KEYED_MATCHES quotes prints by key, and sends, before it reads the store
whole for the rest, so that `| head` or a pager answers at once: each costs about half a millisecond (its speaker's
postings and quotes looked up), where the store read whole costs seconds; a thousand would delay the rest of a
search printing half the store by a fifth of a second at 10,000 articles."""
LIMITED_LINES_BY_KEY = 1_000
"""The largest --limit a search finding more than KEYED_MATCHES quotes prints wholly by key, never reading the store
whole: at 100,000 articles, 1,000 lines of a common word take 0.5 s and 267 MB (by date 1.8 s), where the store
read whole takes 5 s and 1.75 GB. Past a hundred speakers their postings are read all at once (see
`store.keyed_index.SPEAKERS_ONE_BY_ONE`)."""


class FoundQuotes:
    """The quotes a search or an export lists, in its order, and the documents each line is made from: those read by key
    and, for a search that found too many to read them all by key, past its first lines those of the store read
    whole (`rest`, called once the first lines are out: the entries after them, their documents and, for a listing
    that may be split in two, the entries after those, which `hand_later` may take to be made elsewhere)."""

    def __init__(
        self,
        first: Iterable[int],
        documents: QuoteDocuments,
        rest: Callable[[], tuple[Iterator[int], QuoteDocuments, Iterator[int] | None]] | None = None,
        matched: int | None = None,
    ) -> None:
        self._first = first
        self._documents = documents
        self._rest = rest
        self._rest_documents: QuoteDocuments | None = None
        self._exported = 0
        self.entries = self._entries()
        """The positions of the quotes listed, in order."""
        self.hand_later: Callable[[Iterator[int]], bool] | None = None
        """Given the entries after the rest's, whether it took them (to make their lines elsewhere, after the rest's
        lines): those it did not take are listed here after the rest's."""
        self.matched = matched
        """How many stored quotes matched (copies of one quote counted apart), for a search that matched more than
        KEYED_MATCHES: the count after a --limit is then told as at most this many rather than counted, which would
        need every match read and grouped (tens of seconds at 100,000 articles), unless the rest was read whole."""

    @property
    def rest_read(self) -> bool:
        """Whether the entries after the first lines were read whole, so that every match can be counted."""
        return self._rest_documents is not None and self._rest_documents is not self._documents

    @property
    def documents(self) -> QuoteDocuments:
        """The documents the first lines are made from: every line's, for a search read wholly by key."""
        return self._documents

    def _entries(self) -> Iterator[int]:
        yield from self._first
        if self._rest is not None:
            rest, self._rest_documents, later = self._rest()
            if later is not None and self.hand_later is not None and self.hand_later(later):
                later = None
            yield from rest
            if later is not None:
                yield from later

    def export_lines(self, form: str, bom: bool) -> Iterator[str]:
        """The export of every quote listed in `form` (see `store.export.row_lines`), made as it is written; how many
        quotes it held so far is told by `listed`."""
        from store.export import document_rows, row_lines

        def counted() -> Iterator[int]:
            for position in self.entries:
                self._exported += 1
                yield position

        def rows(documents: QuoteDocuments, chosen: Iterable[int]) -> Iterator[dict[str, object]]:
            return document_rows(documents, chosen)

        return row_lines(self._made(counted(), rows), form, bom)

    def listed(self) -> int:
        """How many quotes the export (see `export_lines`) held so far."""
        return self._exported

    def line_parts(self, positions: Iterable[int]) -> Iterator[tuple[str, tuple[str, str], int]]:
        """The parts of a plain line of each quote at `positions` (see `QuoteDocuments.line_parts`)."""
        return self._made(positions, lambda documents, chosen: documents.line_parts(chosen))

    def attribution(self, speaker: str, article_key: str) -> Attribution:
        """Who said a quote in an article, and its title (see `QuoteDocuments.attribution`), from the documents the
        lines are being made from."""
        return (self._rest_documents or self._documents).attribution(speaker, article_key)

    def article_day(self, article_key: str) -> str:
        """The day an article's quotes are ordered by (see `QuoteDocuments.article_day`)."""
        return (self._rest_documents or self._documents).article_day(article_key)

    def json_texts(self, positions: Iterable[int]) -> Iterator[str]:
        """The JSON of each quote at `positions` (see `QuoteDocuments.json_texts`)."""
        return self._made(positions, lambda documents, chosen: documents.json_texts(chosen))

    def _made(
        self, positions: Iterable[int], make: Callable[[QuoteDocuments, Iterable[int]], Iterator[Any]]
    ) -> Iterator[Any]:
        """What `make` makes of each position, from the documents read by key until the rest was read whole."""
        source = iter(positions)
        held: list[int] = []

        def read_by_key() -> Iterator[int]:
            for position in source:
                if self._rest_documents is not None:
                    held.append(position)
                    return
                yield position

        yield from make(self._documents, read_by_key())
        if held and self._rest_documents is not None:
            yield from make(self._rest_documents, chain(held, source))


def ascending(positions: Sequence[int]) -> bool:
    """Whether positions are in stored order: found quotes sorted by date whose articles were added in the order of
    their dates (an archive ingested as it was written), listed as a search in stored order lists them, streamed
    from the quote files rather than read whole."""
    return all(map(int.__lt__, positions, islice(positions, 1, None)))


def keyed_entries(
    store_path: Path,
    parsed: ParsedQuery,
    limit: int | None = None,
    before_whole: Callable[[], bool] | None = None,
    first_lines_seen: bool = True,
    order: str = "article",
    whole_lean: bool | None = None,
) -> FoundQuotes | None:
    """The quotes a search lists, in article order or in `order`, found and read by key (see `store.keyed_index`):
    what it finds is read, not the whole store. Past KEYED_MATCHES matches, only the first lines are (`limit` of
    them, at most LIMITED_LINES_BY_KEY; FIRST_LINES_BY_KEY without one) when someone sees them come
    (`first_lines_seen`) or a --limit asks for no more;
    the rest are read whole, from the version of the store the first lines came from (lean for a query with
    filters or an order, unless `whole_lean` says), once `before_whole` says they are still wanted. Filters on
    articles are told from the found quotes' articles (see `KeyedSearch.filtered`); an `order` but the stored one
    from their documents up to KEYED_MATCHES found, past them from every quote's article or speaker read from the
    quote files (see `ordered_by_key`). Filters on articles alone find the quotes of the articles they keep (see
    `KeyedSearch.articles_found`). None when the store or the query needs a whole read (an index written by an
    earlier whosaid, an `org:` filter on an index that does not say who spoke for what, a word being typed, more
    than KEYED_MATCHES matches and no one to see the first lines), or a writer replaced files while this read
    them."""
    from store.keyed_index import FirstEntries, KeyedSearch, keyed_terms, read_by_key
    from store.keyed_listing import ordered_by_key, sorted_by_key
    from store.quote_documents import QuoteDocuments

    if not keyed_terms(parsed):
        return None
    try:
        keyed = read_by_key(store_path)
        if keyed is None:
            return None
        search = KeyedSearch(keyed)
        found = search.found_positions(parsed)
        positions = search.filtered(found, parsed)
        many = len(positions) > KEYED_MATCHES
        by_key = FIRST_LINES_BY_KEY if limit is None else min(limit, LIMITED_LINES_BY_KEY)
        if many and not first_lines_seen and (limit is None or limit > by_key):
            return None
        if len(positions) <= min(GROUPED_AT_ONCE, KEYED_MATCHES):
            keyed.speakers_of(positions)
        elif not many:
            keyed.read_speakers_quotes(positions)
        groups = keyed.groups()
        documents = QuoteDocuments(keyed, keyed.quote_documents(), groups)
        if order != "article" and not many:
            return FoundQuotes(iter(sorted_by_key(keyed, groups.entries_in_order(positions), order)), documents)
        ordered = ordered_by_key(keyed, positions, order) if order != "article" else positions
        in_stored_order = order != "article" and ascending(ordered)
    except (StoreError, OSError):
        return None
    if not many:
        return FoundQuotes(groups.entries_in_order(positions), documents)
    first = FirstEntries(groups, ordered, KEYED_MATCHES)

    def rest() -> tuple[Iterator[int], QuoteDocuments, Iterator[int] | None]:
        """The entries after those listed by key and their documents: read from the quote files in turn for a listing
        of the found quotes in stored order (see `store.streamed_listing`), its second half apart when it has no
        limit and more than one core may make its lines; else from the store read whole."""
        if before_whole is not None and not before_whole():
            return iter(()), documents, None
        listed_as_found = (order == "article" or in_stored_order) and not parsed.filters
        if listed_as_found:
            quotes, copies = read_streamed(keyed)
            streamed = QuoteDocuments(keyed, quotes, copies)
            from store.parallel import default_jobs

            left = positions[bisect_right(positions, first.scanned) :]
            if limit is not None or len(left) < SPLIT_AT_LEAST or default_jobs() < 2:
                return copies.entries_after(positions, first.scanned), streamed, None
            half = left[len(left) // 2]
            return (
                copies.entries_after(positions, first.scanned, before=half),
                streamed,
                copies.entries_after(positions, half - 1),
            )
        lean = bool(parsed.filters) or order != "article" if whole_lean is None else whole_lean
        snapshot = read_whole(store_path, lean, keyed.tables)
        whole = QuoteDocuments.of(snapshot)
        if order != "article":
            listed = iter(snapshot.sorted_quotes(snapshot.search_quotes(parsed), order).positions)
            return islice(listed, first.listed, None), whole, None
        scanned = first.scanned
        found_whole = snapshot.search_entries(parsed)
        return dropwhile(lambda position: position <= scanned, found_whole), whole, None

    return FoundQuotes(islice(first, by_key), documents, rest, matched=len(positions))


def shows_styles() -> bool:
    """Whether plain output may mark matches in reverse video: on a terminal that draws styles, unless NO_COLOR
    is set (TERM=dumb draws none)."""
    terminal = sys.stdout is not None and sys.stdout.isatty()
    return terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM", "") not in ("dumb", "")


def run_search(store_path: Path, arguments: argparse.Namespace) -> int:
    """Print the matching quotes (exit 0), or nothing when none match (exit 1, like grep); the count on stderr.

    In article order the quotes are printed as they are found, so the first lines come before the last copies are
    grouped; with --limit the count is finished after the lines are out, or, for a search read by key that matched
    more than KEYED_MATCHES quotes, told as at most its matches (see `FoundQuotes.matched`); once the reader has gone
    (`| head`), it stops at once, counting nothing."""
    parsed = search_query(arguments)
    if parsed.is_empty:
        print_error(nothing_to_search(parsed))
        return EXIT_FAILURE
    for part in parsed.ignored:
        print_error(f"ignored {part!r}: no letter or digit to search for")
    output = Lines()
    made: list[QuoteLines] = []
    """The lines being made, once the first entry is found (none when no entry was listed by key)."""

    def before_whole() -> bool:
        """Send every line made so far; whether the reader is still there (see `reader_still_there`)."""
        chunk = made[0].taken() if made else ""
        if chunk:
            output.write(chunk)
        return reader_still_there(output)

    found = keyed_entries(store_path, parsed, arguments.limit, before_whole, not output_is_a_file(), arguments.sort)
    if found is None:
        from store.quote_documents import QuoteDocuments

        snapshot = read_whole(store_path, lean=bool(parsed.filters) or arguments.sort != "article")
        if arguments.sort == "article":
            entries = snapshot.search_entries(parsed)
        else:
            entries = iter(snapshot.sorted_quotes(snapshot.search_quotes(parsed), arguments.sort).positions)
        found = FoundQuotes(entries, QuoteDocuments.of(snapshot))
    entries = found.entries
    form = "json" if arguments.json else "jsonl" if arguments.jsonl else "plain"
    first = next(entries, None)
    if first is None:
        hint = phrase_hint(arguments.words)
        print("0 quotes" + (f" ({hint})" if hint else ""), file=sys.stderr)
        return EXIT_NO_MATCH
    wanted = chain((first,), entries)
    shown = islice(wanted, arguments.limit) if arguments.limit is not None else wanted
    highlight = form == "plain" and shows_styles()
    lines = QuoteLines(found, parsed, form, highlight, dated=arguments.sort in DATE_ORDERS)
    made.append(lines)
    for chunk in lines.chunks(shown):
        output.write(chunk)
        if output.lost:
            return EXIT_OK
    output.flush()
    if output.lost:
        return EXIT_OK
    printed = lines.made + sum(1 for _ in shown)
    if found.matched is not None and not found.rest_read and printed == arguments.limit and printed < found.matched:
        print(f"{printed} of at most {found.matched} quotes", file=sys.stderr)
        return EXIT_OK
    total = printed + sum(1 for _ in entries)
    if output.lost:
        return EXIT_OK
    amount = f"{printed} of {total}" if printed < total else str(total)
    print(f"{amount} quote{'' if total == 1 else 's'}", file=sys.stderr)
    return EXIT_OK


def reader_still_there(output: Lines) -> bool:
    """Send what `output` holds; whether its reader is still there (then watched while the store is read whole for
    the rest, see `end_when_reader_goes`)."""
    output.flush()
    if not output.lost:
        end_when_reader_goes()
    return not output.lost


def output_is_a_file() -> bool:
    """Whether standard output goes to a file (rather than to a terminal or a pipe, where the first lines are seen as
    soon as they are out)."""
    import stat

    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return False


def end_when_reader_goes() -> None:
    """While a search reads the store whole for what it has still to print, end the process as soon as the reader of
    its output has gone (`| head`): nothing more would be printed, and the count is not printed then either."""
    import select
    import stat
    import threading

    try:
        descriptor = sys.stdout.fileno()
        if not stat.S_ISFIFO(os.fstat(descriptor).st_mode):
            return
    except (OSError, ValueError, AttributeError):
        return

    def watch() -> None:
        """Wait until the pipe has no reader (or is closed here), and end the process if it has none."""
        poller = select.poll()
        poller.register(descriptor, 0)
        while True:
            for _descriptor, event in poller.poll():
                if event & (select.POLLERR | select.POLLHUP):
                    os._exit(EXIT_OK)
                if event & select.POLLNVAL:
                    return

    threading.Thread(target=watch, name="reader watch", daemon=True).start()


def read_from_folder(documents: Sequence[Mapping[str, Any]], folder: str) -> list[tuple[Mapping[str, Any], set[str]]]:
    """The articles read from files in a folder (or its subfolders), each with those of its paths: `rm DIR` takes
    these paths off, so an article also read from a file elsewhere stays, under it."""
    from store.article_metadata import article_sources

    prefix = folder.rstrip("/" + os.sep) + os.sep
    found = []
    for document in documents:
        paths = {path for path in article_sources(document) if path.startswith(prefix)}
        if paths:
            found.append((document, paths))
    return found


def articles_to_remove(
    documents: Sequence[Mapping[str, Any]], selectors: Sequence[str], seed: bool
) -> tuple[list[Mapping[str, Any]], dict[str, set[str]], list[str]]:
    """The documents of the articles `rm` names (from every stored article's), the paths and URLs to take off those
    named only by them (by key: such an article goes with the last path that holds its text), and why any name does
    not pick out exactly one."""
    from store.article_metadata import article_sources
    from store.lazy_records import article_title
    from store.snapshot import article_positions_named

    chosen: dict[str, Mapping[str, Any]] = {}
    whole: set[str] = set()
    by_path: dict[str, set[str]] = {}

    def choose(document: Mapping[str, Any], paths: set[str]) -> None:
        """Take an article, with the paths it was named by (none: by id or title, the whole article)."""
        key = document["key"]
        chosen[key] = document
        paths = paths.intersection(article_sources(document))
        if paths and key not in whole:
            by_path.setdefault(key, set()).update(paths)
        else:
            whole.add(key)
            by_path.pop(key, None)

    problems: list[str] = []
    for selector in selectors:
        source = article_source(selector)
        found = [documents[n] for n in article_positions_named(documents, selector, source)]
        held = [] if found else items_held(documents, selector, source)
        if len(found) == 1:
            choose(found[0], {selector, source})
        elif held:
            for document, paths in held:  # the items of a feed or JSON file
                choose(document, paths)
        elif not found and (Path(selector).is_dir() or selector.endswith(("/", os.sep))):
            inside = read_from_folder(documents, source)
            for document, paths in inside:
                choose(document, paths)
            if not inside:
                problems.append(f"{selector}: no article was read from a file in this folder")
        elif not found:
            problems.append(f"{selector}: no article has this id, path or title")
        else:
            named = ", ".join(
                " ".join([document["key"], *map(shown_path, article_sources(document)[:1]),
                          f"\u201c{article_title(document)}\u201d"])
                for document in found[:3]
            )
            more = ", \u2026" if len(found) > 3 else ""
            firsts = {(article_sources(document) or [""])[0] for document in found}
            by = "id or path" if len(firsts) == len(found) else "id"  # read from one path (standard input): no help
            problems.append(f"{selector}: {len(found)} articles match: {named}{more}; name one by {by}")
    if seed:
        from store import read_article_file, seed_paths
        from store.documents import article_key
        from store.keys import content_hash

        keys = {article_key(content_hash(read_article_file(path))) for path in seed_paths()}
        seeds = [document for document in documents if document["key"] in keys]
        if not seeds:
            problems.append("--seed: the seed article is not in the store")
        for document in seeds:
            choose(document, set())
    return list(chosen.values()), by_path, problems


def items_held(
    documents: Sequence[Mapping[str, Any]], name: str, source: str
) -> list[tuple[Mapping[str, Any], set[str]]]:
    """The articles read from the items of a feed or JSON file (`name`, stored as `source`), each with the sources
    of those items: the file's path with an item's number, or an item's own link the file still lists."""
    from store.article_metadata import article_sources

    listed = item_sources(name)
    held = []
    for document in documents:
        paths = {path for path in article_sources(document) if path.startswith(source + "#") or path in listed}
        if paths:
            held.append((document, paths))
    return held


def item_sources(name: str) -> set[str]:
    """Where the items a feed or JSON Lines file still lists were stored from (their own links, mostly), so that
    `rm FILE` removes them; none when `name` is no such file or cannot be read."""
    from store.sources import read_input

    if not Path(name).is_file():
        return set()
    try:
        read = read_input(name)
    except (ArticleError, OSError):
        return set()
    return {article.source for article in read.articles} - {article_source(name)}


def run_rm(store_path: Path, selectors: Sequence[str], seed: bool) -> int:
    """Remove the named articles in one write, or nothing at all when a name is wrong."""
    if not selectors and not seed:
        print_error("name the articles to remove (id, path or title words), or pass --seed")
        return EXIT_FAILURE
    store = open_existing_store(store_path)
    chosen, by_path, problems = articles_to_remove(store.article_documents(), selectors, seed)
    for problem in problems:
        print_error(problem)
    if problems:
        print("nothing removed", file=sys.stderr)
        return EXIT_FAILURE
    digests = {document["key"]: document.get("hash", document["key"]) for document in chosen}
    removed = store.remove(digests.values(), {digests[key]: paths for key, paths in by_path.items()})
    from store.article_metadata import article_sources

    others = {document["key"]: article_sources(document)[1:] for document in chosen}
    output = Lines()
    for article in removed:
        if article.kept_under is None:
            also = others.get(article.key)
            tail = f" (also read from {', '.join(map(source_shown, also))})" if also else ""
            output.write(printable_line(f"removed {article.key} {article.source}: {article.title}{tail}"))
    output.flush()
    kept = [article for article in removed if article.kept_under is not None]
    for article in kept:
        line = f"kept {article.key} {source_shown(article.kept_under or '')}: {article.title}"
        print(printable_line(f"{line}; no longer read from {source_shown(article.source)}"), file=sys.stderr)
    gone = len(removed) - len(kept)
    print(f"{gone} removed, {len(kept)} kept" if kept else f"{gone} removed", file=sys.stderr)
    return EXIT_OK


def run_app(store_path: Path, ascii_only: bool, mouse: bool) -> int:
    """Open the store (seeding an empty one) and run the browser until the user quits."""
    if not (sys.stdin is not None and sys.stdout is not None and sys.stdin.isatty() and sys.stdout.isatty()):
        print_error(
            "the browser needs a terminal (its input or output is redirected); "
            "use 'whosaid search' or 'whosaid extract' in scripts"
        )
        return EXIT_FAILURE
    from store.database import open_store
    from tui.allocator import share_one_malloc_arena
    from tui.app import WhosaidApp
    from tui.key_parser import read_keys_with_key_parser

    share_one_malloc_arena()
    new_store = not store_path.exists()
    store = open_store(store_path)
    if store.reads_quickly():
        store.open_snapshot()
    app = WhosaidApp(store, ascii_only=ascii_only, new_store=new_store)
    for frozen_size in ("COLUMNS", "LINES"):
        os.environ.pop(frozen_size, None)  # the terminal's own size, followed on resize, wins over the shell's
    read_keys_with_key_parser()
    app.run(mouse=mouse)
    if app.exit_error:
        print_error(app.exit_error)
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `whosaid` command."""
    OUTPUT_FAILURES.clear()
    arguments = browser_arguments(sys.argv[1:] if argv is None else argv) or build_parser().parse_args(argv)
    if arguments.command is not None:
        resume_collector()
    code = run_command(arguments)
    return EXIT_FAILURE if said_output_failed() else code


def run_command(arguments: argparse.Namespace) -> int:
    """Run the command the arguments name (the browser when none); its exit status."""
    try:
        if arguments.command == "extract" and arguments.jsonl:
            return run_extract_lines(arguments.paths)
        if arguments.command == "extract":
            return run_extract(arguments.paths, arguments.json)
        store_path = resolve_store_path(getattr(arguments, "db", None))
        if store_path.exists() and not store_path.is_file() and not store_path.is_dir():
            raise WhosaidError(f"{shown_path(store_path)}: not a store file (a device or a pipe); pass another --db")
        if arguments.command == "ingest" and (arguments.extracted is not None or not arguments.paths):
            return run_ingest_extracted(store_path, arguments.extracted, arguments.paths, arguments.batch_size)
        if arguments.command == "ingest":
            return run_ingest(store_path, arguments.paths, arguments.batch_size, arguments.follow, arguments.jobs)
        if arguments.command == "search":
            with collector_paused(keep_out=True):
                return run_search(store_path, arguments)
        if arguments.command == "export":
            with collector_paused(keep_out=True):
                return run_export(store_path, arguments)
        if arguments.command == "reextract":
            return run_reextract(store_path, arguments.all, arguments.batch_size, arguments.jobs)
        if arguments.command == "rm":
            return run_rm(store_path, arguments.articles, arguments.seed)
        if arguments.command == "serve":
            from tui.allocator import share_one_malloc_arena
            from tui.ssh_server import run_server

            share_one_malloc_arena()
            return run_server(arguments, store_path)
        return run_app(store_path, arguments.ascii, not arguments.no_mouse)
    except WhosaidError as error:
        print_error(str(error))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        Lines().flush_lost()
        return EXIT_OK
