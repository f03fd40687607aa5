"""A JSON file that is not a whosaid store is refused by every command and left byte for byte as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from store import Store, StoreError, open_store
from tests.conftest import REPO_ROOT, SEED_PATH, tagged_extract

FOREIGN = {
    "tinydb-note": {"_default": {"1": {"title": "a note"}}},
    "empty-object": {},
    "meta-of-another-app": {"meta": {"1": {"schema": 1, "app": "notes"}}, "notes": {"1": {"text": "x"}}},
    "first-schema-lookalike": {"meta": {"1": {"schema": 1}}, "articles": {"1": {"title": "no key or text"}}},
    "first-schema-without-meta": {"articles": {}, "people": {}, "organizations": {}, "quotes": {}},
    "manifest-with-extra": {
        "whosaid": {"schema": 3, "generation": 1, "tables": {}},
        "_default": {"1": {"title": "a note"}},
    },
    "manifest-naming-other-tables": {"whosaid": {"schema": 3, "generation": 1, "tables": {"notes": "notes.json"}}},
}


@pytest.fixture(params=sorted(FOREIGN))
def foreign(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A JSON file of another program where a store is expected."""
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(FOREIGN[request.param], indent=2) + "\n")
    return path


def assert_refused_untouched(result: subprocess.CompletedProcess[str], path: Path, before: bytes) -> None:
    """Exit 2, one line saying the file is not a store, and nothing written or created."""
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("whosaid: ") and "notes.json: not a whosaid store" in line
    assert result.stdout == ""
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["notes.json"]


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m tui` as a user runs it, without a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *arguments], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120
    )


def test_every_command_refuses_it(foreign: Path) -> None:
    before = foreign.read_bytes()
    for arguments in (
        ("ingest", "--db", str(foreign), str(SEED_PATH)),
        ("search", "--db", str(foreign), "production"),
    ):
        assert_refused_untouched(run(*arguments), foreign, before)


def test_the_browser_and_the_server_refuse_it_before_seeding(foreign: Path) -> None:
    before = foreign.read_bytes()
    with pytest.raises(StoreError, match="not a whosaid store"):
        open_store(foreign)
    with pytest.raises(StoreError, match="not a whosaid store"):
        Store(foreign, extractor=tagged_extract).ingest([("a.txt", "T\n\n\u201cHi,\u201d said Ann Lee.\n")])
    assert foreign.read_bytes() == before
    assert sorted(p.name for p in foreign.parent.iterdir()) == ["notes.json"]


def test_serve_refuses_it_at_startup(foreign: Path, tmp_path: Path) -> None:
    asyncssh = pytest.importorskip("asyncssh")
    keys = tmp_path / "keys"
    keys.mkdir()
    authorized = keys / "authorized_keys"
    authorized.write_bytes(asyncssh.generate_private_key("ssh-ed25519").export_public_key())
    host_key = keys / "host_key"
    host_key.write_bytes(asyncssh.generate_private_key("ssh-ed25519").export_private_key())
    host_key.chmod(0o600)
    before = foreign.read_bytes()
    result = run(
        "serve", "--db", str(foreign), "--port", "0",
        "--authorized-keys", str(authorized), "--host-key", str(host_key),
    )
    assert result.returncode == 2, result.stderr
    assert "notes.json: not a whosaid store" in result.stderr.splitlines()[-1]
    assert foreign.read_bytes() == before
    assert sorted(p.name for p in foreign.parent.iterdir()) == ["keys", "notes.json"]


def test_serve_on_a_missing_store_says_so_and_creates_nothing(tmp_path: Path) -> None:
    asyncssh = pytest.importorskip("asyncssh")
    authorized = tmp_path / "authorized_keys"
    authorized.write_bytes(asyncssh.generate_private_key("ssh-ed25519").export_public_key())
    host_key = tmp_path / "host_key"
    host_key.write_bytes(asyncssh.generate_private_key("ssh-ed25519").export_private_key())
    host_key.chmod(0o600)
    missing = tmp_path / "typo" / "store.json"
    result = run(
        "serve", "--db", str(missing), "--port", "0",
        "--authorized-keys", str(authorized), "--host-key", str(host_key),
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"whosaid: no store at {missing}; ingest articles into it first, or pass another --db"
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["authorized_keys", "host_key"]
