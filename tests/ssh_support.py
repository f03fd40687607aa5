"""Helpers for the SSH tests: throwaway keys, a private tmux server, `whosaid serve` and sshd as subprocesses."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import asyncssh
import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SEED_NAMES = ("Jake Sullivan", "Rustem Umerov")
APP_TIMEOUT = 30.0
T = TypeVar("T")

# Modes a full-screen app turns on ("h") and must turn off ("l") before it leaves.
PRIVATE_MODES = ("1049", "1000", "1002", "1003", "1006", "1015", "2004", "1004")
TERMINAL_FLAGS = (
    "alternate_on",
    "mouse_any_flag",
    "mouse_button_flag",
    "mouse_standard_flag",
    "mouse_sgr_flag",
    "mouse_utf8_flag",
    "cursor_flag",
)


def require_programs(*names: str) -> dict[str, str]:
    """The full paths of `names`, or skip the test naming the one that is missing."""
    found = {}
    for name in names:
        path = shutil.which(name) or next(
            (str(p) for p in (Path("/usr/sbin") / name, Path("/usr/local/sbin") / name) if p.exists()), None
        )
        if path is None:
            pytest.skip(f"{name} is not installed (apt-get install openssh-server openssh-client tmux)")
        found[name] = path
    return found


def wait_until(probe: Callable[[], T | None], timeout: float, what: str, interval: float = 0.1) -> T:
    """Call `probe` until it returns something truthy, for at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g}s waiting for {what}")
        time.sleep(interval)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_key(path: Path) -> asyncssh.SSHKey:
    """A new Ed25519 key: private part at `path` (mode 0600), public part at `path`.pub."""
    key = asyncssh.generate_private_key("ssh-ed25519", comment="whosaid-test")
    path.write_bytes(key.export_private_key())
    path.chmod(0o600)
    path.with_name(path.name + ".pub").write_bytes(key.export_public_key())
    return key


def whosaid_command() -> list[str]:
    """How to run this checkout's whosaid from anywhere."""
    script = Path(sys.executable).with_name("whosaid")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


def process_environment(pid: int) -> dict[str, str]:
    """The environment a running process was started with."""
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.decode(errors="replace").partition("=")[::2] for item in raw.split(b"\0") if item)


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists and is not a zombie awaiting its parent."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def ssh_options(port: int, key: Path, batch: bool = True) -> list[str]:
    """OpenSSH client options: only this key, no config, no agent, no known-hosts file, bounded waits."""
    return [
        "-F",
        "/dev/null",
        "-p",
        str(port),
        "-i",
        str(key),
        "-o",
        "IdentitiesOnly=yes",
        "-o",
        "IdentityAgent=none",
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        f"BatchMode={'yes' if batch else 'no'}",
        "-o",
        "ConnectTimeout=10",
    ]


def ssh_terminal_command(ssh: str, port: int, key: Path, term: str, remote: str = "", extra: Sequence[str] = ()) -> str:
    """A shell command line running `ssh -tt` to 127.0.0.1 with TERM set, for a tmux pane."""
    words = ["env", "-u", "SSH_AUTH_SOCK", f"TERM={term}", ssh, "-tt", *ssh_options(port, key), *extra, "127.0.0.1"]
    return shlex.join(words) + (f" {shlex.quote(remote)}" if remote else "")


def child_pids(parent: int) -> list[int]:
    """The pids whose parent is `parent` (a /proc scan)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                found.append(int(entry.name))
    return found


def client_environment(**extra: str) -> dict[str, str]:
    """This environment without an ssh agent, plus `extra`."""
    environment = {k: v for k, v in os.environ.items() if k not in ("SSH_AUTH_SOCK", "SSH_AGENT_PID")}
    environment.update(extra)
    return environment


def run_ssh(
    ssh: str, port: int, key: Path, *arguments: str, stdin: str = "", timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    """Run the OpenSSH client to 127.0.0.1 without a terminal; its output captured."""
    return subprocess.run(
        [ssh, *ssh_options(port, key), *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=client_environment(),
    )


class Tmux:
    """A private tmux server (its own socket, no user configuration) holding 80×24 windows."""

    def __init__(self, program: str) -> None:
        self.program = program
        self.directory = Path(tempfile.mkdtemp(prefix="whosaid-tmux-"))
        self.socket = str(self.directory / "socket")

    def run(self, *arguments: str) -> str:
        """One tmux command; its output."""
        result = subprocess.run(
            [self.program, "-S", self.socket, "-f", "/dev/null", *arguments],
            capture_output=True,
            text=True,
            timeout=15,
            check=True,
        )
        return result.stdout

    def start(self, name: str, command: str, width: int = 80, height: int = 24) -> None:
        """A detached session running `command` under sh; the pane stays open with its exit status."""
        shell = f'{command}; echo "[exited $?]"; sleep 600'
        self.run("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), shell)

    def capture(self, name: str, escapes: bool = False) -> str:
        """The visible screen of the session's pane."""
        return self.run("capture-pane", "-p", *(["-e"] if escapes else []), "-t", name)

    def wait_for(self, name: str, *texts: str, absent: Sequence[str] = (), timeout: float = APP_TIMEOUT) -> str:
        """The screen, once every one of `texts` is on it and none of `absent`."""

        def ready() -> str | None:
            screen = self.capture(name)
            if all(text in screen for text in texts) and not any(text in screen for text in absent):
                return screen
            return None

        try:
            return wait_until(ready, timeout, f"{texts} on the screen of {name}")
        except AssertionError as error:
            raise AssertionError(f"{error}; the screen was:\n{self.capture(name)}") from None

    def wait_for_change(self, name: str, before: str, timeout: float = 10.0) -> str:
        """The screen (with styles), once it differs from `before` and stays put for a moment."""
        changed = wait_until(lambda: (s := self.capture(name, escapes=True)) != before and s, timeout, "a redraw")
        return self.settle(name, changed)

    def settle(self, name: str, screen: str | None = None, quiet: float = 0.4, timeout: float = 10.0) -> str:
        """The screen (with styles) once it has not changed for `quiet` seconds."""
        last = screen if screen is not None else self.capture(name, escapes=True)
        stable_since = time.monotonic()
        deadline = stable_since + timeout
        while time.monotonic() < deadline:
            time.sleep(0.1)
            current = self.capture(name, escapes=True)
            if current != last:
                last, stable_since = current, time.monotonic()
            elif time.monotonic() - stable_since >= quiet:
                break
        return last

    def keys(self, name: str, *keys: str) -> None:
        """Press keys (tmux key names)."""
        self.run("send-keys", "-t", name, *keys)

    def type(self, name: str, text: str) -> None:
        """Type literal text."""
        self.run("send-keys", "-t", name, "-l", text)

    def paste(self, name: str, text: str) -> None:
        """Paste `text` as a terminal does: bracketed when the program asked for bracketed paste."""
        self.run("set-buffer", "-b", "whosaid-paste", "--", text)
        self.run("paste-buffer", "-p", "-d", "-b", "whosaid-paste", "-t", name)

    def start_shell(self, name: str, shell: Sequence[str], environment: dict[str, str], width: int = 80) -> None:
        """A detached session running an interactive `shell` with only `environment`, as a user's terminal."""
        assignments = [f"{key}={value}" for key, value in environment.items()]
        self.run("new-session", "-d", "-s", name, "-x", str(width), "-y", "24", "env", "-i", *assignments, *shell)

    def kill_session(self, name: str) -> None:
        """End a session and what it runs, so the name can be used again."""
        self.run("kill-session", "-t", name)

    def pane_pid(self, name: str) -> int:
        """The pid of the process the pane runs."""
        return int(self.run("display-message", "-p", "-t", name, "#{pane_pid}").strip())

    def terminal_flags(self, name: str) -> dict[str, str]:
        """The pane's terminal modes as tmux tracks them (alternate screen, mouse reporting, cursor)."""
        values = self.run("display-message", "-p", "-t", name, " ".join(f"#{{{f}}}" for f in TERMINAL_FLAGS))
        return dict(zip(TERMINAL_FLAGS, values.split(), strict=True))

    def resize(self, name: str, width: int, height: int) -> None:
        """Resize the session's window, as a user dragging the terminal's corner."""
        self.run("resize-window", "-t", name, "-x", str(width), "-y", str(height))

    def record(self, name: str, path: Path) -> None:
        """Append everything the pane's program writes, raw, to `path`."""
        self.run("pipe-pane", "-o", "-t", name, f"cat >> {shlex.quote(str(path))}")

    def close(self) -> None:
        """Kill the tmux server and everything it runs; remove its socket."""
        subprocess.run([self.program, "-S", self.socket, "kill-server"], capture_output=True, timeout=15, check=False)
        shutil.rmtree(self.directory, ignore_errors=True)


def gated(command: str, gate: Path) -> str:
    """`command`, started only once `gate` exists (so recording can begin first); bounded to 30 s."""
    quoted = shlex.quote(str(gate))
    return f"for _ in $(seq 300); do [ -e {quoted} ] && break; sleep 0.1; done; {command}"


def unrestored_modes(raw: bytes) -> list[str]:
    """Private modes the recorded output turned on and did not turn off again afterwards."""
    left_on = []
    for mode in PRIVATE_MODES:
        on = raw.rfind(f"\x1b[?{mode}h".encode())
        if on >= 0 and raw.rfind(f"\x1b[?{mode}l".encode()) < on:
            left_on.append(mode)
    hidden = raw.rfind(b"\x1b[?25l")
    if hidden >= 0 and raw.rfind(b"\x1b[?25h") < hidden:
        left_on.append("25 (cursor hidden)")
    return left_on


def exercise_app(tmux: Tmux, name: str) -> None:
    """The seed on screen; j/k and Tab move; a typed search filters the quotes; q quits cleanly."""
    tmux.wait_for(name, "Jake Sullivan", "People", "Quotes")
    start = tmux.settle(name)
    tmux.keys(name, "j")
    tmux.wait_for_change(name, start)
    tmux.keys(name, "k")
    wait_until(lambda: tmux.settle(name) == start, 10, "k to bring back the screen from before j")
    tmux.keys(name, "Tab")
    other_pane = tmux.wait_for_change(name, start)
    tmux.keys(name, "j")
    tmux.wait_for_change(name, other_pane)
    search(tmux, name, "production")
    tmux.wait_for(name, "So they increase", absent=("Ukraine\u2019s emergence",))
    tmux.keys(name, "Escape")
    time.sleep(0.3)
    tmux.keys(name, "q")
    tmux.wait_for(name, "[exited 0]")


def search(tmux: Tmux, name: str, query: str) -> None:
    """Open the search box with / (once the app has settled), wait for it to show, type `query`."""
    before = tmux.settle(name)
    tmux.keys(name, "/")
    tmux.wait_for_change(name, before)
    tmux.type(name, query)


def assert_terminal_restored(tmux: Tmux, name: str, raw_path: Path) -> None:
    """After the app quit: normal screen, no mouse reporting, cursor shown, in tmux's view and in the bytes."""
    flags = tmux.terminal_flags(name)
    assert flags["alternate_on"] == "0", flags
    assert all(flags[f] == "0" for f in TERMINAL_FLAGS if f.startswith("mouse_")), flags
    assert flags["cursor_flag"] == "1", flags
    raw = wait_until(lambda: raw_path.exists() and raw_path.read_bytes(), 5, "recorded output")
    assert b"\x1b[?1049h" in raw, "the app never switched to the alternate screen"
    assert unrestored_modes(raw) == []


class ServeProcess:
    """`whosaid serve` on a free loopback port, its log in a file."""

    def __init__(self, log_path: Path, arguments: Sequence[str], environment: dict[str, str] | None = None) -> None:
        self.log_path = log_path
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--host", "127.0.0.1", "--port", "0", *arguments],
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=REPO_ROOT,
            env=environment or client_environment(),
        )
        self.port = int(wait_until(self._listening_port, APP_TIMEOUT, "whosaid serve to listen"))

    def _listening_port(self) -> str | None:
        """The port from the 'listening on' line, once it is logged; fail early if the server died."""
        match = re.search(r"listening on 127\.0\.0\.1:(\d+)", self.log())
        if match:
            return match.group(1)
        if self.process.poll() is not None:
            raise AssertionError(f"whosaid serve exited with {self.process.returncode}:\n{self.log()}")
        return None

    def log(self) -> str:
        """Everything the server logged so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def session_pids(self) -> list[int]:
        """The pids of the whosaid processes started so far, in order."""
        return [int(pid) for pid in re.findall(r"session started for .*: pid (\d+)", self.log())]

    def wait_for_sessions(self, count: int, timeout: float = APP_TIMEOUT) -> list[int]:
        """The session pids once at least `count` were started."""

        def started() -> list[int] | None:
            pids = self.session_pids()
            return pids if len(pids) >= count else None

        return wait_until(started, timeout, f"{count} sessions in the server log")

    def stop(self) -> int:
        """SIGTERM, then SIGKILL if it lingers; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._log.close()
        return self.process.returncode
