"""A per-file cache of summary digests, so that an overview of thousands of sessions is quick.

What is kept, in one SQLite file under the user's cache folder (`$EVALTOOL_CACHE_DIR`,
else `evaltool` in the platform's cache folder, as `platformdirs` finds it:
`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on
Windows; never inside a repository):

- per session file: its absolute path, size, mtime_ns, ctime_ns, inode and the SHA-256
  of its bytes;
- per content hash: the file's digest (`summary.digest`: counts, vocabulary keys,
  scrubbed titles and questions, no confidential item, no names), as JSON;
- per set of files and options: the finished overview (`summary.route_summary`), so
  that an overview of unchanged files needs neither the digests nor the combining step.

Nothing that publication mode would refuse is kept: a digest whose texts (the title, the
follow-up questions and owners, the wording of what worked) still hold a name that could
not be replaced, a likely name nobody declared, or a health reason
(`summary.digest_is_publishable`) is computed on every run, and no overview that
includes it is kept either. (The whole file is checked by `--public` itself; checking
it here too would make a cold overview six times slower.) Publication mode itself never uses the
cache. When the cache folder is inside a git work tree (`$EVALTOOL_CACHE_DIR` pointed
there), it gets a `.gitignore` of `*`, so that it is never committed.

When a file may be used unread: only when size, mtime, ctime and inode are all as
recorded, and the file had not been touched in the two seconds before it was recorded
(git's "racily clean" rule: a file written in the same clock tick as its record could
change again without its times changing). Otherwise its bytes are read and hashed, and
the digest is only reused when the hash is the same. Any write to a file changes its
ctime, even one that puts back the old size and mtime, so a changed file is always
re-read and its hash compared. Everything is also keyed by the cache's own format, the
evaltool version, the session schema version, the digest version and the vocabulary
files in use: when one of them changes, the cache starts afresh.

A broken cache is never trusted: a database that cannot be read is moved aside and
rebuilt, a digest whose checksum does not match is computed again, and every write is
one SQLite transaction (atomic: a crash leaves the old cache or the new one). Files
that fail to load are never cached, so their error is shown on every run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import evaltool
from evaltool.errors import FileProblemError
from evaltool.fs.resources import list_templates
from evaltool.report import summary
from evaltool.report.contract import Digest, RouteSummary
from evaltool.report.privacy import Scrubber
from evaltool.session import models
from evaltool.session.store import parse_session_text
from evaltool.session.workspace import iter_session_files
from evaltool.session.yamlreader import decode, read_bytes

CACHE_FORMAT = 2
"""2: overviews of long routes are bounded (summary.RouteOverview); older ones are dropped."""
CACHE_FILE = "digests.sqlite3"
RACY_NS = 2_000_000_000
"""A record made less than this long after the file's last change is checked by hash."""

LOCK_TIMEOUT = 5.0
"""Seconds to wait for another evaltool that is writing the cache; then go on without it."""
KEEP_OVERVIEWS = 4
"""Finished overviews kept; the least recently used go first (one of 10,000 files is ~40 MB)."""

Compute = Callable[[Path, bytes], Digest]
"""Turns a session file's path and bytes into its digest; raises FileProblemError."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER,
    sha256 TEXT NOT NULL, recorded_ns INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS digests (
    sha256 TEXT PRIMARY KEY, digest TEXT NOT NULL, checksum TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS overviews (
    key TEXT PRIMARY KEY, summary TEXT NOT NULL, checksum TEXT NOT NULL,
    used_ns INTEGER NOT NULL);
"""


def cache_dir() -> Path:
    """Where the cache lives: `$EVALTOOL_CACHE_DIR`, else `evaltool` in the user's cache
    folder (see the module's docstring)."""
    if explicit := os.environ.get("EVALTOOL_CACHE_DIR"):
        return Path(explicit)
    import platformdirs

    # No author folder and no "Cache" below it on Windows: %LOCALAPPDATA%\evaltool.
    return platformdirs.PlatformDirs("evaltool", appauthor=False, opinion=False).user_cache_path


def versions() -> dict[str, Any]:
    """Everything a digest depends on besides the file's bytes."""
    vocabularies = []
    for path in list_templates("vocabularies", "*.yaml"):
        info = path.stat()
        vocabularies.append([str(path.resolve()), info.st_size, info.st_mtime_ns])
    # Read from the modules when asked (a test plays a new version by changing them).
    return {"cache": CACHE_FORMAT, "evaltool": evaltool.__version__,
            "schema": models.SCHEMA_VERSION, "digest": summary.DIGEST_VERSION,
            "vocabularies": vocabularies}


def digest_of_file(path: Path, raw: bytes) -> Digest:
    """The digest of a session file's bytes, with the checks of `store.load_session`."""
    session = parse_session_text(decode(raw, path), path)
    scrubber = Scrubber.for_session(session)
    found = summary.digest(session, scrubber=scrubber)
    found["publishable"] = summary.digest_is_publishable(session, scrubber)
    return found


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _stamp(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


class DigestCache:
    """Digests of session files, computed once per content; see the module's docstring.

    Use as a context manager: what was learnt is written when the block ends well.
    With `enabled=False` nothing is read or written and every digest is computed.
    """

    def __init__(self, directory: Path | None = None, *, enabled: bool = True,
                 compute: Compute | None = None, version: dict[str, Any] | None = None,
                 verify: bool = False) -> None:
        self.directory = directory if directory is not None else cache_dir()
        self.enabled = enabled
        self.compute = compute or digest_of_file
        self.verify = verify  # hash every file, even one whose stat says it is unchanged
        self._version = version
        self._db: sqlite3.Connection | None = None
        self._seen: dict[str, str] = {}  # path -> sha256 of the files used in this run
        self._unpublishable = False  # a digest of this run may not be kept, nor its overview
        self.stats = {"hits": 0, "computed": 0, "hashed": 0}

    # --- opening, and never trusting a broken cache ------------------------------------------

    def __enter__(self) -> DigestCache:
        if self.enabled:
            self._db = self._connect()
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        db, self._db = self._db, None
        if db is None:
            return
        try:
            if kind is None:
                db.commit()
            else:
                db.rollback()
        except sqlite3.Error:
            pass
        finally:
            db.close()

    def _connect(self) -> sqlite3.Connection | None:
        """The open cache, created or rebuilt when needed; None when it cannot be used."""
        version = json.dumps(self._version if self._version is not None else versions(),
                             sort_keys=True)
        path = self.directory / CACHE_FILE
        for attempt in range(2):
            try:
                self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
                _ignore_in_git(self.directory)
                # Digests hold no confidential text; still, the cache is for its owner only.
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
                db = sqlite3.connect(path, timeout=LOCK_TIMEOUT, isolation_level="DEFERRED")
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("PRAGMA cache_size=-500")  # KiB: rows are read and written once
                db.executescript(_SCHEMA)
                row = db.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
                if row is None or row[0] != version:
                    with db:  # another evaltool, schema or vocabulary: start afresh
                        for table in ("files", "digests", "overviews"):
                            db.execute(f"DELETE FROM {table}")
                        db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)",
                                   (version,))
                return db
            except sqlite3.OperationalError:
                return None  # locked by another evaltool for too long, read-only, disk full
            except (sqlite3.Error, OSError):
                if attempt == 0:
                    _move_aside(path)
        return None

    def _query(self, sql: str, parameters: tuple[Any, ...] = ()) -> list[Any]:
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            self._give_up(error)
            return []

    def _write(self, sql: str, parameters: tuple[Any, ...]) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(sql, parameters)
        except sqlite3.Error as error:
            self._give_up(error)

    def _give_up(self, error: sqlite3.Error) -> None:
        """A cache that fails halfway is not used for the rest of this run; a damaged one
        (not merely locked by another evaltool) is moved aside, to be rebuilt next time."""
        db, self._db = self._db, None
        if db is not None:
            try:
                db.close()
            except sqlite3.Error:
                pass
        if not isinstance(error, sqlite3.OperationalError):
            _move_aside(self.directory / CACHE_FILE)

    # --- digests --------------------------------------------------------------------------------

    def digest_for(self, path: Path) -> Digest:
        """The digest of the session file at `path`; raises FileProblemError for a bad file."""
        if self._db is None:
            self.stats["computed"] += 1
            return self.compute(path, read_bytes(path))
        key = os.path.abspath(path)
        record = self._query("SELECT size, mtime_ns, ctime_ns, inode, sha256, recorded_ns "
                             "FROM files WHERE path = ?", (key,))
        sha = None
        if record and not self.verify:
            try:
                stamp = _stamp(os.stat(path))
            except OSError:
                stamp = None
            size, mtime, ctime, inode, known, recorded = record[0]
            if stamp == (size, mtime, ctime, inode) and recorded - max(mtime, ctime) > RACY_NS:
                sha = known
        raw = None
        if sha is None:
            raw = read_bytes(path)
            sha = hashlib.sha256(raw).hexdigest()
            self.stats["hashed"] += 1
        found = self._digest_by_hash(sha)
        if found is None:
            if raw is None:
                raw = read_bytes(path)
                if hashlib.sha256(raw).hexdigest() != sha:
                    sha = hashlib.sha256(raw).hexdigest()
            found = self.compute(path, raw)
            self.stats["computed"] += 1
            if found.get("publishable") is False:
                self._unpublishable = True
                return found
            text = json.dumps(found, ensure_ascii=False)
            self._write("INSERT OR REPLACE INTO digests VALUES (?, ?, ?)",
                        (sha, text, _checksum(text)))
        else:
            self.stats["hits"] += 1
        if raw is not None:
            self._record(path, key, sha, raw)
        self._seen[key] = sha
        return found

    def digests_for(self, paths: Iterable[Path]) -> Iterator[tuple[Path, Digest | Exception]]:
        """Each path with its digest, or with the FileProblemError that it raised."""
        for path in paths:
            try:
                yield path, self.digest_for(path)
            except FileProblemError as error:
                yield path, error

    def _digest_by_hash(self, sha: str) -> Digest | None:
        rows = self._query("SELECT digest, checksum FROM digests WHERE sha256 = ?", (sha,))
        if not rows:
            return None
        text, checksum = rows[0]
        if _checksum(text) != checksum:
            return None  # damaged: computed again, and replaced
        try:
            value = json.loads(text)
        except ValueError:
            return None
        # Written by `digest_for` from a `Digest`, and checked by its checksum since.
        return cast(Digest, value) if isinstance(value, dict) else None

    def _record(self, path: Path, key: str, sha: str, raw: bytes) -> None:
        try:
            info = os.stat(path)
        except OSError:
            return
        if info.st_size != len(raw):
            return  # changed while we read it: record nothing, look again next time
        self._write("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (key, *_stamp(info), sha, time.time_ns()))

    # --- whole overviews -------------------------------------------------------------------

    def overview(self, paths: Iterable[Path], options: Any,
                 compute: Callable[[], tuple[RouteSummary, int]]) -> tuple[RouteSummary, int]:
        """`compute()` (an overview and its number of failed files), or the same from the cache.

        The overview is reused only when every file under `paths` is known to be unchanged
        (see the module's docstring) and `options` are the same; it is kept only when no
        file failed, so that errors are shown on every run.
        """
        if self._db is None:
            return compute()
        files = list(dict.fromkeys(os.path.abspath(p) for p in iter_session_files(paths)))
        known = self._known_unchanged(files)
        key = self._overview_key(files, known, options) if known is not None else None
        if key is not None:
            rows = self._query("SELECT summary, checksum FROM overviews WHERE key = ?", (key,))
            if rows and _checksum(rows[0][0]) == rows[0][1]:
                try:  # written below from a `RouteSummary`, and checked by its checksum
                    summary = cast(RouteSummary, json.loads(rows[0][0]))
                except ValueError:
                    summary = None
                if summary is not None:
                    self._write("UPDATE overviews SET used_ns = ? WHERE key = ?",
                                (time.time_ns(), key))
                    self.stats["hits"] += len(files)
                    return summary, 0
        summary, failed = compute()
        if not failed and not self._unpublishable and all(path in self._seen for path in files):
            key = self._overview_key(files, self._seen, options)
            text = json.dumps(summary, ensure_ascii=False)
            self._write("INSERT OR REPLACE INTO overviews VALUES (?, ?, ?, ?)",
                        (key, text, _checksum(text), time.time_ns()))
            self._write("DELETE FROM overviews WHERE key NOT IN (SELECT key FROM overviews "
                        "ORDER BY used_ns DESC LIMIT ?)", (KEEP_OVERVIEWS,))
        return summary, failed

    def _known_unchanged(self, files: list[str]) -> dict[str, str] | None:
        """path -> sha256 when every file may be used unread; None when one may not."""
        if self.verify or not files:
            return None
        records = {}
        for start in range(0, len(files), 500):
            chunk = files[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._query("SELECT path, size, mtime_ns, ctime_ns, inode, sha256, "
                                   f"recorded_ns FROM files WHERE path IN ({marks})",
                                   tuple(chunk)):
                records[row[0]] = row[1:]
        known = {}
        for path in files:
            record = records.get(path)
            if record is None:
                return None
            size, mtime, ctime, inode, sha, recorded = record
            try:
                stamp = _stamp(os.stat(path))
            except OSError:
                return None
            if stamp != (size, mtime, ctime, inode) or recorded - max(mtime, ctime) <= RACY_NS:
                return None
            known[path] = sha
        return known

    @staticmethod
    def _overview_key(files: list[str], hashes: dict[str, str], options: Any) -> str:
        # Hashed as it goes: the text of 10,000 paths and hashes would be megabytes at once.
        key = hashlib.sha256(json.dumps(options, default=str).encode("utf-8"))
        for path in files:
            key.update(json.dumps([path, hashes[path]], ensure_ascii=False).encode("utf-8"))
        return key.hexdigest()


def _ignore_in_git(directory: Path) -> None:
    """A cache folder inside a git work tree gets a `.gitignore` of `*` (as the drafts
    folder has), so that the cache is never committed by accident."""
    ignore = directory / ".gitignore"
    if ignore.exists():
        return
    for folder in (directory.resolve(), *directory.resolve().parents):
        if (folder / ".git").exists():
            ignore.write_text("# evaltool's cache: never commit it\n*\n", encoding="utf-8")
            return


def _move_aside(path: Path) -> None:
    """A cache file that cannot be read is renamed (never deleted blindly), then rebuilt."""
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(f"{path}{suffix}")
        try:
            os.replace(candidate, Path(f"{candidate}.broken"))
        except OSError:
            pass
