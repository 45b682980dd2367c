"""Writing a file all at once or not at all, and never over something that is not a file.

Every file evaltool writes (sessions, reports, drafts, git's merge result) goes through
`atomic_write`: the bytes go to a temporary file in the folder of the file they replace,
are synced to disk, and take the file's place with one rename, after which the folder is
synced. Whatever fails on the way (no space, an I/O error, no permission), the old file
is left exactly as it was and no temporary file stays behind; a failure to sync the
folder after the rename puts the old file back.

What is replaced is always a regular file. A symbolic link is followed: the file it points
to is updated, in that file's folder, keeping its mode (and the link stays a link); a link
to nothing, a folder, a pipe, a device or a socket is refused. `write_output` is for
reports: a pipe or a terminal-like device named with `-o` is written into as a stream.

With `expected` (the SHA-256 of the bytes the caller read), the file is compared right
before the rename: a change made by someone else in the meantime is refused, never
overwritten.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from evaltool.errors import ChangedOnDiskError, WriteError
from evaltool.fs.portable import keep_owner, link_exclusive, open_flags, set_mode, sync_folder


def digest(data: bytes) -> str:
    """What `expected` compares: the SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes, *, exclusive: bool = False, mode: int | None = None,
                 expected: str | None = None) -> None:
    """Replace the regular file `path` (or the one its link points to) with `data` at once.

    With `exclusive`, an existing file (even one that appeared a moment ago) is never
    replaced. The file keeps its mode (and, when allowed, its owner); a new one gets
    `mode`, else 0644 less the umask. With `expected`, the file must still hold the bytes
    of that digest when it is replaced.
    """
    target, existing = _target(path, exclusive)
    directory = target.parent
    token = secrets.token_hex(4)
    temporary = directory / f".{target.name}.{token}.tmp"
    backup = directory / f".{target.name}.{token}.old.tmp"
    made: list[Path] = []
    try:
        fd = os.open(temporary, open_flags("O_WRONLY", "O_CREAT", "O_EXCL", "O_CLOEXEC",
                                           "O_BINARY"), 0o600)
        made.append(temporary)
        try:
            _write_all(fd, data)
            _keep_mode_and_owner(fd, temporary, existing, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        if expected is not None:
            _still_as_read(target, expected)
        if exclusive:
            _link_new(temporary, target, path)
            _sync_folder(directory, undo=lambda: os.unlink(target))
            return
        kept = existing is not None and _link(target, backup)
        if kept:
            made.append(backup)
        os.replace(temporary, target)
        made.remove(temporary)
        if kept:
            _sync_folder(directory, undo=lambda: os.replace(backup, target))
        else:  # a new file goes again; an old one on a file system without links cannot
            _sync_folder(directory, undo=(lambda: os.unlink(target)) if existing is None
                         else None)
    except OSError as error:
        missing = isinstance(error, FileNotFoundError) and not directory.is_dir()
        raise WriteError.at("store.cannot_write", path=path, reason=_reason(error),
                            hint="store.no_folder_hint" if missing else "store.cannot_write_hint"
                            ) from None
    finally:
        for leftover in made:
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass


def write_output(path: Path, data: bytes) -> None:
    """A report to `path`: into a pipe or a character device as a stream, else atomically."""
    try:
        info = os.stat(path)  # follows links: /dev/stdout, /proc/self/fd/1
    except OSError:
        info = None
    if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        try:
            fd = os.open(path, open_flags("O_WRONLY", "O_CLOEXEC", "O_BINARY"))
            try:
                _write_all(fd, data)
            finally:
                os.close(fd)
        except OSError as error:
            raise WriteError.at("store.cannot_write", path=path, reason=_reason(error),
                                hint="store.stream_hint") from None
        return
    atomic_write(path, data)


def _target(path: Path, exclusive: bool) -> tuple[Path, os.stat_result | None]:
    """The regular file a write to `path` replaces (a link followed), and its status."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return path, None
    except OSError as error:
        raise WriteError.at("store.cannot_write", path=path, reason=_reason(error),
                            hint="store.cannot_write_hint") from None
    if exclusive:
        raise WriteError.at("store.exists", path=path, hint="store.exists_hint")
    if stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(path))
        try:
            info = os.stat(target)
        except FileNotFoundError:
            raise WriteError.at("store.dangling_link", path=path,
                                hint="store.dangling_link_hint") from None
        except OSError as error:
            raise WriteError.at("store.cannot_write", path=path, reason=_reason(error),
                                hint="store.cannot_write_hint") from None
    else:
        target = path
    if not stat.S_ISREG(info.st_mode):
        raise WriteError.at("store.not_a_file", path=path, hint="store.not_a_file_hint")
    return target, info


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _keep_mode_and_owner(fd: int, path: Path, existing: os.stat_result | None,
                         mode: int | None) -> None:
    if existing is None:
        set_mode(path, mode if mode is not None else 0o666 & ~_umask(), fd)
        return
    set_mode(path, existing.st_mode & 0o7777, fd)
    keep_owner(fd, existing.st_uid, existing.st_gid)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _still_as_read(target: Path, expected: str) -> None:
    try:
        with open(target, "rb") as stream:
            current = stream.read()
    except FileNotFoundError:
        raise ChangedOnDiskError.at("store.gone_meanwhile", path=target,
                                    hint="store.changed_meanwhile_hint") from None
    if digest(current) != expected:
        raise ChangedOnDiskError.at("store.changed_meanwhile", path=target,
                                    hint="store.changed_meanwhile_hint")


def _link(source: Path, name: Path) -> bool:
    """A second name for the old file, to put it back with; not every file system can."""
    try:
        os.link(source, name)
    except (OSError, AttributeError):
        return False
    return True


def _link_new(temporary: Path, target: Path, path: Path) -> None:
    try:
        link_exclusive(temporary, target)
    except FileExistsError:
        raise WriteError.at("store.exists", path=path, hint="store.exists_hint") from None


def _sync_folder(directory: Path, undo: Callable[[], None] | None) -> None:
    """Make the rename durable; if that fails, undo it (the old file comes back)."""
    try:
        sync_folder(directory)
    except OSError:
        if undo is not None:
            undo()
        raise


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
