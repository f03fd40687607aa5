"""`whosaid serve`: an SSH server in which every session runs its own read-only whosaid on a pseudo-terminal."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import fcntl
import logging
import os
import pty
import re
import signal
import socket
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh

from store import WhosaidError, open_existing_store, shown_path
from store.location import user_data_directory
from tui.crash import GUEST_VARIABLE, crash_log_path
from tui.safe_text import printable_line

HOST_KEY_FILE_NAME = "ssh_host_ed25519_key"
DEFAULT_TERM = "xterm-256color"
LOGIN_TIMEOUT_SECONDS = 60
KEEPALIVE_SECONDS = 30
TERMINATE_GRACE_SECONDS = 1.0
OUTPUT_DRAIN_SECONDS = 5.0
SHUTDOWN_GRACE_SECONDS = 2.0
READ_CHUNK = 65536
MAX_WINDOW_CELLS = 4096
RESTORE_TERMINAL = (
    "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l\x1b[?1004l\x1b[?2004l\x1b[0m\x1b[?25h\x1b[?1049l"
)
CHILD_ENVIRONMENT_DROPPED = ("COLUMNS", "LINES", "WHOSAID_DB", "TERM", "COLORTERM", "NO_COLOR", "TMUX", "STY")
CLIENT_VARIABLES = ("COLORTERM", "NO_COLOR")
SAFE_VALUE = re.compile(r"[A-Za-z0-9._+-]{0,64}")


class ServeError(WhosaidError):
    """The SSH server cannot start: a bad option, an unreadable key file, an address in use."""


@dataclass(frozen=True)
class ServerSettings:
    """Everything `whosaid serve` was asked to do."""

    host: str
    port: int
    authorized_keys: Path
    host_key: Path | None
    store_path: Path
    max_sessions: int
    idle_timeout: float

    @classmethod
    def from_arguments(cls, arguments: argparse.Namespace, store_path: Path) -> ServerSettings:
        """Settings from the parsed `serve` options, checked."""
        if not 0 <= arguments.port <= 65535:
            raise ServeError(f"--port {arguments.port}: not a port number (0 to 65535)")
        if arguments.max_sessions < 1:
            raise ServeError(f"--max-sessions {arguments.max_sessions}: must be at least 1")
        if not arguments.idle_timeout >= 0:
            raise ServeError(f"--idle-timeout {arguments.idle_timeout}: must be 0 (no limit) or more minutes")
        keys = arguments.authorized_keys or Path.home() / ".ssh" / "authorized_keys"
        return cls(
            host=arguments.host,
            port=arguments.port,
            authorized_keys=Path(keys).expanduser(),
            host_key=Path(arguments.host_key).expanduser() if arguments.host_key else None,
            store_path=store_path.expanduser().absolute(),
            max_sessions=arguments.max_sessions,
            idle_timeout=arguments.idle_timeout * 60.0,
        )


def log(message: str) -> None:
    """One timestamped line on stderr."""
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {printable_line(message)}", file=sys.stderr, flush=True)


def address_text(host: str, port: int) -> str:
    """host:port, with brackets around an IPv6 address."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def plural(count: float, noun: str) -> str:
    """`count noun`, with an s unless the count is one."""
    shown = str(count) if isinstance(count, int) else f"{count:g}"
    return f"{shown} {noun}{'' if count == 1 else 's'}"


def duration_text(seconds: float) -> str:
    """A duration for messages: in minutes, or in seconds under a minute."""
    return plural(seconds / 60.0, "minute") if seconds >= 60 else plural(round(seconds, 1), "second")


class AuthorizedKeys:
    """The authorized-keys file, read again whenever it changes on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: tuple[int, int, int] | None = None
        self.keys, self.count = self._read()

    def _file_stamp(self) -> tuple[int, int, int]:
        """What identifies a version of the file: inode, size and modification time."""
        status = self.path.stat()
        return status.st_ino, status.st_size, status.st_mtime_ns

    def _read(self) -> tuple[asyncssh.SSHAuthorizedKeys, int]:
        """Parse the file; raise ServeError when it is missing, unreadable or holds no key."""
        where = shown_path(self.path)
        try:
            stamp = self._file_stamp()
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ServeError(f"{where}: no such authorized-keys file (give one with --authorized-keys)") from None
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
            raise ServeError(f"{where}: cannot read the authorized-keys file: {reason}") from None
        lines = [line.strip() for line in text.splitlines()]
        entries = [line for line in lines if line and not line.startswith("#")]
        valid = [line for line in entries if _is_key_line(line)]
        if not valid:
            raise ServeError(f"{where}: no public keys in the authorized-keys file")
        self._stamp = stamp
        return asyncssh.import_authorized_keys("\n".join(valid)), len(valid)

    def refresh(self) -> None:
        """Read the file again if it changed; keep the previous keys if it cannot be read now."""
        try:
            if self._file_stamp() == self._stamp:
                return
            self.keys, self.count = self._read()
        except (OSError, ServeError) as error:
            log(f"authorized keys not reloaded, keeping the previous ones: {error}")
            return
        log(f"authorized keys reloaded: {plural(self.count, 'key')}")

    def allows(self, key: asyncssh.SSHKey, client_address: str) -> bool:
        """Whether `key` may log in from `client_address` (honouring from= options)."""
        return self.keys.validate(key, client_address, client_address) is not None


def _is_key_line(line: str) -> bool:
    """Whether one authorized_keys line holds a usable key."""
    try:
        asyncssh.import_authorized_keys(line)
    except (ValueError, asyncssh.KeyImportError):
        return False
    return True


def default_host_key_path() -> Path:
    """Where the generated host key is kept."""
    return user_data_directory() / HOST_KEY_FILE_NAME


def create_host_key(path: Path) -> asyncssh.SSHKey:
    """A new Ed25519 host key, written to `path` readable by its owner only."""
    key = asyncssh.generate_private_key("ssh-ed25519")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(key.export_private_key())
    except OSError as error:
        raise ServeError(f"{shown_path(path)}: cannot write the host key: {error.strerror}") from None
    return key


@dataclass(frozen=True)
class HostKey:
    """The server's private key, where it is kept, and whether this run generated it."""

    key: asyncssh.SSHKey
    path: Path
    generated: bool

    def describe(self) -> str:
        """Fingerprint, algorithm and origin, for the start-up log."""
        origin = "generated into" if self.generated else "from"
        return f"host key {self.key.get_fingerprint('sha256')} ({self.key.get_algorithm()}, {origin} {self.path})"


def load_host_key(path: Path | None) -> HostKey:
    """The host key from `path`, or the default one, generated on first use."""
    chosen = path or default_host_key_path()
    if path is None and not chosen.exists():
        return HostKey(create_host_key(chosen), chosen, True)
    where = shown_path(chosen)
    try:
        return HostKey(asyncssh.read_private_key(chosen), chosen, False)
    except FileNotFoundError:
        raise ServeError(f"{where}: no such host key file") from None
    except OSError as error:
        raise ServeError(f"{where}: cannot read the host key: {error.strerror}") from None
    except (ValueError, asyncssh.KeyImportError, asyncssh.KeyEncryptionError) as error:
        raise ServeError(f"{where}: not a usable private key (an unencrypted OpenSSH key is needed): {error}") from None


def window_size_bytes(columns: int, rows: int) -> bytes:
    """A `struct winsize` for TIOCSWINSZ; absurd sizes are clamped, unknown ones become 80×24."""
    columns = min(columns, MAX_WINDOW_CELLS) if columns > 0 else 80
    rows = min(rows, MAX_WINDOW_CELLS) if rows > 0 else 24
    return struct.pack("HHHH", rows, columns, 0, 0)


def terminal_type(requested: str) -> str:
    """The client's TERM if it is a plain name, else the default."""
    return requested if requested and SAFE_VALUE.fullmatch(requested) else DEFAULT_TERM


def child_environment(
    term: str, client: Mapping[str, str] | None = None, base: Mapping[str, str] = os.environ
) -> dict[str, str]:
    """The server's environment minus its terminal, size and SSH variables; the client's TERM, COLORTERM, NO_COLOR;
    marked as a guest session."""
    environment = {
        name: value
        for name, value in base.items()
        if name not in CHILD_ENVIRONMENT_DROPPED and not name.startswith("SSH_")
    }
    for name in CLIENT_VARIABLES:
        value = (client or {}).get(name)
        if value is not None and SAFE_VALUE.fullmatch(value):
            environment[name] = value
    environment["TERM"] = term
    environment[GUEST_VARIABLE] = "1"
    return environment


def _take_controlling_terminal() -> None:
    """In the child, after setsid: make its stdin (the pty slave) the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtyProcess:
    """A process on its own pseudo-terminal and in its own session, its output passed to a callback."""

    def __init__(self, on_output: Callable[[bytes], None], columns: int, rows: int) -> None:
        self._loop = asyncio.get_running_loop()
        self._on_output = on_output
        self._master, self._slave = pty.openpty()
        os.set_blocking(self._master, False)
        self._pending_input = b""
        self._reading = False
        self._paused = False
        self._output_closed = asyncio.Event()
        self._process: asyncio.subprocess.Process | None = None
        self.resize(columns, rows)

    @property
    def pid(self) -> int | None:
        """The process id, once started."""
        return self._process.pid if self._process else None

    @property
    def started(self) -> bool:
        """Whether the process was started (it may have exited since)."""
        return self._process is not None

    async def start(self, command: list[str], environment: Mapping[str, str]) -> None:
        """Run `command` with the pty slave as its terminal and controlling terminal."""
        try:
            self._process = await asyncio.create_subprocess_exec(
                *command,
                stdin=self._slave,
                stdout=self._slave,
                stderr=self._slave,
                env=dict(environment),
                start_new_session=True,
                preexec_fn=_take_controlling_terminal,
            )
        except BaseException:
            self._close_descriptors()
            raise
        os.close(self._slave)
        self._slave = -1
        self._start_reading()

    def resize(self, columns: int, rows: int) -> None:
        """Set the terminal size; the kernel sends SIGWINCH to the process."""
        with contextlib.suppress(OSError):
            fcntl.ioctl(self._master, termios.TIOCSWINSZ, window_size_bytes(columns, rows))

    def write(self, data: bytes) -> None:
        """Type `data` into the terminal, queueing what the pty cannot take yet."""
        if self._master < 0:
            return
        self._pending_input += data
        self._flush_input()

    def pause_output(self) -> None:
        """Stop reading output (the client is not keeping up)."""
        self._paused = True
        self._stop_reading()

    def resume_output(self) -> None:
        """Read output again."""
        self._paused = False
        self._start_reading()

    async def wait(self) -> int:
        """Wait for the process to exit and its output to be passed on; its exit status (128+N for signal N)."""
        assert self._process is not None
        status = await self._process.wait()
        try:
            await asyncio.wait_for(self._output_closed.wait(), OUTPUT_DRAIN_SECONDS)
        except asyncio.TimeoutError:
            self._signal_group(signal.SIGKILL)
        self._close_descriptors()
        return 128 - status if status < 0 else status

    async def terminate(self) -> None:
        """End the started process's group: SIGHUP, then SIGKILL after a grace period; reap the process."""
        assert self._process is not None
        if self._process.returncode is None:
            self._signal_group(signal.SIGHUP)
            try:
                await asyncio.wait_for(asyncio.shield(self._process.wait()), TERMINATE_GRACE_SECONDS)
            except asyncio.TimeoutError:
                self._signal_group(signal.SIGKILL)
        await self._process.wait()
        self._signal_group(signal.SIGKILL)
        self._close_descriptors()

    def _signal_group(self, signal_number: int) -> None:
        """Send a signal to the process's whole group (it leads its own session)."""
        if self._process is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._process.pid, signal_number)

    def _start_reading(self) -> None:
        """Watch the master side for output."""
        if not self._reading and not self._paused and self._master >= 0 and not self._output_closed.is_set():
            self._loop.add_reader(self._master, self._read_output)
            self._reading = True

    def _stop_reading(self) -> None:
        """Stop watching the master side."""
        if self._reading:
            self._loop.remove_reader(self._master)
            self._reading = False

    def _read_output(self) -> None:
        """Pass on what the process wrote; EOF or EIO means every holder of the slave is gone."""
        try:
            data = os.read(self._master, READ_CHUNK)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data:
            self._on_output(data)
            return
        self._stop_reading()
        self._output_closed.set()

    def _flush_input(self) -> None:
        """Write queued input to the master side, waiting for room when it is full."""
        while self._pending_input:
            try:
                written = os.write(self._master, self._pending_input)
            except BlockingIOError:
                self._loop.add_writer(self._master, self._flush_input)
                return
            except OSError:
                self._pending_input = b""
                break
            self._pending_input = self._pending_input[written:]
        with contextlib.suppress(ValueError, OSError):
            self._loop.remove_writer(self._master)

    def _close_descriptors(self) -> None:
        """Close both sides of the pty (once)."""
        self._stop_reading()
        if self._master >= 0:
            self._loop.remove_writer(self._master)
            os.close(self._master)
            self._master = -1
        if self._slave >= 0:
            os.close(self._slave)
            self._slave = -1


@dataclass
class ServerContext:
    """What every connection shares: settings, keys, the running sessions."""

    settings: ServerSettings
    authorized_keys: AuthorizedKeys
    sessions: set[WhosaidSession] = field(default_factory=set)
    connections: set[asyncssh.SSHServerConnection] = field(default_factory=set)

    def app_command(self) -> list[str]:
        """The command a session runs: this Python's whosaid on the store."""
        return [sys.executable, "-m", "tui", "--db", str(self.settings.store_path)]

    def admit(self, session: WhosaidSession) -> bool:
        """Count a new session in, unless the limit is reached."""
        if len(self.sessions) >= self.settings.max_sessions:
            return False
        self.sessions.add(session)
        return True

    def release(self, session: WhosaidSession) -> None:
        """Count a session out."""
        self.sessions.discard(session)

    async def shut_down(self, message: str) -> None:
        """End every session with a message to its client; close the connections the clients leave open."""
        await asyncio.gather(*(session.end(message) for session in list(self.sessions)))
        await self._wait_for_connections(SHUTDOWN_GRACE_SECONDS)
        for connection in list(self.connections):
            connection.close()
        await self._wait_for_connections(SHUTDOWN_GRACE_SECONDS)

    async def _wait_for_connections(self, timeout: float) -> None:
        """Wait up to `timeout` seconds for the open connections to close."""
        waiters = [asyncio.ensure_future(connection.wait_closed()) for connection in self.connections]
        if waiters:
            _done, pending = await asyncio.wait(waiters, timeout=timeout)
            for waiter in pending:
                waiter.cancel()


@dataclass
class Client:
    """Who is on a connection, for the log."""

    peer: str = "unknown"
    username: str = ""
    fingerprint: str = ""

    def describe(self) -> str:
        """Address, user name and key fingerprint on one line."""
        return f"{self.peer} user {self.username or '?'} key {self.fingerprint or 'none'}"


class WhosaidSession(asyncssh.SSHServerSession[bytes]):
    """One SSH session channel: whosaid on a pty when it is a terminal shell; anything else is refused."""

    def __init__(self, context: ServerContext, client: Client) -> None:
        self._context = context
        self._client = client
        self._channel: asyncssh.SSHServerChannel[bytes] | None = None
        self._term: str | None = None
        self._size = (80, 24)
        self._command: str | None = None
        self._process: PtyProcess | None = None
        self._task: asyncio.Task[None] | None = None
        self._terminator: asyncio.Task[None] | None = None
        self._closed = False
        self._end_message: str | None = None
        self._last_input = 0.0
        self._idle_timer: asyncio.TimerHandle | None = None
        self._idle_ender: asyncio.Task[None] | None = None

    def connection_made(self, chan: asyncssh.SSHServerChannel[bytes]) -> None:
        """Keep the channel."""
        self._channel = chan

    def pty_requested(self, term_type: str, term_size: tuple[int, int, int, int], term_modes: object) -> bool:
        """Accept a terminal, remembering its type and size."""
        self._term = terminal_type(term_type)
        self._size = (term_size[0], term_size[1])
        return True

    def shell_requested(self) -> bool:
        """A shell request starts whosaid."""
        return True

    def exec_requested(self, command: str) -> bool:
        """Accept, so that the client hears why its command will not run."""
        self._command = command
        return True

    def subsystem_requested(self, subsystem: str) -> bool:
        """No subsystems (no SFTP)."""
        return False

    def break_received(self, msec: int) -> bool:
        """Breaks are not passed on."""
        return False

    def eof_received(self) -> bool:
        """The client's input ended: keep the session (the app is quit with its own keys)."""
        return True

    def session_started(self) -> None:
        """Refuse what is not a terminal shell, or over the session limit; otherwise start whosaid."""
        reason = self._refusal()
        if reason is None:
            self._start_app()
        else:
            self._refuse(reason)

    def _refusal(self) -> str | None:
        """Why this session cannot have whosaid, if it cannot; otherwise it is counted in."""
        if self._command is not None:
            return "this server runs only the whosaid browser: connect without a command (ssh -t)"
        if self._term is None:
            return "a terminal is needed: connect with ssh -t"
        if not self._context.admit(self):
            return f"the server is full ({plural(self._context.settings.max_sessions, 'session')}); try again later"
        return None

    def _start_app(self) -> None:
        """Open the pty now (so early keystrokes are kept) and start whosaid on it."""
        try:
            self._process = PtyProcess(self._send, *self._size)
        except OSError as error:
            self._context.release(self)
            self._refuse(f"no pseudo-terminal for whosaid: {error.strerror}")
            return
        self._task = asyncio.get_running_loop().create_task(self._run(self._process))
        self._task.add_done_callback(self._report_failure)

    def data_received(self, data: bytes, datatype: asyncssh.DataType) -> None:
        """Keystrokes go to the app."""
        self._last_input = asyncio.get_running_loop().time()
        if self._process is not None:
            self._process.write(data)

    def terminal_size_changed(self, width: int, height: int, pixwidth: int, pixheight: int) -> None:
        """Follow the client's window size."""
        self._size = (width, height)
        if self._process is not None:
            self._process.resize(width, height)

    def pause_writing(self) -> None:
        """The client is behind: stop reading the app's output."""
        if self._process is not None:
            self._process.pause_output()

    def resume_writing(self) -> None:
        """The client caught up."""
        if self._process is not None:
            self._process.resume_output()

    def connection_lost(self, exc: Exception | None) -> None:
        """The channel closed (or the client vanished): end the app's process group."""
        self._closed = True
        self._cancel_idle_timer()
        if self._process is not None and self._process.started and self._terminator is None:
            self._terminator = asyncio.get_running_loop().create_task(self._process.terminate())

    async def end(self, message: str) -> None:
        """End the session from the server side: stop the app, restore the client's terminal, say why."""
        if self._end_message is None and not self._closed:
            self._end_message = message
            if self._process is not None and self._process.started:
                await self._process.terminate()
        if self._task is not None:
            await asyncio.wait({self._task})

    async def _run(self, process: PtyProcess) -> None:
        """Start whosaid on the pty, pass data both ways until it exits, report its exit status."""
        environment = child_environment(self._term or DEFAULT_TERM, self._client_variables())
        try:
            await process.start(self._context.app_command(), environment)
        except (OSError, subprocess.SubprocessError) as error:
            self._context.release(self)
            self._refuse(f"whosaid could not start: {getattr(error, 'strerror', None) or error}")
            return
        columns, rows = self._size
        log(f"session started for {self._describe()}: pid {process.pid}, TERM={self._term}, {columns}x{rows}")
        if self._closed or self._end_message is not None:
            await process.terminate()
        self._last_input = asyncio.get_running_loop().time()
        self._arm_idle_timer()
        try:
            status = await process.wait()
        finally:
            self._context.release(self)
            self._cancel_idle_timer()
        crashed = f" (an unexpected error: see {crash_log_path()})" if status == 1 else ""
        log(f"session ended for {self._describe()}: pid {process.pid}, exit status {status}{crashed}")
        self._finish(status)

    def _client_variables(self) -> Mapping[str, str]:
        """The environment variables the client asked to set (only some are passed on)."""
        if self._channel is None:
            return {}
        return {str(name): str(value) for name, value in self._channel.get_environment().items()}

    def _report_failure(self, task: asyncio.Task[None]) -> None:
        """Log, on one line, an unexpected error that ended a session, and close its channel."""
        if task.cancelled() or task.exception() is None:
            return
        log(f"session failed for {self._describe()}: {task.exception()!r}")
        self._context.release(self)
        if self._process is not None and self._process.started and self._terminator is None:
            self._terminator = asyncio.get_running_loop().create_task(self._process.terminate())
        if self._channel is not None and not self._closed:
            self._channel.exit(1)

    def _finish(self, status: int) -> None:
        """Close the channel with the app's exit status, or restore the terminal and say why the server ended it."""
        if self._closed or self._channel is None:
            return
        if self._end_message is None:
            self._channel.exit(status)
            return
        self._channel.write(RESTORE_TERMINAL.encode())
        self._channel.write_stderr(f"\r\nwhosaid: {self._end_message}\r\n".encode())
        self._channel.exit(1)

    def _send(self, data: bytes) -> None:
        """Pass the app's output to the client while the channel is open."""
        if self._channel is not None and not self._closed:
            self._channel.write(data)

    def _refuse(self, message: str) -> None:
        """Tell the client why in one line and close the channel with exit status 1."""
        log(f"session refused for {self._describe()}: {message}")
        if self._channel is None or self._closed:
            return
        newline = "\r\n" if self._term else "\n"
        self._channel.write_stderr(f"whosaid: {message}{newline}".encode())
        self._channel.exit(1)

    def _describe(self) -> str:
        """The client, for the log."""
        return self._client.describe()

    def _arm_idle_timer(self) -> None:
        """Look for idleness when the idle limit would be reached."""
        limit = self._context.settings.idle_timeout
        if limit > 0 and not self._closed:
            loop = asyncio.get_running_loop()
            self._idle_timer = loop.call_at(self._last_input + limit, self._check_idle)

    def _check_idle(self) -> None:
        """End the session if no input arrived within the idle limit; otherwise look again later."""
        self._idle_timer = None
        limit = self._context.settings.idle_timeout
        if asyncio.get_running_loop().time() - self._last_input < limit:
            self._arm_idle_timer()
            return
        log(f"idle for {duration_text(limit)}: {self._describe()}")
        self._idle_ender = asyncio.get_running_loop().create_task(
            self.end(f"disconnected after {duration_text(limit)} without input")
        )

    def _cancel_idle_timer(self) -> None:
        """Stop the idle check."""
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None


class WhosaidServer(asyncssh.SSHServer):
    """One SSH connection: public-key authentication against the authorized keys, then sessions only."""

    def __init__(self, context: ServerContext) -> None:
        self._context = context
        self._client = Client()
        self._address = ""
        self._connection: asyncssh.SSHServerConnection | None = None
        self._authenticated = False
        self._refused_keys: list[str] = []

    def connection_made(self, conn: asyncssh.SSHServerConnection) -> None:
        """Note the peer's address."""
        self._connection = conn
        self._context.connections.add(conn)
        peer = conn.get_extra_info("peername") or ("unknown", 0)
        self._address = str(peer[0])
        self._client.peer = address_text(self._address, int(peer[1]))

    def connection_lost(self, exc: Exception | None) -> None:
        """Log the disconnection (sessions end themselves when their channels close)."""
        if self._connection is not None:
            self._context.connections.discard(self._connection)
        reason = f" ({exc})" if exc else ""
        if self._authenticated:
            log(f"disconnected {self._client.describe()}{reason}")
        else:
            offered = f", refused key {', '.join(self._refused_keys)}" if self._refused_keys else ""
            log(f"refused {self._client.peer} user {self._client.username or '?'}: not authenticated{offered}{reason}")

    def begin_auth(self, username: str) -> bool:
        """Every user name needs a key; pick up changes to the authorized-keys file."""
        self._client.username = username
        self._context.authorized_keys.refresh()
        return True

    def public_key_auth_supported(self) -> bool:
        """Public keys are the only way in."""
        return True

    def password_auth_supported(self) -> bool:
        """No passwords."""
        return False

    def kbdint_auth_supported(self) -> bool:
        """No keyboard-interactive authentication."""
        return False

    def host_based_auth_supported(self) -> bool:
        """No host-based authentication."""
        return False

    def validate_public_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        """Whether the key is in the authorized-keys file (and allowed from this address)."""
        fingerprint = key.get_fingerprint("sha256")
        if self._context.authorized_keys.allows(key, self._address):
            self._client.fingerprint = fingerprint
            return True
        if fingerprint not in self._refused_keys:
            self._refused_keys.append(fingerprint)
        return False

    def validate_ca_key(self, username: str, key: asyncssh.SSHKey) -> bool:
        """No certificate authorities."""
        return False

    def auth_completed(self) -> None:
        """Log the connection with the key that opened it."""
        self._authenticated = True
        log(f"connected {self._client.describe()}")

    def session_requested(self) -> WhosaidSession:
        """Every session channel gets its own WhosaidSession."""
        return WhosaidSession(self._context, self._client)

    def connection_requested(self, dest_host: str, dest_port: int, orig_host: str, orig_port: int) -> bool:
        """No port forwarding."""
        return False

    def server_requested(self, listen_host: str, listen_port: int) -> bool:
        """No remote port forwarding."""
        return False

    def unix_connection_requested(self, dest_path: str) -> bool:
        """No socket forwarding."""
        return False

    def unix_server_requested(self, listen_path: str) -> bool:
        """No remote socket forwarding."""
        return False


def listen_error(settings: ServerSettings, error: OSError) -> ServeError:
    """A one-line error for a failure to listen."""
    where = address_text(settings.host, settings.port)
    if error.errno == errno.EADDRINUSE:
        return ServeError(f"cannot listen on {where}: the address is already in use (choose another --port)")
    if isinstance(error, socket.gaierror):
        return ServeError(f"cannot listen on {where}: unknown host address")
    return ServeError(f"cannot listen on {where}: {error.strerror or error}")


def listening_port(acceptor: asyncssh.SSHAcceptor, requested: int) -> int:
    """The port actually listened on (the one chosen by the system for --port 0)."""
    ports = {int(sock.getsockname()[1]) for sock in acceptor.sockets or ()}
    return ports.pop() if len(ports) == 1 else requested


async def serve(settings: ServerSettings, authorized_keys: AuthorizedKeys, host_key: HostKey) -> int:
    """Accept connections until SIGINT or SIGTERM, then end every session."""
    context = ServerContext(settings, authorized_keys)
    try:
        acceptor = await asyncssh.create_server(
            lambda: WhosaidServer(context),
            settings.host,
            settings.port,
            server_host_keys=[host_key.key],
            encoding=None,
            line_editor=False,
            agent_forwarding=False,
            x11_forwarding=False,
            gss_host=None,
            login_timeout=LOGIN_TIMEOUT_SECONDS,
            keepalive_interval=KEEPALIVE_SECONDS,
        )
    except OSError as error:
        raise listen_error(settings, error) from None
    idle = duration_text(settings.idle_timeout) if settings.idle_timeout > 0 else "no limit"
    log(host_key.describe())
    log(
        f"listening on {address_text(settings.host, listening_port(acceptor, settings.port))}: "
        f"{plural(authorized_keys.count, 'authorized key')} from {authorized_keys.path}, "
        f"up to {plural(settings.max_sessions, 'session')}, idle limit {idle}, store {settings.store_path}"
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop.set)
    try:
        await stop.wait()
    finally:
        log(f"stopping: ending {plural(len(context.sessions), 'session')}")
        acceptor.close()
        await context.shut_down("the server is shutting down")
    return 0


def run_server(arguments: argparse.Namespace, store_path: Path) -> int:
    """`whosaid serve`: check the options, the store (a mistyped path is named first, whatever else is missing)
    and the authorized keys, then load or make the host key (a mistyped store path writes no key), and serve until
    stopped."""
    settings = ServerSettings.from_arguments(arguments, store_path)
    open_existing_store(settings.store_path)
    authorized_keys = AuthorizedKeys(settings.authorized_keys)
    host_key = load_host_key(settings.host_key)
    logging.getLogger("asyncssh").setLevel(logging.CRITICAL)
    return asyncio.run(serve(settings, authorized_keys, host_key))
