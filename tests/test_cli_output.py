"""Where the command line writes: standard output that cannot be written, and an export aimed at the store itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tui.cli import main

ARTICLE = (
    "Harbor plan wins council vote\n\n"
    "PORTSMOUTH \u2014 The city council approved the harbor plan on Monday.\n"
    "\u201cThis is the biggest investment in the waterfront\u2028in forty years,\u201d "
    "said Maria Lopez, the mayor of Portsmouth.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A news article on disk."""
    path = tmp_path / "harbor.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def ingested(directory: Path, article: Path) -> Path:
    """A store in `directory` holding the article, ingested as a user would."""
    store = directory / "store.json"
    assert main(["ingest", "--db", str(store), str(article)]) == 0
    return store


def run(*arguments: str, stdout: int | None = None, close_stdout: bool = False) -> subprocess.CompletedProcess[str]:
    """Run `python -m tui` as a user would, its standard output sent to `stdout` (or closed)."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *arguments],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full to fill")
@pytest.mark.parametrize(
    "command", [["search", "waterfront"], ["search", "waterfront", "--json"], ["export", "waterfront"]]
)
def test_a_full_disk_under_standard_output_is_one_line_and_exit_2(
    tmp_path: Path, article: Path, command: list[str]
) -> None:
    store = ingested(tmp_path, article)
    with open("/dev/full", "w") as full:
        done = run(command[0], "--db", str(store), *command[1:], stdout=full.fileno())
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines()[-1] == "whosaid: cannot write to standard output (No space left on device)"
    assert "Traceback" not in done.stderr


def test_an_ingest_with_standard_output_closed_stores_every_article_then_says_it_could_not_print(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Maria Lopez", "Ana Ruiz").replace("harbor", "bridge"), encoding="utf-8")
    store = tmp_path / "store.json"
    done = run("ingest", "--db", str(store), str(article), str(other), close_stdout=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-2:] == [
        "2 added, 0 replaced, 0 unchanged, 0 failed",
        "whosaid: cannot write to standard output (it is closed)",
    ]
    assert main(["search", "--db", str(store), "forty", "--jsonl"]) == 0
    assert capsys.readouterr().out.count("\n") == 2
    searched = run("search", "--db", str(store), "forty", close_stdout=True)
    assert searched.returncode == 2 and searched.stderr == "whosaid: cannot write to standard output (it is closed)\n"


@pytest.mark.parametrize("target", ["store.json", "store.json.d/quotes.1.json", "store.json.lock", "link.json"])
def test_an_export_onto_the_store_is_refused_and_leaves_it_whole(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    store = ingested(tmp_path, article)
    (tmp_path / "link.json").symlink_to(store)
    files = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    capsys.readouterr()
    assert main(["export", "--db", str(store), "waterfront", "-o", str(tmp_path / target)]) == 2
    output = capsys.readouterr()
    assert output.out == "" and output.err.count("\n") == 1 and "the store's own file" in output.err
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == files
    assert main(["search", "--db", str(store), "waterfront"]) == 0


def test_an_export_to_a_dash_writes_standard_output(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ingested(tmp_path, article)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["export", "--db", str(store), "waterfront", "--format", "jsonl", "-o", "-"]) == 0
    output = capsys.readouterr()
    assert output.out.count("\n") == 1 and '"Maria Lopez"' in output.out and not (tmp_path / "-").exists()


def test_a_line_separator_in_a_quote_prints_as_a_space(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ingested(tmp_path, article)
    capsys.readouterr()
    assert main(["search", "--db", str(store), "waterfront"]) == 0
    line = capsys.readouterr().out
    assert "waterfront in forty" in line and "\u2028" not in line and "\u2029" not in line


def test_an_export_says_which_words_it_ignored_as_a_search_does(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ingested(tmp_path, article)
    capsys.readouterr()
    for command in ("search", "export"):
        assert main([command, "--db", str(store), "++", "waterfront"]) == 0
        assert capsys.readouterr().err.splitlines()[0] == "whosaid: ignored '++': no letter or digit to search for"


def test_an_encoding_that_cannot_write_a_quote_says_so(tmp_path: Path, article: Path) -> None:
    store = ingested(tmp_path, article)
    done = subprocess.run(
        [sys.executable, "-m", "tui", "search", "--db", str(store), "waterfront"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("whosaid: cannot write to standard output (its encoding, ascii, cannot write ")


def test_an_export_onto_a_loop_of_links_replaces_the_link(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ingested(tmp_path, article)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    capsys.readouterr()
    assert main(["export", "--db", str(store), "waterfront", "-o", str(loop)]) == 0
    assert capsys.readouterr().err.endswith("1 quote exported to " + str(loop) + "\n")
    assert not loop.is_symlink() and "Maria Lopez" in loop.read_text(encoding="utf-8")


def test_an_export_writes_through_a_link_and_into_a_pipe_rather_than_replacing_them(
    tmp_path: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export -o link.md` turned the link into a file and left its target as it was; `-o` a named pipe replaced
    the pipe with a file (its reader waiting for ever), and as root `-o /dev/null` replaced the device."""
    store = ingested(tmp_path, article)
    target, link, dangling = tmp_path / "real.md", tmp_path / "link.md", tmp_path / "dangling.md"
    target.write_text("keep\n", encoding="utf-8")
    link.symlink_to(target.name)
    dangling.symlink_to("made.md")
    for path in (link, dangling):
        assert main(["export", "--db", str(store), "waterfront", "-o", str(path)]) == 0
        assert path.is_symlink() and "Maria Lopez" in path.read_text(encoding="utf-8")
    assert "Maria Lopez" in target.read_text(encoding="utf-8") and (tmp_path / "made.md").is_file()
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = subprocess.Popen(["cat", str(pipe)], stdout=subprocess.PIPE, text=True)
    done = run("export", "--db", str(store), "waterfront", "--format", "jsonl", "-o", str(pipe))
    read, _ = reader.communicate(timeout=60)
    assert done.returncode == 0 and read.count("\n") == 1 and "Maria Lopez" in read
    assert pipe.is_fifo()
    capsys.readouterr()


def test_an_export_over_a_file_keeps_its_permissions_and_its_other_hard_links(tmp_path: Path, article: Path) -> None:
    """A private file (0600) became readable by everyone (0644), and a hard link to it kept the old text."""
    store = ingested(tmp_path, article)
    private, linked, other_name = tmp_path / "private.md", tmp_path / "linked.md", tmp_path / "also.md"
    private.write_text("secret\n", encoding="utf-8")
    private.chmod(0o600)
    linked.write_text("old\n", encoding="utf-8")
    os.link(linked, other_name)
    for path in (private, linked):
        done = run("export", "--db", str(store), "-o", str(path))
        assert done.returncode == 0, done.stderr
        assert "Maria Lopez" in path.read_text(encoding="utf-8")
    assert private.stat().st_mode & 0o777 == 0o600
    assert other_name.read_text(encoding="utf-8") == linked.read_text(encoding="utf-8")
    assert os.path.samefile(linked, other_name)


def test_the_version_into_a_full_disk_is_one_line_and_exit_2() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full to fill")
    with open("/dev/full", "w") as full:
        done = run("--version", stdout=full.fileno())
    assert (done.returncode, done.stderr) == (2, "whosaid: cannot write to standard output (No space left on device)\n")


@pytest.mark.parametrize("arguments", [["--help"], ["search", "--help"]])
def test_help_into_a_full_disk_is_one_line_and_exit_2(arguments: list[str]) -> None:
    """argparse passed over the failed write and exited 0."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full to fill")
    with open("/dev/full", "w") as full:
        done = run(*arguments, stdout=full.fileno())
    assert (done.returncode, done.stderr) == (2, "whosaid: cannot write to standard output (No space left on device)\n")


def run_with_stderr(arguments: list[str], stderr: int | None) -> subprocess.CompletedProcess[str]:
    """`python -m tui` with its standard error sent to `stderr`, or closed when None."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *arguments],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=stderr if stderr is not None else subprocess.DEVNULL,
        text=True,
        timeout=120,
        preexec_fn=(lambda: os.close(2)) if stderr is None else None,
    )


@pytest.mark.parametrize("closed", [False, True])
def test_standard_error_that_cannot_be_written_changes_neither_the_work_nor_the_exit_status(
    tmp_path: Path, article: Path, closed: bool
) -> None:
    """Into a full disk, the first message ended an ingest in a traceback, storing nothing, and every command
    exited 1; with stderr closed, the count and errors were printed among standard output's data."""
    if not closed and not Path("/dev/full").exists():
        pytest.skip("no /dev/full to fill")
    empty = tmp_path / "aa_empty.txt"
    empty.write_text("", encoding="utf-8")
    store = tmp_path / "store.json"
    with open("/dev/full", "w") if not closed else open(os.devnull, "w") as full:
        stderr = None if closed else full.fileno()
        ingest = run_with_stderr(["ingest", "--db", str(store), str(empty), str(article)], stderr)
        assert ingest.returncode == 2 and "Traceback" not in ingest.stdout
        searched = run_with_stderr(["search", "--db", str(store), "waterfront", "--jsonl"], stderr)
        assert searched.returncode == 0 and searched.stdout.count("\n") == 1 and "quote" not in searched.stdout[-10:]
        wrong = run_with_stderr(["search", "--db", str(store), "waterfront", "--bogus"], stderr)
        assert (wrong.returncode, wrong.stdout) == (2, "")
        missing = run_with_stderr(["search", "--db", str(tmp_path / "none.json"), "waterfront"], stderr)
        assert (missing.returncode, missing.stdout) == (2, "")
