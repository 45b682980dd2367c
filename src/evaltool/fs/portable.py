"""What differs between Windows and POSIX, in one place: every call here works on both.

Most municipal laptops run Windows. Python there has no SIGHUP, no `os.fchmod`,
`os.fchown` or `os.geteuid`, no `O_CLOEXEC`, `O_NOFOLLOW` or `O_DIRECTORY`; `os.open`
reads in text mode unless given `O_BINARY` (turning CRLF into LF and stopping at Ctrl-Z);
a folder cannot be opened to sync it; file modes are one read-only flag; and on FAT
sticks and some network shares there are no hard links. evaltool asks here instead of
calling `os` or `signal` for these things, and each function reads `os` when it is
called, so a test can take an attribute away and see the fallback.
"""

from __future__ import annotations

import errno
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path

STOP_SIGNALS = ("SIGTERM", "SIGHUP", "SIGBREAK")
"""Signals that stop a command as Ctrl-C does: SIGHUP when the terminal closes (POSIX),
SIGBREAK for Ctrl-Break (Windows); only those the platform has are used."""


def open_flags(*names: str) -> int:
    """`os.O_*` flags by name, leaving out those the platform lacks: `O_BINARY` exists on
    Windows only, `O_CLOEXEC`, `O_NOFOLLOW` and `O_NONBLOCK` on POSIX only."""
    flags = 0
    for name in names:
        flags |= getattr(os, name, 0)
    return flags


def stop_signals() -> list[signal.Signals]:
    """The signals of `STOP_SIGNALS` that this platform has."""
    return [getattr(signal, name) for name in STOP_SIGNALS if hasattr(signal, name)]


def set_mode(path: Path | str, mode: int, fd: int | None = None) -> None:
    """Give a file its permission bits: through the open descriptor where the platform
    can (POSIX), else by name (Windows keeps only whether it is read-only)."""
    if fd is not None and hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:
        os.chmod(path, mode)


def keep_owner(fd: int, uid: int, gid: int) -> None:
    """Root editing someone's file leaves it theirs; elsewhere (Windows, or not allowed)
    there is nothing to do."""
    if not all(hasattr(os, name) for name in ("fchown", "geteuid", "getegid")):
        return
    if (uid, gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, uid, gid)
        except PermissionError:
            pass


# Folders that cannot be synced on some file systems; that is no failure of the write.
_CANNOT_SYNC = (errno.EINVAL, getattr(errno, "ENOTSUP", errno.EINVAL),
                getattr(errno, "EOPNOTSUPP", errno.EINVAL))


# What a file system without hard links answers to os.link (FAT, some shares, Windows).
_NO_LINKS = (errno.EPERM, errno.EINVAL, errno.ENOSYS, getattr(errno, "ENOTSUP", errno.EINVAL),
             getattr(errno, "EOPNOTSUPP", errno.EINVAL))


def sync_folder(directory: Path) -> None:
    """Make a rename in `directory` durable where the platform lets a folder be synced:
    Windows cannot open a folder, and some file systems refuse to sync one (no error).
    Any other failure to sync is raised: the rename may not last."""
    try:
        fd = os.open(directory, open_flags("O_RDONLY", "O_DIRECTORY"))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _CANNOT_SYNC:
            raise
    finally:
        os.close(fd)


def shell_quote(text: str) -> str:
    """`text` as one word of a command to copy into this platform's shell: POSIX quoting,
    or cmd.exe's on Windows (where single quotes are not quotes)."""
    if sys.platform == "win32":
        return subprocess.list2cmdline([text])
    return shlex.quote(text)


def link_exclusive(source: Path, target: Path) -> None:
    """Give the file `source` the name `target`, never replacing a file of that name (one
    that appears meanwhile raises FileExistsError). A hard link where the file system has
    them; on FAT and some network shares the name is claimed first with an exclusive
    create, which the rename then fills (a reader may see it empty for a moment)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except (OSError, AttributeError) as error:
        if isinstance(error, OSError) and error.errno not in _NO_LINKS:
            raise  # no space, an I/O error, no permission: a failure of the write itself
        fd = os.open(target, open_flags("O_WRONLY", "O_CREAT", "O_EXCL", "O_BINARY"), 0o600)
        os.close(fd)
        os.replace(source, target)
        return
    os.unlink(source)
