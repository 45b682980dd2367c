"""Every command that writes keeps every byte: when a write fails at any step, over links
and special files, and when someone else changed the file in the meantime.

The writing commands are `fmt`, `finalize`, `edit`, `new-session`, `summarize -o` and
git's merge driver; all of them write through `evaltool.fs.atomic`.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE, REPO, Invoke
from evaltool.errors import ChangedOnDiskError
from evaltool.session import store
from evaltool.wizard import drafts
from inputs import edited, session_text, write_session

GOOD = EXAMPLE.read_text(encoding="utf-8")
ANSWERS = REPO / "templates" / "examples" / "answers-cornelis-musius.yaml"


def temporaries(*folders: Path) -> list[str]:
    """What a write leaves behind if it does not clean up: `.name.xxxx.tmp` files."""
    return [name for folder in folders for name in os.listdir(folder)
            if name.startswith(".") and name.endswith(".tmp")]


# --- the writing commands, each on a file it will replace --------------------------------------


@dataclass
class Case:
    """A writing command and the file it replaces (or creates: `target` absent)."""

    arguments: list[Any]
    target: Path
    folders: list[Path] = field(default_factory=list)


def _session(folder: Path, text: str = GOOD) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXAMPLE.name
    path.write_text(text, encoding="utf-8")
    return path


def fmt_case(tmp: Path) -> Case:
    path = _session(tmp / "sessions", edited(GOOD, ("status: final", "status: 'final'")))
    return Case(["fmt", path], path)


def finalize_case(tmp: Path) -> Case:
    path = _session(tmp / "sessions", session_text({"status": "draft"}))
    return Case(["finalize", path], path)


def edit_case(tmp: Path) -> Case:
    path = _session(tmp / "sessions")
    answers = tmp / "plan.yaml"
    answers.write_text("plan: Een nieuw plan.\n", encoding="utf-8")
    return Case(["edit", path, "--step", "plan", "--answers", answers], path)


def new_session_case(tmp: Path) -> Case:
    sessions = tmp / "sessions"
    # (Not valid YAML, as it has always been: ': ' inside a plain value.)
    path = _session(sessions, edited(GOOD, ("reflection: De toehoorder", "reflection: Oud: de")))
    drafts.prepare(sessions)  # its folder for drafts exists already: the write is the session
    return Case(["new-session", "--answers", ANSWERS, "--force", "--sessions-dir", sessions],
                path)


def new_file_case(tmp: Path) -> Case:
    sessions = tmp / "sessions"
    sessions.mkdir()
    drafts.prepare(sessions)
    return Case(["new-session", "--answers", ANSWERS, "--sessions-dir", sessions],
                sessions / EXAMPLE.name)


def summarize_case(tmp: Path) -> Case:
    output = tmp / "verslag.md"
    output.write_text("# het vorige verslag\n", encoding="utf-8")
    return Case(["summarize", "-f", "markdown", "-o", output, EXAMPLE], output)


def merge_case(tmp: Path) -> Case:
    base, ours, theirs = (tmp / name for name in ("base.yaml", "ours.yaml", "theirs.yaml"))
    base.write_text(GOOD, encoding="utf-8")
    write_session(ours, {"casus.title": "Casus CM"})
    write_session(theirs, {"status": "draft"})
    return Case(["git-merge-driver", base, ours, theirs], ours)


CASES: dict[str, Callable[[Path], Case]] = {
    "fmt": fmt_case, "finalize": finalize_case, "edit": edit_case,
    "new-session --force": new_session_case, "new-session": new_file_case,
    "summarize -o": summarize_case, "git merge driver": merge_case,
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_writing_command_writes(cli: Invoke, tmp_path: Path, name: str) -> None:
    """Without faults, each case does write: the harness below tests real writes."""
    case = CASES[name](tmp_path)
    before = case.target.read_bytes() if case.target.exists() else None
    result = cli(*case.arguments)
    assert result.exit_code == 0, result.output
    assert case.target.read_bytes() != before
    assert not temporaries(case.target.parent)


# --- the fault-injection harness -----------------------------------------------------------------

STEPS = ["open", "write", "fsync", "rename", "folder fsync"]
ERRORS = {"ENOSPC": errno.ENOSPC, "EIO": errno.EIO, "EACCES": errno.EACCES,
          "EXDEV": errno.EXDEV}


def _temporary(path: Any) -> bool:
    name = os.path.basename(os.fspath(path))
    return name.startswith(".") and name.endswith(".tmp")


class Faults:
    """Fails one step of a write, once: opening the temporary file, writing it, syncing it,
    renaming (or linking) it into place, or syncing the folder after the rename."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, step: str, code: int) -> None:
        self.step, self.code, self.fired = step, code, False
        self.files: set[int] = set()    # descriptors of temporary files
        self.folders: set[int] = set()  # descriptors of folders
        self.real = {name: getattr(os, name) for name in
                     ("open", "write", "fsync", "replace", "rename", "link", "close")}
        for name in self.real:
            monkeypatch.setattr(os, name, getattr(self, f"_{name}"))

    def _fail(self, step: str) -> None:
        if step == self.step and not self.fired:
            self.fired = True
            raise OSError(self.code, os.strerror(self.code))

    def _open(self, path: Any, flags: int, mode: int = 0o777, *, dir_fd: Any = None) -> int:
        if _temporary(path):
            self._fail("open")
        fd: int = self.real["open"](path, flags, mode, dir_fd=dir_fd)
        if _temporary(path):
            self.files.add(fd)
        elif stat.S_ISDIR(os.fstat(fd).st_mode):
            self.folders.add(fd)
        return fd

    def _write(self, fd: int, data: Any) -> int:
        if fd in self.files:
            self._fail("write")
        written: int = self.real["write"](fd, data)
        return written

    def _fsync(self, fd: int) -> None:
        if fd in self.files:
            self._fail("fsync")
        if fd in self.folders:
            self._fail("folder fsync")
        self.real["fsync"](fd)

    def _replace(self, source: Any, target: Any, **kwargs: Any) -> None:
        if _temporary(source):
            self._fail("rename")
        self.real["replace"](source, target, **kwargs)

    def _rename(self, source: Any, target: Any, **kwargs: Any) -> None:
        if _temporary(source):
            self._fail("rename")
        self.real["rename"](source, target, **kwargs)

    def _link(self, source: Any, target: Any, **kwargs: Any) -> None:
        if _temporary(source):
            self._fail("rename")
        self.real["link"](source, target, **kwargs)

    def _close(self, fd: int) -> None:
        self.files.discard(fd)
        self.folders.discard(fd)
        self.real["close"](fd)


@pytest.mark.parametrize("code", list(ERRORS))
@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("name", list(CASES))
def test_a_failing_write_keeps_the_original_and_leaves_nothing_behind(
        cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, step: str,
        code: str) -> None:
    case = CASES[name](tmp_path)
    before = case.target.read_bytes() if case.target.exists() else None
    faults = Faults(monkeypatch, step, ERRORS[code])
    result = cli(*case.arguments)
    monkeypatch.undo()
    assert faults.fired, f"the write never reached the step {step}"
    assert result.exit_code == 1, result.output
    assert f"cannot write: {os.strerror(ERRORS[code])}" in result.stderr
    after = case.target.read_bytes() if case.target.exists() else None
    assert after == before
    assert not temporaries(case.target.parent)


# --- links and special files --------------------------------------------------------------------

SESSION_COMMANDS = ["fmt", "finalize", "edit"]


def _through(kind: str, tmp: Path, name: str) -> tuple[Case, Path]:
    """The case, its target now a link of `kind` to the file that must change, and that file."""
    case = CASES[name](tmp)
    real = case.target
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    moved = elsewhere / real.name
    os.replace(real, moved)
    if kind == "link":
        real.symlink_to(moved)
    elif kind == "relative link":
        real.symlink_to(os.path.relpath(moved, real.parent))
    else:  # a chain of two links
        middle = tmp / "middle.yaml"
        middle.symlink_to(moved)
        real.symlink_to(middle)
    return case, moved


@pytest.mark.parametrize("kind", ["link", "relative link", "chain of links"])
@pytest.mark.parametrize("name", [*SESSION_COMMANDS, "new-session --force", "summarize -o"])
def test_a_write_through_a_link_updates_the_file_it_points_to(
        cli: Invoke, tmp_path: Path, name: str, kind: str) -> None:
    case, real = _through(kind, tmp_path, name)
    named = case.target
    real.chmod(0o640)
    before = real.read_bytes()
    result = cli(*case.arguments)
    assert result.exit_code == 0, result.output
    assert named.is_symlink()  # the link stays a link ...
    assert real.read_bytes() != before  # ... and the file it points to changed
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert not temporaries(named.parent, real.parent)


def _special(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "socket":  # bound by its name from its folder: socket paths are short
        here = os.getcwd()
        os.chdir(path.parent)
        try:
            server = socket.socket(socket.AF_UNIX)
            server.bind(path.name)
            server.close()
        finally:
            os.chdir(here)
    elif kind == "dangling link":
        path.symlink_to(path.parent / "nowhere.yaml")
    else:  # a device, through a link (reading it is refused: nothing is ever written)
        path.symlink_to("/dev/null")


def _kind_of(path: Path) -> str:
    info = os.lstat(path)
    return stat.filemode(info.st_mode)[0]


@pytest.mark.parametrize("kind", ["fifo", "folder", "socket", "dangling link", "device"])
@pytest.mark.parametrize("name", SESSION_COMMANDS)
def test_a_special_file_is_never_replaced(cli: Invoke, tmp_path: Path, name: str,
                                          kind: str) -> None:
    case = CASES[name](tmp_path)
    case.target.unlink()
    _special(kind, case.target)
    was = _kind_of(case.target)
    result = cli(*case.arguments)
    assert result.exit_code == 1, result.output
    # (fmt takes a folder for a folder of sessions, and finds none in it)
    assert f"error: {case.target}: " in result.stderr or (name, kind) == ("fmt", "folder")
    assert _kind_of(case.target) == was
    assert not temporaries(case.target.parent)


@pytest.mark.parametrize("kind", ["folder", "socket", "dangling link"])
def test_summarize_never_replaces_a_special_file(cli: Invoke, tmp_path: Path, kind: str) -> None:
    output = tmp_path / "verslag.md"
    _special(kind, output)
    was = _kind_of(output)
    result = cli("summarize", "-f", "markdown", "-o", output, EXAMPLE)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and f"error: {output}: " in result.stderr
    assert _kind_of(output) == was
    assert not temporaries(tmp_path)


def test_summarize_streams_into_a_pipe(cli: Invoke, tmp_path: Path) -> None:
    pipe = tmp_path / "verslag.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = cli("summarize", "-f", "markdown", "-o", pipe, EXAMPLE)
    reader.join(timeout=10)
    if reader.is_alive():  # nothing was written into the pipe: let the reader go
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert b"# Evaluation meeting 1: Casus Cornelis Musius" in received[0]
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def device(tmp_path: Path, name: str) -> Path:
    """A character device to write to: a private one made like /dev/`name` where this may
    make devices (as root, where the old writer would have replaced the real one), else
    the real one, which a user who cannot make devices cannot replace either."""
    numbers = {"null": (1, 3), "full": (1, 7)}[name]
    private = tmp_path / name
    try:
        os.mknod(private, 0o666 | stat.S_IFCHR, os.makedev(*numbers))
    except PermissionError:
        return Path("/dev") / name
    return private


@pytest.mark.parametrize("name", ["null", "full"])
def test_summarize_streams_into_a_device_and_never_replaces_it(cli: Invoke, tmp_path: Path,
                                                              name: str) -> None:
    target = device(tmp_path, name)
    result = cli("summarize", "-f", "markdown", "-o", target, EXAMPLE)
    assert stat.S_ISCHR(os.lstat(target).st_mode)
    assert not temporaries(target.parent)
    if name == "full":
        assert result.exit_code == 1
        assert f"error: {target}: cannot write: No space left on device" in result.stderr
    else:
        assert result.exit_code == 0, result.output


def test_summarize_to_dash_is_standard_output(cli: Invoke, here: Path) -> None:
    result = cli("summarize", "-f", "markdown", "-o", "-", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "# Evaluation meeting 1: Casus Cornelis Musius\n" in result.stdout
    assert not (here / "-").exists()


# --- someone else's change ------------------------------------------------------------------------

THEIRS = {  # a change made on disk while evaltool held the file
    "a finding": ("findings:\n",
                  "findings:\n  nieuw:\n    kind: wish\n    text: Van iemand anders.\n"),
    "the reflection": ("reflection: De toehoorder", "reflection: Iemand anders, de toehoorder"),
    "a comment": ("participants:\n", "participants:  # bijgewerkt door Anna\n"),
    "the status": ("status: draft", "status: final"),
}
OURS = {
    "finalize": lambda s: setattr(s, "status", "final"),
    "the reflection": lambda s: setattr(s, "reflection", "Onze reflectie."),
    "a follow-up": lambda s: setattr(s.follow_ups["fu-1"], "status", "done"),
}
# Both changed the same field, differently: nothing can be combined.
OVERLAPS = {("the reflection", "the reflection")}


@pytest.mark.parametrize("theirs", list(THEIRS))
@pytest.mark.parametrize("ours", list(OURS))
def test_a_save_never_overwrites_a_change_made_since_the_file_was_read(
        tmp_path: Path, ours: str, theirs: str) -> None:
    path = _session(tmp_path, session_text({"status": "draft"}))
    editable = store.open_for_edit(path)
    OURS[ours](editable.session)
    changed = edited(path.read_text(encoding="utf-8"), THEIRS[theirs])
    path.write_text(changed, encoding="utf-8")
    on_disk = store.load_session(path)
    if (ours, theirs) in OVERLAPS:
        with pytest.raises(ChangedOnDiskError, match="changed by someone else"):
            store.save_session(editable.session, path, original=editable)
        assert path.read_text(encoding="utf-8") == changed
        return
    store.save_session(editable.session, path, original=editable)
    saved = store.load_session(path)
    expected = on_disk.model_copy(deep=True)  # their change, and ours on top of it
    OURS[ours](expected)
    if (ours, theirs) == ("finalize", "the status"):
        expected.status = "final"
    assert saved == expected
    if theirs == "a comment":
        assert "participants:  # bijgewerkt door Anna\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("change", ["removed", "made invalid", "replaced by a folder"])
def test_a_save_refuses_when_the_file_is_gone_or_broken(tmp_path: Path, change: str) -> None:
    path = _session(tmp_path)
    editable = store.open_for_edit(path)
    editable.session.reflection = "Onze reflectie."
    if change == "removed":
        path.unlink()
    elif change == "made invalid":
        path.write_text(edited(GOOD, ("status: final", "status: half")), encoding="utf-8")
    else:
        path.unlink()
        path.mkdir()
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(ChangedOnDiskError):
        store.save_session(editable.session, path, original=editable)
    assert sorted(os.listdir(tmp_path)) == before


@pytest.mark.parametrize("command", ["finalize", "edit", "fmt"])
def test_a_command_refuses_when_the_file_changed_while_it_ran(
        cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    case = {"finalize": finalize_case, "edit": edit_case, "fmt": fmt_case}[command](tmp_path)
    theirs = edited(case.target.read_text(encoding="utf-8"),
                    ("reflection: De toehoorder", "reflection: Van iemand anders, de toehoorder"))
    # Someone saves the file (same field: the reflection) just before evaltool writes.
    real = store.atomic_write

    def someone_else_first(path: Path, data: bytes, **kwargs: Any) -> None:
        case.target.write_text(theirs, encoding="utf-8")
        real(path, data, **kwargs)

    monkeypatch.setattr(store, "atomic_write", someone_else_first)
    if command == "fmt":
        import evaltool.commands.git  # noqa: F401 - fmt imports atomic_write from the store

    if command == "edit":
        answers = tmp_path / "reflection.yaml"
        answers.write_text("reflection: Onze eigen reflectie.\n", encoding="utf-8")
        case.arguments = ["edit", case.target, "--step", "afterwards", "--answers", answers]
    result = cli(*case.arguments)
    assert result.exit_code == 1, result.output
    assert "was changed by someone else after evaltool read it" in result.stderr
    assert "run the command again" in result.stderr
    assert case.target.read_text(encoding="utf-8") == theirs


def test_git_pull_during_an_edit_is_kept(tmp_path: Path) -> None:
    """A `git pull` that brings another finding while an edit is open: both are kept."""
    repo = tmp_path / "repo"
    path = _session(repo / "sessions")
    for arguments in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@x",
                                                     "commit", "-qm", "first"]):
        subprocess.run(["git", *arguments], cwd=repo, check=True)
    editable = store.open_for_edit(path)
    editable.session.reflection = "Onze reflectie."
    write_session(path, {"findings.uit-git": {"kind": "wish", "text": "Binnengehaald."}})
    store.save_session(editable.session, path, original=editable)
    saved = store.load_session(path)
    assert saved.reflection == "Onze reflectie." and "uit-git" in saved.findings
