"""whosaid through a real OpenSSH server (sshd on a loopback port, its own config and keys), at 80×24 in tmux."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ssh_support import (
    Tmux,
    assert_terminal_restored,
    exercise_app,
    free_port,
    gated,
    require_programs,
    ssh_terminal_command,
    wait_until,
    whosaid_command,
    write_key,
)

TERMS = ("xterm-256color", "xterm", "screen-256color", "linux")
PRIVILEGE_SEPARATION_DIRECTORY = Path("/run/sshd")


@dataclass(frozen=True)
class Sshd:
    """A running sshd: its port and the key it lets in."""

    port: int
    client_key: Path
    directory: Path


def sshd_config(directory: Path, port: int) -> str:
    """A config that uses only files in `directory`: public keys, no PAM, no passwords, no forwarding."""
    return "\n".join(
        [
            f"Port {port}",
            "ListenAddress 127.0.0.1",
            f"HostKey {directory / 'ssh_host_ed25519_key'}",
            f"PidFile {directory / 'sshd.pid'}",
            f"AuthorizedKeysFile {directory / 'authorized_keys'}",
            "UsePAM no",
            "StrictModes no",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            "AllowTcpForwarding no",
            "AllowAgentForwarding no",
            "X11Forwarding no",
            "PrintMotd no",
            "PrintLastLog no",
            "LogLevel INFO",
            "",
        ]
    )


def start_sshd(program: str, directory: Path) -> tuple[subprocess.Popen[bytes], int]:
    """sshd in the foreground on a free port, once it accepts connections."""
    last_error = ""
    for _attempt in range(3):
        port = free_port()
        (directory / "sshd_config").write_text(sshd_config(directory, port))
        with (directory / "sshd.log").open("ab") as log:
            process = subprocess.Popen(
                [program, "-D", "-e", "-f", str(directory / "sshd_config")],
                stdout=log,
                stderr=log,
                stdin=subprocess.DEVNULL,
            )
        wait_until(lambda process=process, port=port: _accepts(port) or process.poll() is not None, 15, "sshd")
        if process.poll() is None:
            return process, port
        last_error = (directory / "sshd.log").read_text(errors="replace")
    raise AssertionError(f"sshd did not start:\n{last_error}")


def _accepts(port: int) -> bool:
    """Whether something accepts TCP connections on 127.0.0.1:port."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sshd]:
    """One sshd for the module, stopped afterwards."""
    programs = require_programs("sshd", "ssh", "tmux")
    if not PRIVILEGE_SEPARATION_DIRECTORY.is_dir():
        try:
            PRIVILEGE_SEPARATION_DIRECTORY.mkdir(mode=0o755, parents=True)
        except OSError:
            if os.geteuid() == 0:
                raise
    directory = tmp_path_factory.mktemp("sshd")
    write_key(directory / "ssh_host_ed25519_key")
    write_key(directory / "client_key")
    (directory / "authorized_keys").write_bytes((directory / "client_key.pub").read_bytes())
    process, port = start_sshd(programs["sshd"], directory)
    yield Sshd(port, directory / "client_key", directory)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """A private tmux server, killed afterwards."""
    server = Tmux(require_programs("tmux")["tmux"])
    yield server
    server.close()


@pytest.mark.slow
@pytest.mark.parametrize("term", TERMS)
def test_whosaid_through_openssh(term: str, tmp_path: Path, sshd: Sshd, tmux: Tmux) -> None:
    store = tmp_path / "store.json"
    settings = " ".join(
        f"{name}={shlex.quote(str(tmp_path / folder))}"
        for name, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"))
    )
    remote = f"echo remote TERM=$TERM; {settings} WHOSAID_DB={shlex.quote(str(store))} {shlex.join(whosaid_command())}"
    ssh = require_programs("ssh")["ssh"]
    gate = tmp_path / "gate"
    tmux.start("app", gated(ssh_terminal_command(ssh, sshd.port, sshd.client_key, term, remote), gate))
    tmux.record("app", tmp_path / "raw.out")
    gate.touch()
    try:
        exercise_app(tmux, "app")
    except AssertionError as error:
        raise AssertionError(
            f"{error}\nsshd log:\n{(sshd.directory / 'sshd.log').read_text(errors='replace')}"
        ) from None
    assert_terminal_restored(tmux, "app", tmp_path / "raw.out")
    screen = tmux.capture("app")
    assert f"remote TERM={term}" in screen, "the shell's line before the app should be back on the normal screen"
