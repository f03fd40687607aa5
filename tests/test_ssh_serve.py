"""`whosaid serve`: the OpenSSH client against the SSH server, one read-only whosaid per session."""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncssh
import pytest

from store import open_store
from tests.ssh_support import (
    APP_TIMEOUT,
    REPO_ROOT,
    ServeProcess,
    Tmux,
    assert_terminal_restored,
    child_pids,
    client_environment,
    exercise_app,
    gated,
    pid_alive,
    process_environment,
    require_programs,
    run_ssh,
    search,
    ssh_options,
    ssh_terminal_command,
    wait_until,
    write_key,
)
from tui import ssh_server

TERMS = ("xterm-256color", "xterm", "screen-256color", "linux")
NEW_ARTICLE = (
    "Harbor plan wins council vote\n\n"
    "PORTSMOUTH \u2014 The city council approved the harbor plan on Monday.\n"
    "\u201cThis is the biggest investment in the waterfront in forty years,\u201d "
    "said Abigail Thornton, the mayor of Portsmouth.\n"
)


@dataclass(frozen=True)
class Keys:
    """A client key that is authorized, one that is not, the host key and the store, all in tmp_path."""

    client: Path
    stranger: Path
    authorized_keys: Path
    host_key: Path
    store: Path


@pytest.fixture
def keys(tmp_path: Path) -> Keys:
    """Throwaway keys and files for one server."""
    write_key(tmp_path / "client_key")
    write_key(tmp_path / "stranger_key")
    write_key(tmp_path / "host_key")
    authorized = tmp_path / "authorized_keys"
    authorized.write_bytes(b"# the test client\n" + (tmp_path / "client_key.pub").read_bytes())
    open_store(tmp_path / "store.json")
    return Keys(
        tmp_path / "client_key", tmp_path / "stranger_key", authorized, tmp_path / "host_key", tmp_path / "store.json"
    )


@pytest.fixture
def ssh() -> str:
    """The OpenSSH client, or a skip."""
    return require_programs("ssh")["ssh"]


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """A private tmux server, killed afterwards."""
    server = Tmux(require_programs("tmux")["tmux"])
    yield server
    server.close()


@pytest.fixture
def serve(tmp_path: Path, keys: Keys) -> Iterator[Callable[..., ServeProcess]]:
    """Start `whosaid serve` with the test's keys and store (and extra options); stopped afterwards."""
    servers: list[ServeProcess] = []

    def start(*extra: str) -> ServeProcess:
        arguments = ["--authorized-keys", str(keys.authorized_keys), "--host-key", str(keys.host_key)]
        server = ServeProcess(tmp_path / f"serve-{len(servers)}.log", [*arguments, "--db", str(keys.store), *extra])
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
        for pid in server.session_pids():
            assert not pid_alive(pid), f"whosaid process {pid} outlived its server"


def open_session(
    tmux: Tmux, ssh: str, server: ServeProcess, keys: Keys, name: str, term: str = "xterm-256color"
) -> None:
    """An 80×24 tmux session in which ssh -tt connects to the server."""
    tmux.start(name, ssh_terminal_command(ssh, server.port, keys.client, term))


def run_serve(*arguments: str, environment: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`whosaid serve` expected to stop at once (an error), output captured."""
    return subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--host", "127.0.0.1", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        env=environment or client_environment(),
    )


@pytest.mark.slow
@pytest.mark.parametrize("term", TERMS)
def test_authorized_key_gets_the_app_and_quitting_restores_the_terminal(
    term: str, tmp_path: Path, keys: Keys, ssh: str, tmux: Tmux, serve: Callable[..., ServeProcess]
) -> None:
    server = serve()
    store_before = keys.store.stat()
    gate = tmp_path / "gate"
    sent = ["-o", "SetEnv=COLORTERM=truecolor LD_PRELOAD=/nonexistent.so COLUMNS=200"]
    tmux.start("app", gated(ssh_terminal_command(ssh, server.port, keys.client, term, extra=sent), gate))
    tmux.record("app", tmp_path / "raw.out")
    gate.touch()
    [pid] = server.wait_for_sessions(1)
    environment = process_environment(pid)
    assert environment["TERM"] == term and environment["COLORTERM"] == "truecolor"
    assert "LD_PRELOAD" not in environment and "COLUMNS" not in environment and "SSH_CONNECTION" not in environment
    exercise_app(tmux, "app")
    assert_terminal_restored(tmux, "app", tmp_path / "raw.out")
    store_after = keys.store.stat()
    assert (store_after.st_mtime_ns, store_after.st_size) == (store_before.st_mtime_ns, store_before.st_size)
    wait_until(lambda: not pid_alive(pid), 10, "the session's process to end")
    log = server.log()
    fingerprint = asyncssh.read_private_key(keys.client).get_fingerprint("sha256")
    assert "connected 127.0.0.1:" in log and f"key {fingerprint}" in log
    assert f"TERM={term}, 80x24" in log
    wait_until(lambda: "disconnected 127.0.0.1:" in server.log(), 10, "the disconnection in the log")


@pytest.mark.slow
def test_a_resize_redraws_at_the_new_size(keys: Keys, ssh: str, tmux: Tmux, serve: Callable[..., ServeProcess]) -> None:
    server = serve()
    open_session(tmux, ssh, server, keys, "app")
    screen = tmux.wait_for("app", "Jake Sullivan")
    assert "Rustem Umerov" not in screen, "expected too small a window for every person at 80x24"
    assert max(len(line) for line in screen.splitlines()) <= 80
    tmux.resize("app", 120, 36)
    screen = tmux.wait_for("app", "Jake Sullivan", "Rustem Umerov")
    wait_until(
        lambda: max(len(line.rstrip()) for line in tmux.capture("app").splitlines()) > 100,
        10,
        "the app to draw across 120 columns",
    )
    tmux.keys("app", "q")
    tmux.wait_for("app", "[exited 0]")


@pytest.mark.slow
def test_a_killed_client_leaves_no_process_behind(
    keys: Keys, ssh: str, tmux: Tmux, serve: Callable[..., ServeProcess]
) -> None:
    server = serve()
    open_session(tmux, ssh, server, keys, "app")
    tmux.wait_for("app", "Jake Sullivan")
    [pid] = server.wait_for_sessions(1)
    assert pid_alive(pid)
    [client] = wait_until(lambda: child_pids(tmux.pane_pid("app")), 10, "the ssh client process")
    os.kill(client, 9)
    wait_until(lambda: not pid_alive(pid), 15, f"whosaid process {pid} to end after its client was killed")
    wait_until(lambda: "session ended" in server.log(), 10, "the session end in the log")
    assert "disconnected 127.0.0.1:" in server.log()


@pytest.mark.slow
def test_five_sessions_at_once_each_work(keys: Keys, ssh: str, tmux: Tmux, serve: Callable[..., ServeProcess]) -> None:
    server = serve()
    names = [f"s{number}" for number in range(5)]
    for name in names:
        open_session(tmux, ssh, server, keys, name)
    for name in names:
        tmux.wait_for(name, "Jake Sullivan")
    pids = server.wait_for_sessions(5)
    assert len(set(pids)) == 5
    for name in names:
        search(tmux, name, "munitions")
    for name in names:
        tmux.wait_for(name, "air defense systems", absent=("Ukraine\u2019s emergence",))
    for name in names:
        tmux.keys(name, "Escape")
    time.sleep(0.3)
    for name in names:
        tmux.keys(name, "q")
    for name in names:
        tmux.wait_for(name, "[exited 0]")
    for pid in pids:
        wait_until(lambda pid=pid: not pid_alive(pid), 10, f"whosaid process {pid} to end")


@pytest.mark.slow
def test_an_ingest_on_the_server_appears_in_an_open_session(
    tmp_path: Path, keys: Keys, ssh: str, tmux: Tmux, serve: Callable[..., ServeProcess]
) -> None:
    server = serve()
    open_session(tmux, ssh, server, keys, "app")
    tmux.wait_for("app", "Jake Sullivan", absent=("Abigail Thornton",))
    article = tmp_path / "harbor.txt"
    article.write_text(NEW_ARTICLE, encoding="utf-8")
    ingest = subprocess.run(
        [sys.executable, "-m", "tui", "ingest", "--db", str(keys.store), str(article)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
    )
    assert ingest.returncode == 0, ingest.stderr
    tmux.wait_for("app", "Abigail Thornton")
    tmux.keys("app", "q")
    tmux.wait_for("app", "[exited 0]")


def test_an_unknown_key_is_refused(keys: Keys, ssh: str, serve: Callable[..., ServeProcess]) -> None:
    server = serve()
    result = run_ssh(ssh, server.port, keys.stranger, "-tt", "127.0.0.1")
    assert result.returncode == 255
    assert "Permission denied (publickey)" in result.stderr
    fingerprint = asyncssh.read_private_key(keys.stranger).get_fingerprint("sha256")
    wait_until(lambda: f"refused key {fingerprint}" in server.log(), 10, "the refusal in the log")
    assert server.session_pids() == []


def test_authorized_keys_changes_apply_without_a_restart_and_from_options_hold(
    keys: Keys, ssh: str, serve: Callable[..., ServeProcess]
) -> None:
    client_line = (keys.client.parent / "client_key.pub").read_text()
    stranger_line = (keys.stranger.parent / "stranger_key.pub").read_text()
    keys.authorized_keys.write_text(stranger_line)
    server = serve()
    assert run_ssh(ssh, server.port, keys.client, "127.0.0.1", "true").returncode == 255
    keys.authorized_keys.write_text(f'from="10.9.9.9" {client_line}{stranger_line}')
    assert run_ssh(ssh, server.port, keys.client, "127.0.0.1", "true").returncode == 255
    keys.authorized_keys.write_text(f"{stranger_line}# added later\n{client_line}")
    allowed = run_ssh(ssh, server.port, keys.client, "127.0.0.1", "true")
    assert allowed.returncode == 1 and "runs only the whosaid browser" in allowed.stderr
    assert "authorized keys reloaded: 2 keys" in server.log()


def test_passwords_are_refused_and_only_publickey_is_offered(
    tmp_path: Path, keys: Keys, ssh: str, serve: Callable[..., ServeProcess]
) -> None:
    server = serve()
    verbose = run_ssh(ssh, server.port, keys.stranger, "-v", "127.0.0.1", "true")
    assert verbose.returncode == 255
    offered = {line.split(":", 2)[2].strip() for line in verbose.stderr.splitlines() if "can continue:" in line}
    assert offered == {"publickey"}, verbose.stderr
    sshpass = shutil.which("sshpass")
    if sshpass:
        attempt = subprocess.run(
            [sshpass, "-p", "secret", ssh, *ssh_options(server.port, tmp_path / "no-key", batch=False)]
            + ["-o", "PreferredAuthentications=password,keyboard-interactive", "-o", "PubkeyAuthentication=no"]
            + ["127.0.0.1", "true"],
            capture_output=True,
            text=True,
            timeout=30,
            env=client_environment(),
        )
        assert attempt.returncode == 255
        assert "Permission denied (publickey)" in attempt.stderr


def test_none_password_and_keyboard_interactive_are_refused_at_the_protocol_level(
    keys: Keys, serve: Callable[..., ServeProcess]
) -> None:
    server = serve()

    async def attempt(**credentials: object) -> None:
        connection = await asyncssh.connect(
            "127.0.0.1",
            server.port,
            username="root",
            known_hosts=None,
            agent_path=None,
            client_keys=None,
            config=None,
            **credentials,
        )
        connection.close()

    for credentials in ({}, {"password": "secret"}, {"kbdint_auth": True, "password": "secret"}):
        with pytest.raises(asyncssh.PermissionDenied):
            asyncio.run(asyncio.wait_for(attempt(**credentials), 30))
    assert server.session_pids() == []


def test_a_command_or_a_session_without_terminal_is_refused(
    keys: Keys, ssh: str, serve: Callable[..., ServeProcess]
) -> None:
    server = serve()
    command = run_ssh(ssh, server.port, keys.client, "127.0.0.1", "echo pwned-$((6*7))")
    assert command.returncode == 1
    assert "pwned-42" not in command.stdout + command.stderr
    assert "whosaid: this server runs only the whosaid browser" in command.stderr
    with_terminal = run_ssh(ssh, server.port, keys.client, "-tt", "127.0.0.1", "sh")
    assert with_terminal.returncode == 1
    assert "runs only the whosaid browser" in with_terminal.stdout + with_terminal.stderr
    no_terminal = run_ssh(ssh, server.port, keys.client, "-T", "127.0.0.1")
    assert no_terminal.returncode == 1
    assert "a terminal is needed" in no_terminal.stderr
    assert server.session_pids() == []


def test_sftp_and_forwarding_are_refused(keys: Keys, ssh: str, serve: Callable[..., ServeProcess]) -> None:
    server = serve()
    sftp_program = shutil.which("sftp")
    if sftp_program:
        sftp = subprocess.run(
            [sftp_program, "-b", "-", *ssh_options(server.port, keys.client)[2:], "-P", str(server.port), "127.0.0.1"],
            input="ls\n",
            capture_output=True,
            text=True,
            timeout=30,
            env=client_environment(),
        )
        assert sftp.returncode != 0

    async def attempt() -> list[str]:
        refused = []
        async with asyncssh.connect(
            "127.0.0.1",
            server.port,
            username="root",
            known_hosts=None,
            agent_path=None,
            client_keys=[str(keys.client)],
            config=None,
        ) as connection:
            with socket.socket() as listener:
                listener.bind(("127.0.0.1", 0))
                listener.listen()
                try:
                    await connection.open_connection("127.0.0.1", listener.getsockname()[1])
                except asyncssh.ChannelOpenError:
                    refused.append("direct-tcpip")
            try:
                await connection.forward_remote_port("127.0.0.1", 0, "127.0.0.1", 9)
            except asyncssh.ChannelListenError:
                refused.append("tcpip-forward")
            try:
                await connection.start_sftp_client()
            except (asyncssh.ChannelOpenError, asyncssh.SFTPError):
                refused.append("sftp")
            result = await connection.run("id", check=False)
            if result.exit_status != 0 and "id" not in str(result.stdout):
                refused.append("exec")
        return refused

    assert asyncio.run(asyncio.wait_for(attempt(), 30)) == ["direct-tcpip", "tcpip-forward", "sftp", "exec"]


@pytest.mark.slow
def test_over_the_session_limit_a_client_gets_one_line_and_is_disconnected(
    keys: Keys, ssh: str, tmux: Tmux, serve: Callable[..., ServeProcess]
) -> None:
    server = serve("--max-sessions", "1")
    open_session(tmux, ssh, server, keys, "first")
    tmux.wait_for("first", "Jake Sullivan")
    second = run_ssh(ssh, server.port, keys.client, "-tt", "127.0.0.1")
    assert second.returncode == 1
    assert "whosaid: the server is full (1 session); try again later" in second.stdout + second.stderr
    assert len(server.session_pids()) == 1
    tmux.keys("first", "q")
    tmux.wait_for("first", "[exited 0]")


@pytest.mark.slow
def test_an_idle_session_is_ended_and_its_terminal_restored(
    tmp_path: Path, keys: Keys, ssh: str, tmux: Tmux, serve: Callable[..., ServeProcess]
) -> None:
    server = serve("--idle-timeout", "0.1")
    gate = tmp_path / "gate"
    tmux.start("app", gated(ssh_terminal_command(ssh, server.port, keys.client, "xterm-256color"), gate))
    tmux.record("app", tmp_path / "raw.out")
    gate.touch()
    tmux.wait_for("app", "Jake Sullivan")
    [pid] = server.wait_for_sessions(1)
    screen = tmux.wait_for("app", "[exited 1]", timeout=APP_TIMEOUT)
    assert "whosaid: disconnected after 6 seconds without input" in screen
    assert_terminal_restored(tmux, "app", tmp_path / "raw.out")
    assert not pid_alive(pid)


@pytest.mark.slow
def test_stopping_the_server_ends_every_session(
    keys: Keys, ssh: str, tmux: Tmux, serve: Callable[..., ServeProcess]
) -> None:
    server = serve()
    open_session(tmux, ssh, server, keys, "app")
    tmux.wait_for("app", "Jake Sullivan")
    [pid] = server.wait_for_sessions(1)
    assert server.stop() == 0
    screen = tmux.wait_for("app", "[exited 1]")
    assert "whosaid: the server is shutting down" in screen
    assert tmux.terminal_flags("app")["alternate_on"] == "0"
    assert not pid_alive(pid)


def test_the_host_key_is_generated_once_then_reused(tmp_path: Path, keys: Keys) -> None:
    environment = client_environment(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    arguments = ["--authorized-keys", str(keys.authorized_keys), "--db", str(keys.store)]
    first = ServeProcess(tmp_path / "first.log", arguments, environment)
    assert first.stop() == 0
    key_path = tmp_path / "data" / "whosaid" / "ssh_host_ed25519_key"
    assert key_path.stat().st_mode & 0o777 == 0o600
    fingerprint = asyncssh.read_private_key(key_path).get_fingerprint("sha256")
    assert f"host key {fingerprint} (ssh-ed25519, generated into {key_path})" in first.log()
    second = ServeProcess(tmp_path / "second.log", arguments, environment)
    assert second.stop() == 0
    assert f"host key {fingerprint} (ssh-ed25519, from {key_path})" in second.log()


def test_a_mistyped_store_path_is_an_error_that_writes_no_host_key(tmp_path: Path, keys: Keys) -> None:
    environment = client_environment(XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    absent = tmp_path / "typo" / "store.json"
    result = run_serve("--authorized-keys", str(keys.authorized_keys), "--db", str(absent), environment=environment)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"whosaid: no store at {absent}") and result.stderr.count("\n") == 1
    assert not (tmp_path / "data").exists() and not absent.parent.exists(), "nothing is written for a mistyped path"
    without_keys = run_serve("--authorized-keys", str(tmp_path / "none"), "--db", str(absent), environment=environment)
    assert without_keys.returncode == 2
    assert without_keys.stderr.startswith(f"whosaid: no store at {absent}"), "the store is named before missing keys"


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing authorized keys", "no such authorized-keys file"),
        ("authorized keys is a directory", "cannot read the authorized-keys file"),
        ("no keys in the file", "no public keys in the authorized-keys file"),
        ("missing host key", "no such host key file"),
        ("host key is not a key", "not a usable private key"),
        ("port in use", "the address is already in use"),
        ("bad port", "not a port number"),
    ],
)
def test_exit_errors_are_one_line_and_exit_2(case: str, message: str, tmp_path: Path, keys: Keys) -> None:
    options = {
        "--authorized-keys": str(keys.authorized_keys),
        "--host-key": str(keys.host_key),
        "--db": str(keys.store),
        "--port": "0",
    }
    if case == "missing authorized keys":
        options["--authorized-keys"] = str(tmp_path / "absent")
    elif case == "authorized keys is a directory":
        options["--authorized-keys"] = str(tmp_path)
    elif case == "no keys in the file":
        (tmp_path / "empty").write_text("# nobody yet\nnot a key\n")
        options["--authorized-keys"] = str(tmp_path / "empty")
    elif case == "missing host key":
        options["--host-key"] = str(tmp_path / "absent")
    elif case == "host key is not a key":
        (tmp_path / "garbage").write_text("hello\n")
        options["--host-key"] = str(tmp_path / "garbage")
    elif case == "bad port":
        options["--port"] = "70000"
    with socket.socket() as occupied:
        occupied.bind(("127.0.0.1", 0))
        occupied.listen()
        if case == "port in use":
            options["--port"] = str(occupied.getsockname()[1])
        result = run_serve(*(word for pair in options.items() for word in pair))
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("whosaid: "), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_settings_reject_nonsense_and_default_to_the_users_authorized_keys(tmp_path: Path) -> None:
    arguments = argparse.Namespace(
        host="127.0.0.1", port=8022, authorized_keys=None, host_key=None, max_sessions=16, idle_timeout=30.0
    )
    settings = ssh_server.ServerSettings.from_arguments(arguments, tmp_path / "store.json")
    assert settings.authorized_keys == Path.home() / ".ssh" / "authorized_keys"
    assert settings.idle_timeout == 1800.0
    for field, value in (("max_sessions", 0), ("idle_timeout", -1.0), ("port", -1)):
        with pytest.raises(ssh_server.ServeError):
            ssh_server.ServerSettings.from_arguments(
                argparse.Namespace(**{**vars(arguments), field: value}), tmp_path / "store.json"
            )


def test_the_child_environment_carries_the_clients_term_and_no_size_or_ssh_variables() -> None:
    base = {"PATH": "/bin", "COLUMNS": "200", "LINES": "50", "SSH_AUTH_SOCK": "/x", "TERM": "dumb", "LANG": "C.UTF-8"}
    client = {"COLORTERM": "truecolor", "NO_COLOR": "$(reboot)", "LD_PRELOAD": "/x.so", "PATH": "/tmp",
              "WHOSAID_GUEST": "0"}
    assert ssh_server.child_environment("linux", client, base) == {
        "PATH": "/bin",
        "LANG": "C.UTF-8",
        "COLORTERM": "truecolor",
        "TERM": "linux",
        "WHOSAID_GUEST": "1",
    }


def test_an_odd_terminal_type_falls_back_to_the_default() -> None:
    assert ssh_server.terminal_type("screen-256color") == "screen-256color"
    for odd in ("", "../../etc/passwd", "xterm\x1b]0;title\x07", "x" * 65):
        assert ssh_server.terminal_type(odd) == ssh_server.DEFAULT_TERM


def test_window_sizes_are_clamped() -> None:
    assert ssh_server.window_size_bytes(0, 0) == ssh_server.window_size_bytes(80, 24)
    assert ssh_server.window_size_bytes(10**6, 10**6) == ssh_server.window_size_bytes(4096, 4096)
