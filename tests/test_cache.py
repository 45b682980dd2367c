"""The per-file digest cache: never stale, never trusted when broken, same results as without it."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from conftest import Invoke
from evaltool.errors import FileProblemError
from evaltool.report import cache as cache_module
from evaltool.report.cache import CACHE_FILE, DigestCache, cache_dir, versions
from inputs import ROUTE, copy_route, edit_file, write_session

GROEN = "2021-04-22-casus-groen-schoolplein.yaml"


class Counting:
    """A stand-in digest function that counts its calls and reads only the title line."""

    def __init__(self) -> None:
        self.calls: list[Path] = []

    def __call__(self, path: Path, raw: bytes) -> dict[str, Any]:
        self.calls.append(path)
        for line in raw.decode("utf-8").splitlines():
            if line.strip().startswith("title:"):
                return {"title": line.split(":", 1)[1].strip()}
        raise FileProblemError.at("yaml.empty", path=path, line=1, column=1)


def later(monkeypatch: pytest.MonkeyPatch, seconds: int = 60) -> None:
    """Make the cache record files as if it ran `seconds` after their last change."""
    real = cache_module.time.time_ns
    monkeypatch.setattr(cache_module.time, "time_ns", lambda: real() + seconds * 10**9)


def session_file(folder: Path, title: str = "Casus Alfa") -> Path:
    path = folder / "s.yaml"
    path.write_text(f"schema_version: 1\nid: s\nstatus: final\ncasus:\n  title: {title}\n"
                    "  date: 2021-01-28\n", encoding="utf-8")
    return path


def test_same_size_and_mtime_but_other_content_is_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = session_file(tmp_path, "Casus Alfa")
    compute = Counting()
    later(monkeypatch)
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        assert cache.digest_for(path) == {"title": "Casus Alfa"}
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        assert cache.digest_for(path) == {"title": "Casus Alfa"}
        assert cache.stats == {"hits": 1, "computed": 0, "hashed": 0}  # trusted unread

    before = path.stat()
    edit_file(path, ("Alfa", "Beta"))  # the same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        assert cache.digest_for(path) == {"title": "Casus Beta"}
        assert cache.stats["hashed"] == 1 and cache.stats["computed"] == 1
    assert len(compute.calls) == 2


def test_a_record_with_matching_stat_is_still_hashed_when_it_was_made_racily(
        tmp_path: Path) -> None:
    """A file changed in the clock tick it was recorded in: its stat cannot tell, the hash does."""
    path = session_file(tmp_path, "Casus Alfa")
    compute = Counting()
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        cache.digest_for(path)
    edit_file(path, ("Alfa", "Beta"))
    # Make the record claim the file's present stat: only the content differs now.
    info = path.stat()
    with sqlite3.connect(tmp_path / "cache" / CACHE_FILE) as db:
        db.execute("UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ?, "
                   "recorded_ns = ?", (info.st_size, info.st_mtime_ns, info.st_ctime_ns,
                                       info.st_ino, info.st_ctime_ns + 10**9))
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        assert cache.digest_for(path) == {"title": "Casus Beta"}
        assert cache.stats["hashed"] == 1


def test_verify_hashes_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = session_file(tmp_path, "Casus Alfa")
    compute = Counting()
    later(monkeypatch)
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        cache.digest_for(path)
    with DigestCache(tmp_path / "cache", compute=compute, verify=True) as cache:
        assert cache.digest_for(path) == {"title": "Casus Alfa"}
        assert cache.stats == {"hits": 1, "computed": 0, "hashed": 1}


@pytest.mark.parametrize("change", ["evaltool", "schema", "digest", "vocabulary"])
def test_another_version_starts_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       change: str) -> None:
    path = session_file(tmp_path)
    compute = Counting()
    monkeypatch.chdir(tmp_path)  # a local templates/ folder may be made below
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        cache.digest_for(path)
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        cache.digest_for(path)
    assert len(compute.calls) == 1

    old = versions()
    if change == "evaltool":
        monkeypatch.setattr("evaltool.__version__", "99.0.0")
    elif change == "schema":
        monkeypatch.setattr("evaltool.session.models.SCHEMA_VERSION", 99)
    elif change == "digest":
        monkeypatch.setattr("evaltool.report.summary.DIGEST_VERSION", 99)
    else:  # a municipality's own vocabulary next to the sessions
        (tmp_path / "templates" / "vocabularies").mkdir(parents=True)
        (tmp_path / "templates" / "vocabularies" / "eigen.yaml").write_text("name: eigen\n")
    assert versions() != old
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        cache.digest_for(path)
        assert cache.stats["computed"] == 1
    assert len(compute.calls) == 2


def test_a_corrupt_cache_file_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = session_file(tmp_path)
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / CACHE_FILE).write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    compute = Counting()
    with DigestCache(folder, compute=compute) as cache:
        assert cache.digest_for(path) == {"title": "Casus Alfa"}
    assert (folder / f"{CACHE_FILE}.broken").exists()
    with DigestCache(folder, compute=compute) as cache:  # the rebuilt cache works
        assert cache.digest_for(path) == {"title": "Casus Alfa"}
        assert cache.stats["hits"] == 1
    assert len(compute.calls) == 1


def test_a_damaged_digest_is_never_trusted(tmp_path: Path) -> None:
    path = session_file(tmp_path)
    compute = Counting()
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        cache.digest_for(path)
    with sqlite3.connect(tmp_path / "cache" / CACHE_FILE) as db:
        db.execute("""UPDATE digests SET digest = '{"title": "Casus Vervalst"}'""")
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        assert cache.digest_for(path) == {"title": "Casus Alfa"}
    assert len(compute.calls) == 2


def test_a_cache_locked_by_another_evaltool_is_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = session_file(tmp_path)
    compute = Counting()
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        cache.digest_for(path)
    monkeypatch.setattr(cache_module, "LOCK_TIMEOUT", 0.05)
    other = sqlite3.connect(tmp_path / "cache" / CACHE_FILE, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("DELETE FROM digests")  # the other evaltool is busy rewriting
    session_file(tmp_path, "Casus Beta")  # a new digest to write: it has to wait
    try:
        with DigestCache(tmp_path / "cache", compute=compute) as cache:
            assert cache.digest_for(path) == {"title": "Casus Beta"}
            assert cache._db is None  # gave up on the cache for this run
            assert cache.digest_for(path) == {"title": "Casus Beta"}
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list((tmp_path / "cache").glob("*.broken"))
    session_file(tmp_path, "Casus Alfa")
    with DigestCache(tmp_path / "cache", compute=compute) as cache:
        assert cache.digest_for(path) == {"title": "Casus Alfa"}
        assert cache.stats["hits"] == 1  # what was cached before is still there


def test_an_unusable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    path = session_file(tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    compute = Counting()
    with DigestCache(blocked, compute=compute) as cache:
        assert cache.digest_for(path) == {"title": "Casus Alfa"}
        assert cache.digest_for(path) == {"title": "Casus Alfa"}
    assert len(compute.calls) == 2
    assert blocked.read_text() == "a file where the cache folder should be"


def test_bad_files_are_never_cached(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("schema_version: 1\n", encoding="utf-8")
    compute = Counting()
    for _ in range(2):
        with DigestCache(tmp_path / "cache", compute=compute) as cache:
            results = dict(cache.digests_for([path]))
            assert isinstance(results[path], FileProblemError)
    assert len(compute.calls) == 2


@pytest.mark.parametrize(("system", "environ", "expected"), [
    ("unix", {}, "HOME/.cache/evaltool"),
    ("unix", {"XDG_CACHE_HOME": "TMP/xdg"}, "TMP/xdg/evaltool"),
    ("unix", {"XDG_CACHE_HOME": "relative/ignored"}, "HOME/.cache/evaltool"),  # the XDG spec
    ("unix", {"XDG_CACHE_HOME": "TMP/xdg", "EVALTOOL_CACHE_DIR": "TMP/own"}, "TMP/own"),
    ("macos", {}, "HOME/Library/Caches/evaltool"),
    ("macos", {"XDG_CACHE_HOME": "TMP/xdg"}, "TMP/xdg/evaltool"),
    ("macos", {"EVALTOOL_CACHE_DIR": "TMP/own"}, "TMP/own"),
])
def test_where_the_cache_lives(system: str, environ: dict[str, str], expected: str,
                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where platformdirs says each platform keeps a user's caches (as pipx and copier
    keep theirs), unless $EVALTOOL_CACHE_DIR says otherwise."""
    import platformdirs
    import platformdirs.macos
    import platformdirs.unix

    monkeypatch.setattr(platformdirs, "PlatformDirs", {
        "unix": platformdirs.unix.Unix, "macos": platformdirs.macos.MacOS}[system])
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("EVALTOOL_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value.replace("TMP", str(tmp_path)))
    assert cache_dir() == Path(expected.replace("HOME", str(tmp_path / "home")).replace(
        "TMP", str(tmp_path)))


def test_the_cache_is_private_to_its_owner(tmp_path: Path) -> None:
    path = session_file(tmp_path)
    with DigestCache(tmp_path / "cache", compute=Counting()) as cache:
        cache.digest_for(path)
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "cache" / CACHE_FILE).stat().st_mode) == 0o600


# --- through `evaltool summarize`, with the real digests ----------------------------------------

FORMATS = ["text", "json", "markdown", "html"]


@pytest.mark.parametrize("output_format", FORMATS)
def test_results_are_identical_with_and_without_the_cache(
        cli: Invoke, tmp_path: Path, output_format: str) -> None:
    env = {"EVALTOOL_CACHE_DIR": str(tmp_path / "cache")}
    args = ("summarize", "-f", output_format, "--width", "100", ROUTE)
    without = cli(*args, "--no-cache", env=env)
    assert without.exit_code == 0, without.output
    assert not (tmp_path / "cache").exists()  # --no-cache writes nothing
    cold = cli(*args, env=env)
    warm = cli(*args, env=env)
    assert (tmp_path / "cache" / CACHE_FILE).exists()
    for result in (cold, warm):
        assert result.exit_code == 0, result.output
        assert (result.stdout, result.stderr) == (without.stdout, without.stderr)


def test_a_warm_cache_reads_no_session_and_one_change_reads_one(
        cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    route = tmp_path / "sessions"
    copy_route(route)
    env = {"EVALTOOL_CACHE_DIR": str(tmp_path / "cache")}
    later(monkeypatch)
    first = cli("summarize", "-f", "json", route, env=env)
    assert first.exit_code == 0, first.output

    parsed: list[str] = []
    real = cache_module.digest_of_file

    def counting(path: Path, raw: bytes) -> dict[str, Any]:
        parsed.append(path.name)
        return real(path, raw)

    monkeypatch.setattr(cache_module, "digest_of_file", counting)
    warm = cli("summarize", "-f", "json", route, env=env)
    assert warm.stdout == first.stdout and parsed == []

    write_session(route / GROEN, {"casus.title": "Casus Groene Schoolpleinen Buitenhof"},
                  source=route / GROEN)
    again = cli("summarize", "-f", "json", route, env=env)
    assert again.exit_code == 0, again.output
    assert parsed == [GROEN]
    titles = [s["title"] for s in json.loads(again.stdout)["sessions"]]
    assert "Casus Groene Schoolpleinen Buitenhof" in titles


def test_the_cache_holds_no_confidential_text_and_no_names(cli: Invoke, tmp_path: Path) -> None:
    env = {"EVALTOOL_CACHE_DIR": str(tmp_path / "cache")}
    assert cli("summarize", "-f", "json", ROUTE, env=env).exit_code == 0
    stored = b"".join(p.read_bytes() for p in (tmp_path / "cache").iterdir()).decode(
        "utf-8", "replace")
    assert "Casus Cornelis Musius" in stored  # the cache is really there, and readable
    for secret in ("Interne spanning tussen twee afdelingshoofden", "Joost", "van der Berg",
                   "Fatima", "el Amrani"):
        assert secret not in stored


def test_a_bad_file_is_reported_on_every_run(cli: Invoke, tmp_path: Path) -> None:
    route = tmp_path / "sessions"
    copy_route(route)
    (route / "2021-09-30-kapot.yaml").write_text("schema_version: 1\nid: kapot\n",
                                                  encoding="utf-8")
    env = {"EVALTOOL_CACHE_DIR": str(tmp_path / "cache")}
    runs = [cli("summarize", "-f", "json", route, env=env) for _ in range(2)]
    for result in runs:
        assert result.exit_code == 1
        assert "2021-09-30-kapot.yaml" in result.stderr
    assert runs[0].output == runs[1].output
