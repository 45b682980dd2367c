"""On Windows, as far as Linux can show it: with the POSIX-only parts of `os` and `signal`
taken away (and hard links and folder syncing refused, as on FAT sticks and Windows),
evaltool still prepares a folder, records, checks, formats and reports, writing every
file whole and keeping what was there."""

from __future__ import annotations

import errno
import os
import signal
import stat
from pathlib import Path

import pytest

from conftest import REPO, Invoke
from evaltool.fs import portable
from inputs import edited

ANSWERS = REPO / "templates" / "examples" / "answers-cornelis-musius.yaml"
POSIX_ONLY = {os: ("fchmod", "fchown", "geteuid", "getegid", "O_CLOEXEC", "O_NOFOLLOW",
                   "O_DIRECTORY", "O_NONBLOCK", "sync"),
              signal: ("SIGHUP", "SIGPIPE", "SIGKILL")}


@pytest.fixture
def windows_like(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """This process without what Windows lacks; returns what was taken away."""
    removed = []
    for module, names in POSIX_ONLY.items():
        for name in names:
            if hasattr(module, name):
                monkeypatch.delattr(module, name)
                removed.append(name)
    real_open = os.open

    def no_hard_links(source: object, target: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    def no_open_folders(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if os.path.isdir(path):  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "link", no_hard_links)
    monkeypatch.setattr(os, "open", no_open_folders)
    return removed


def test_the_fallbacks_stand_in_for_what_is_missing(windows_like: list[str],
                                                   tmp_path: Path) -> None:
    assert "SIGHUP" in windows_like and "fchmod" in windows_like
    assert portable.stop_signals() == [signal.SIGTERM]
    assert portable.open_flags("O_RDONLY", "O_NONBLOCK", "O_BINARY") == os.O_RDONLY
    source, target = tmp_path / "new.tmp", tmp_path / "new.yaml"
    source.write_bytes(b"whole\n")
    portable.set_mode(source, 0o640, fd=None)
    portable.link_exclusive(source, target)
    assert target.read_bytes() == b"whole\n" and not source.exists()
    source.write_bytes(b"other\n")
    with pytest.raises(FileExistsError):
        portable.link_exclusive(source, target)
    assert target.read_bytes() == b"whole\n"
    portable.sync_folder(tmp_path)  # cannot open a folder: nothing to do, no error
    fd = os.open(target, os.O_RDONLY)
    try:
        portable.keep_owner(fd, 0, 0)  # no owners to keep
    finally:
        os.close(fd)


def test_a_first_start_and_a_meeting_recorded_and_reported(
        windows_like: list[str], cli: Invoke, here: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(here))
    assert cli("init").exit_code == 0
    assert (here / "README.md").read_text(encoding="utf-8").startswith("# Evaluations")
    made = cli("new-session", "--answers", ANSWERS)
    assert made.exit_code == 0, made.output
    [session] = (here / "sessions").glob("*.yaml")
    again = cli("new-session", "--answers", ANSWERS)  # never over the file that is there
    assert again.exit_code == 1 and "the file exists already" in again.stderr
    assert cli("validate").exit_code == 0
    session.chmod(0o640)
    text = session.read_text(encoding="utf-8")
    session.write_text(edited(text, ("title: ", "title:  ")), encoding="utf-8")
    formatted = cli("fmt", session)
    assert formatted.exit_code == 0, formatted.output
    assert session.read_text(encoding="utf-8") == text
    assert stat.S_IMODE(session.stat().st_mode) == 0o640  # the file keeps its mode
    report = here / "verslag.md"
    assert cli("summarize", "-f", "markdown", "-o", report, session).exit_code == 0
    assert "Casus Cornelis Musius" in report.read_text(encoding="utf-8")
    assert cli("summarize", "-f", "json", "sessions").exit_code == 0  # through the cache


def test_the_cache_lives_where_windows_keeps_caches(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    """%LOCALAPPDATA%\\evaltool, as before platformdirs found it: no author folder, no
    "Cache" below it. An XDG variable means nothing on Windows."""
    import platformdirs
    import platformdirs.windows

    from evaltool.report.cache import cache_dir

    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.delenv("EVALTOOL_CACHE_DIR")
    local = r"C:\Users\jan\AppData\Local"
    # How platformdirs is told the folder Windows would give it (it asks Windows itself).
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == Path(local) / "evaltool"
    monkeypatch.setenv("EVALTOOL_CACHE_DIR", str(tmp_path / "own"))
    assert cache_dir() == tmp_path / "own"
