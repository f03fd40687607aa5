"""The installed whosaid under a storm of random keys in real terminals (tmux), over a store of 3,000 articles:
run in the terminal, over `whosaid serve` with the OpenSSH client, and Ctrl+Z / fg in an interactive shell.

The storm is seeded: a failure prints the seed, and `WHOSAID_STORM_SEED=N` replays that storm.
"""

from __future__ import annotations

import os
import random
import re
import shlex
import shutil
import string
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from benchmarks.synthetic import synthetic_article
from tests.ssh_support import (
    APP_TIMEOUT,
    ServeProcess,
    Tmux,
    child_pids,
    client_environment,
    require_programs,
    ssh_terminal_command,
    wait_until,
    write_key,
)
from tui.crash import STATE_SIGNAL

WHOSAID = shutil.which("whosaid", path=str(Path(sys.executable).parent))
ARTICLES = 3000
STORM_KEYS = 2000
BURST_KEYS = 50
KEY_PROBE_EVERY = 5
"""Every this many bursts, the probe presses keys whose effect is known (Esc back to the browser, ? for help)."""
LAST_ANSWER_SECONDS = 60
"""How long the last probe waits for the help screen: an app slowed by a loaded machine answers in time, a stuck one
never does."""
GROWTH = 4
"""Rows the terminal grows by at each redraw probe."""
SEED_VARIABLE = "WHOSAID_STORM_SEED"
HELP_LINE = "Suspend to the shell"
"""A line of the help screen (?), on screen at any size the storm uses."""
EXITED = re.compile(r"\[exited (\d+)\]")
LOADED = ("articles,", " quotes")
"""On the browser's screen once its store is read, whatever pane a kept zoom shows: the header's counts."""

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None or WHOSAID is None, reason="needs tmux and the installed whosaid command"
)

NAVIGATION = ("Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "j", "k", "g", "G")
LETTERS = tuple(letter for letter in string.ascii_letters if letter != "q")
"""Every letter but q, which quits from the browser: the storm is about surviving keys, not quitting."""
PASTE_WORDS = (
    "production", "minister", "Okafor", "said", "rail", "[bold]", "[/]", "[@click=app.quit]", "C++", "AT&T",
    "Schröder", "O'Neill", "\u5317\u4eac", "caf\u00e9", "\"quoted phrase\"", "speaker:", "org:", "date:2024",
    "produc*", "\u2014", "\u201cquote\u201d", "100%", "$PATH", "`ls`",
)  # fmt: skip


@dataclass(frozen=True)
class Paste:
    """Text pasted into the terminal in one go (bracketed, as terminals paste)."""

    text: str


Press = str | Paste
"""One storm event: a tmux key name, or a paste."""


def storm_alphabet(*extra: str) -> list[tuple[tuple[str, ...], float]]:
    """The storm's keys in groups, each with its share of the presses."""
    return [
        (LETTERS, 0.30),
        (tuple(string.digits), 0.08),
        (NAVIGATION, 0.28),
        (("Tab", "BTab"), 0.06),
        (("Enter",), 0.07),
        (("Escape",), 0.06),
        (("/",), 0.04),
        (("BSpace",), 0.04),
        (("?",), 0.02),
        (("C-p",), 0.015),
        *([(extra, 0.01)] if extra else []),
    ]


def random_paste(rng: random.Random) -> Paste:
    """A paste: a few words and symbols, now and then a long one or one across lines."""
    count = rng.choice((1, 2, 3, 5, 8, 400))
    separator = "\n" if rng.random() < 0.1 else " "
    return Paste(separator.join(rng.choice(PASTE_WORDS) for _ in range(count)))


def random_burst(rng: random.Random, alphabet: list[tuple[tuple[str, ...], float]], size: int) -> list[Press]:
    """`size` presses drawn from `alphabet`, with a paste now and then."""
    groups = [group for group, _share in alphabet]
    shares = [share for _group, share in alphabet]
    burst: list[Press] = []
    for _ in range(size):
        if rng.random() < 0.015:
            burst.append(random_paste(rng))
        else:
            burst.append(rng.choice(rng.choices(groups, shares)[0]))
    return burst


def send_burst(tmux: Tmux, name: str, burst: list[Press]) -> None:
    """Send the burst as fast as tmux takes it: runs of keys in one send-keys, pastes in between."""
    keys: list[str] = []
    for press in burst:
        if isinstance(press, Paste):
            if keys:
                tmux.keys(name, *keys)
                keys = []
            tmux.paste(name, press.text)
        else:
            keys.append(press)
    if keys:
        tmux.keys(name, *keys)


class AppExited(Exception):
    """The program in the pane ended; its exit status."""

    def __init__(self, status: int) -> None:
        super().__init__(f"the app exited with status {status}")
        self.status = status


def exit_status(screen: str) -> int | None:
    """The exit status the pane printed once its program ended, or None while it runs."""
    match = EXITED.search(screen)
    return int(match.group(1)) if match else None


def screen_when(tmux: Tmux, name: str, ready: Callable[[str], bool], what: str, timeout: float = APP_TIMEOUT) -> str:
    """The screen once `ready` holds for it; AppExited as soon as the program has ended instead."""

    def probe() -> str | None:
        screen = tmux.capture(name)
        status = exit_status(screen)
        if status is not None:
            raise AppExited(status)
        return screen if ready(screen) else None

    return wait_until(probe, timeout, what)


def drawn_in_last_rows(rows: int) -> Callable[[str], bool]:
    """Whether a screen has something in its last `rows` rows."""
    return lambda screen: any(line.strip() for line in screen.splitlines()[-rows:])


class MissedResize(AssertionError):
    """The app kept drawing at an earlier size after a resize, though it still answers keys."""


class KeysUnanswered(AssertionError):
    """The app still redraws after a resize, but a dozen Esc, then 3 and ?, do not bring up the help screen."""


def probe_redraw(tmux: Tmux, name: str, rng: random.Random) -> None:
    """Resize the terminal to a random size by way of one four rows shorter: the app must draw the new bottom rows.

    tmux drops the bottom rows of a shrinking pane and adds blank ones as it grows, so only a redraw at
    the new size fills them (a wider pane, by contrast, shows again what was drawn there before). An app
    that does not redraw is resized once more; one that still does not but answers keys missed the resize
    (MissedResize), one that answers nothing is hung.
    """
    width, height = rng.randint(60, 140), rng.randint(20, 42)
    what = f"a redraw at {width}x{height}"
    for attempt in range(2):
        tmux.resize(name, width, height - GROWTH)
        tmux.resize(name, width, height)
        try:
            screen_when(tmux, name, drawn_in_last_rows(GROWTH), what)
        except AssertionError:
            if attempt:
                stale = tmux.capture(name)
                probe_keys(tmux, name)
                raise MissedResize(f"the app did not redraw at {width}x{height}, resized twice:\n{stale}") from None
            continue
        if attempt:
            raise MissedResize(f"the app did not redraw at {width}x{height} until resized a second time")
        return


def probe_keys(tmux: Tmux, name: str, attempts: int = 3) -> None:
    """Esc back to the browser, 3 for the Quotes pane, ? shows the help and ? closes it: the app answers keys.

    Each key waits for the screen to settle, so that Esc is not read with the next key as one Alt sequence;
    3 works from the search box too, where going back may leave the cursor. A state that a few Esc do not
    leave (a deep history of Enter, help opened twice from the palette) gets more of them on the next attempt.
    """
    for attempt in range(1, attempts + 1):
        for _ in range(4 * attempt):
            tmux.keys(name, "Escape")
            tmux.settle(name, quiet=0.15, timeout=5)
        if HELP_LINE in screen_when(tmux, name, lambda screen: True, "the screen"):
            continue
        tmux.keys(name, "3")
        tmux.settle(name, quiet=0.15, timeout=5)
        try:
            tmux.keys(name, "?")
            patience = 10 if attempt < attempts else LAST_ANSWER_SECONDS
            screen_when(tmux, name, lambda screen: HELP_LINE in screen, "the help screen after 3 and ?", patience)
        except AssertionError as error:
            if attempt == attempts:
                raise KeysUnanswered(str(error)) from None
            continue
        try:
            tmux.keys(name, "?")
            screen_when(tmux, name, lambda screen: HELP_LINE not in screen, "? to close the help", timeout=10)
            return
        except AssertionError:
            if attempt == attempts:
                raise
    raise AssertionError(f"{4 * attempts} presses of Esc left the help screen open")


def storm_seed() -> int:
    """The seed set in the environment to replay a storm, else a new one."""
    return int(os.environ.get(SEED_VARIABLE) or random.SystemRandom().getrandbits(32))


@dataclass
class Storm:
    """A seeded storm of random keys into one tmux pane, relaunching the app when the keys asked it to quit."""

    tmux: Tmux
    name: str
    launch: Callable[[], None]
    alphabet: list[tuple[tuple[str, ...], float]]
    context: Callable[[], str] = lambda: ""
    app_state: Callable[[], str] = lambda: ""
    """What the app says it waits for (asked with SIGUSR1), for a session that stopped answering keys."""
    seed: int = field(default_factory=lambda: storm_seed())
    relaunches: int = 0

    def run(self) -> None:
        """STORM_KEYS presses in bursts; after each, the app must be running and redraw, every few also answer keys."""
        rng = random.Random(self.seed)
        burst: list[Press] = []
        number = 0
        palette_opened = False
        try:
            self.start()
            for number in range(1, STORM_KEYS // BURST_KEYS + 1):
                burst = random_burst(rng, self.alphabet, BURST_KEYS)
                palette_opened = palette_opened or "C-p" in burst
                send_burst(self.tmux, self.name, burst)
                try:
                    probe_redraw(self.tmux, self.name, rng)
                    if number % KEY_PROBE_EVERY == 0:
                        probe_keys(self.tmux, self.name)
                except AppExited as exited:
                    if exited.status != 0 or not palette_opened:
                        raise
                    self.relaunches += 1
                    palette_opened = False
                    self.tmux.kill_session(self.name)
                    self.start()
        except (AssertionError, AppExited) as error:
            kind = type(error) if isinstance(error, (MissedResize, KeysUnanswered)) else AssertionError
            state = self.app_state() if isinstance(error, KeysUnanswered) else ""
            raise kind(
                f"{error}\nstorm seed {self.seed} (replay with {SEED_VARIABLE}={self.seed}); "
                f"burst {number} of {STORM_KEYS // BURST_KEYS} was:\n{burst!r}\n"
                f"the screen:\n{self.tmux.capture(self.name)}\n{self.context()}\n{state}"
            ) from None

    def start(self) -> None:
        """Launch the app in the pane and wait until it has read the store."""
        self.launch()
        screen_when(self.tmux, self.name, lambda screen: all(text in screen for text in LOADED), "the store to load")


STATE_ASKED = 3
"""How many times a stuck app is asked for its state, a few seconds apart: whether its threads move between."""


def asked_state(pids: list[int], state_log: Path) -> str:
    """Ask the app processes `pids` for their state (SIGUSR1) and return what they wrote to `state_log`."""
    for pid in pids:
        for _ in range(STATE_ASKED):
            try:
                os.kill(pid, STATE_SIGNAL)
            except ProcessLookupError:
                break
            asked, answered = time.monotonic(), read_or_empty(state_log).count(f"pid {pid}\n")
            while time.monotonic() < asked + 5 and read_or_empty(state_log).count(f"pid {pid}\n") == answered:
                time.sleep(0.2)
            time.sleep(max(0.0, asked + 3 - time.monotonic()))
    text = read_or_empty(state_log)
    return f"the app's state ({state_log}):\n{text[-40000:]}" if text else f"no state written to {state_log}"


def read_or_empty(path: Path) -> str:
    """A file's text, or '' while it does not exist."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def pane_app_pids(tmux: Tmux, name: str) -> list[int]:
    """The whosaid processes the pane's shell started."""
    pids = child_pids(tmux.pane_pid(name))
    return [pid for pid in pids if b"whosaid" in read_command_line(pid)]


def read_command_line(pid: int) -> bytes:
    """A process's command line, or nothing once it has ended."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


# --- fixtures ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 3,000 synthetic articles, built once with `whosaid ingest DIR` as a user would."""
    if WHOSAID is None:
        pytest.skip("needs the installed whosaid command")
    directory = tmp_path_factory.mktemp("storm-corpus")
    articles = directory / "articles"
    articles.mkdir()
    for number in range(ARTICLES):
        (articles / f"article-{number:04d}.txt").write_text(synthetic_article(number), encoding="utf-8")
    store = directory / "store.json"
    result = subprocess.run(
        [WHOSAID, "ingest", str(articles), "--db", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return store


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    """A private tmux server for this test alone."""
    server = Tmux(require_programs("tmux")["tmux"])
    yield server
    server.close()


def user_directories(root: Path) -> dict[str, str]:
    """Settings, crash log and home in `root`, so that no storm touches the user's own."""
    for name in ("config", "state", "home"):
        (root / name).mkdir(exist_ok=True)
    return {"XDG_CONFIG_HOME": str(root / "config"), "XDG_STATE_HOME": str(root / "state"), "HOME": str(root / "home")}


def crash_log(root: Path) -> str:
    """What the app logged of unexpected errors under `root` (see `user_directories`)."""
    path = root / "state" / "whosaid" / "crash.log"
    return f"crash log:\n{path.read_text(encoding='utf-8', errors='replace')}" if path.exists() else "no crash log"


# --- the storm in a terminal ------------------------------------------------------------------------------


@needs_tmux
def test_two_thousand_random_keys_in_the_terminal_leave_the_app_running_and_answering(
    corpus_store: Path, tmp_path: Path, tmux: Tmux
) -> None:
    variables = {
        "TERM": "xterm-256color",
        "WHOSAID_DB": str(corpus_store),
        "PAGER": "true",
        **user_directories(tmp_path),
    }
    assignments = " ".join(f"{key}={shlex.quote(value)}" for key, value in variables.items())
    command = f"cd {shlex.quote(str(tmp_path))} && env {assignments} {shlex.quote(str(WHOSAID))}"
    storm = Storm(
        tmux,
        "app",
        lambda: tmux.start("app", command, width=100, height=30),
        storm_alphabet(),
        context=lambda: crash_log(tmp_path),
        app_state=lambda: asked_state(pane_app_pids(tmux, "app"), tmp_path / "state" / "whosaid" / "state.log"),
    )
    storm.run()
    assert not (tmp_path / "state" / "whosaid" / "crash.log").exists(), crash_log(tmp_path)


# --- the storm over whosaid serve -------------------------------------------------------------------------


@dataclass(frozen=True)
class Served:
    """`whosaid serve` on the corpus store, the key it lets in, and the folder of its log and crash log."""

    server: ServeProcess
    client_key: Path
    directory: Path

    def ssh_command(self) -> str:
        """The OpenSSH client's command line into a session (its escape character off: the storm types anything)."""
        ssh = require_programs("ssh")["ssh"]
        return ssh_terminal_command(ssh, self.server.port, self.client_key, "xterm-256color", extra=("-e", "none"))

    def state_log(self) -> Path:
        """Where the sessions write their state when asked (their state folder is the server's)."""
        return self.directory / "state" / "whosaid" / "state.log"

    def context(self) -> str:
        """The server's log and crash log, for a failure message."""
        return f"server log:\n{self.server.log()[-3000:]}\n{crash_log(self.directory)}"


@pytest.fixture(scope="module")
def served(corpus_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One `whosaid serve` for the module's SSH tests, stopped afterwards."""
    require_programs("ssh", "tmux")
    directory = tmp_path_factory.mktemp("storm-serve")
    write_key(directory / "client_key")
    write_key(directory / "host_key")
    authorized = directory / "authorized_keys"
    authorized.write_bytes((directory / "client_key.pub").read_bytes())
    arguments = ["--authorized-keys", str(authorized), "--host-key", str(directory / "host_key")]
    server = ServeProcess(
        directory / "serve.log",
        [*arguments, "--db", str(corpus_store)],
        client_environment(**user_directories(directory)),
    )
    yield Served(server, directory / "client_key", directory)
    server.stop()


@pytest.mark.slow
@needs_tmux
def test_two_thousand_random_keys_over_whosaid_serve_leave_the_session_running_and_answering(
    served: Served, tmux: Tmux
) -> None:
    command = served.ssh_command()
    storm = Storm(
        tmux,
        "ssh",
        lambda: tmux.start("ssh", command, width=100, height=30),
        storm_alphabet("C-z"),
        context=served.context,
        app_state=lambda: asked_state(served.server.session_pids()[-1:], served.state_log()),
    )
    storm.run()
    assert not (served.directory / "state" / "whosaid" / "crash.log").exists(), served.context()


# --- Ctrl+Z -----------------------------------------------------------------------------------------------

PROMPT = "storm$"
"""The shell's prompt (PS1 is this and a space)."""
MODES = re.compile(r"^modes: (.*)$", re.MULTILINE)
SHOW_MODES = "echo \"modes: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')\""
"""A shell line printing whether the terminal is line-buffered (icanon) and echoes (echo), or not (-icanon, -echo)."""


def assert_normal_terminal(tmux: Tmux, name: str) -> None:
    """The terminal as a shell wants it: main screen, no mouse reporting, cursor shown, lines edited and echoed."""
    flags = tmux.terminal_flags(name)
    assert flags["alternate_on"] == "0", flags
    assert all(flags[flag] == "0" for flag in flags if flag.startswith("mouse_")), flags
    assert flags["cursor_flag"] == "1", flags
    tmux.type(name, SHOW_MODES)
    tmux.keys(name, "Enter")
    screen = wait_until(lambda: MODES.search(tmux.capture(name)), 10, "the shell to print the terminal modes")
    assert screen.group(1).split() == ["icanon", "echo"], screen.group(0)


def whosaid_in_a_shell(tmux: Tmux, directory: Path) -> str:
    """An interactive sh (job control on, no rc files) in which the installed whosaid runs; its first screen."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "xterm-256color",
        "PS1": f"{PROMPT} ",
        "WHOSAID_DB": str(directory / "store.json"),
        **user_directories(directory),
        **{name: os.environ[name] for name in ("PYTHONPATH", "LANG") if name in os.environ},
    }
    tmux.start_shell("shell", [shutil.which("sh") or "/bin/sh", "-i"], environment)
    tmux.wait_for("shell", PROMPT)
    tmux.type("shell", shlex.quote(str(WHOSAID)))
    tmux.keys("shell", "Enter")
    tmux.wait_for("shell", "People", "Quotes", "\u2500 Person \u2500")
    return tmux.settle("shell", quiet=0.6)


def suspend_and_resume(tmux: Tmux) -> None:
    """Ctrl+Z: the shell's prompt and a terminal in normal mode; then fg."""
    tmux.keys("shell", "C-z")
    stopped = tmux.wait_for("shell", "Stopped", absent=("Quotes",))
    assert stopped.rstrip().endswith(PROMPT), stopped
    assert_normal_terminal(tmux, "shell")
    tmux.type("shell", "fg")
    tmux.keys("shell", "Enter")
    wait_until(lambda: tmux.terminal_flags("shell")["alternate_on"] == "1", 10, "fg to bring back the app")


@needs_tmux
def test_ctrl_z_suspends_to_the_shell_and_fg_brings_back_the_app_answering_keys(tmp_path: Path, tmux: Tmux) -> None:
    whosaid_in_a_shell(tmux, tmp_path)
    suspend_and_resume(tmux)
    probe_keys(tmux, "shell")
    tmux.keys("shell", "q")
    tmux.wait_for("shell", PROMPT, absent=("Quotes",))
    tmux.type("shell", 'echo "status=$?"')
    tmux.keys("shell", "Enter")
    tmux.wait_for("shell", "status=0")
    assert_normal_terminal(tmux, "shell")


@needs_tmux
def test_fg_draws_the_whole_screen_again(tmp_path: Path, tmux: Tmux) -> None:
    before = whosaid_in_a_shell(tmux, tmp_path)
    suspend_and_resume(tmux)
    after = tmux.settle("shell", quiet=0.6)
    assert after == before, f"the screen after fg:\n{tmux.capture('shell')}"


@pytest.mark.slow
@needs_tmux
def test_ctrl_z_in_a_whosaid_serve_session_does_nothing_and_the_session_goes_on(served: Served, tmux: Tmux) -> None:
    tmux.start("ssh", served.ssh_command(), width=100, height=30)
    tmux.wait_for("ssh", "Quotes", "People", "\u2500 Person \u2500")
    before = tmux.settle("ssh", quiet=0.6)
    tmux.keys("ssh", "C-z")
    after = tmux.settle("ssh", quiet=1.0)
    assert after == before, "Ctrl+Z changed the screen of a whosaid serve session"
    assert exit_status(tmux.capture("ssh")) is None
    assert tmux.terminal_flags("ssh")["alternate_on"] == "1"
    probe_keys(tmux, "ssh")
    tmux.keys("ssh", "q")
    tmux.wait_for("ssh", "[exited 0]")
