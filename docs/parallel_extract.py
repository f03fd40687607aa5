"""Extract a folder of articles in N worker processes into the lines `whosaid ingest --extracted` stores.

usage: python docs/parallel_extract.py DIR OUT.jsonl [--jobs N]     (OUT `-`: standard output)

Extraction is a pure function of an article: it needs no store, so it can run on any machine, in as many
processes as there are cores; only loading the lines needs the store, and it does not extract again:

    python docs/parallel_extract.py news/ news.jsonl --jobs 8
    whosaid ingest --extracted news.jsonl

The lines are those `whosaid extract news/ --jsonl` prints, in the same order. A file that cannot be read is
reported in one line on stderr and left out; the exit code is then 2.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import orjson

from store.errors import WhosaidError
from store.extracted import extracted_article_line
from store.parallel import default_jobs
from store.sources import directory_inputs, read_input


def extract_file(path: Path) -> tuple[list[bytes], list[str]]:
    """In a worker: a line for each article the file holds, and a one-line message for each part not read."""
    try:
        read = read_input(str(path))
    except WhosaidError as error:
        return [], [str(error)]
    return [orjson.dumps(extracted_article_line(str(path), article)) for article in read.articles], read.errors


@contextmanager
def opened_output(name: str) -> Iterator[BinaryIO]:
    """The file the lines go to (standard output for `-`)."""
    if name == "-":
        yield sys.stdout.buffer
        return
    with open(name, "wb") as output:
        yield output


def jobs_count(value: str) -> int:
    """A number of worker processes: a whole number of at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def main(argv: list[str] | None = None) -> int:
    """Extract every article file of DIR in worker processes, writing the lines in the folder's order."""
    parser = argparse.ArgumentParser(description="Extract a folder of articles into lines for ingest --extracted.")
    parser.add_argument("folder", metavar="DIR", type=Path)
    parser.add_argument("output", metavar="OUT", help="the JSON Lines file to write, - for standard output")
    parser.add_argument(
        "--jobs",
        type=jobs_count,
        default=default_jobs(),
        help="worker processes (default: the cores this process may use)",
    )
    arguments = parser.parse_args(argv)
    if not arguments.folder.is_dir():
        print(f"parallel_extract: {arguments.folder}: not a directory", file=sys.stderr)
        return 2
    files = directory_inputs(arguments.folder).files
    if not files:
        print(f"parallel_extract: {arguments.folder}: no article files in it", file=sys.stderr)
        return 2
    failed = False
    try:
        with opened_output(arguments.output) as output, multiprocessing.Pool(arguments.jobs) as pool:
            for lines, errors in pool.imap(extract_file, files, chunksize=8):
                output.writelines(line + b"\n" for line in lines)
                for message in errors:
                    print(message, file=sys.stderr)
                failed = failed or bool(errors)
    except OSError as error:
        print(f"parallel_extract: {arguments.output}: {error.strerror}", file=sys.stderr)
        return 2
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
