"""`evaltool summarize` as a user runs it: one file, many files, bad files, options."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import Invoke
from inputs import ROUTE, ROUTE_FILES, copy_route, write_session


def test_one_session_in_the_terminal(cli: Invoke, example: Path) -> None:
    result = cli("summarize", "--width", "80", example)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("INTERNAL — do not publish.")
    assert "\nEvaluation meeting 1: Casus Cornelis Musius\n" in result.stdout
    assert "28 January 2021 · learning route Excellent Faciliteren" in result.stdout
    assert "Roles and talents" in result.stdout
    assert result.stderr == ""


def test_many_sessions_with_one_bad_file(cli: Invoke, tmp_path: Path) -> None:
    route = tmp_path / "sessions"
    copy_route(route)
    bad = route / "2021-09-30-kapot.yaml"
    bad.write_text("schema_version: 1\nid: kapot\nstatus: final\ncasus:\n  title: Kapot\n"
                   "  date: 2021-09-31\n", encoding="utf-8")
    result = cli("summarize", "-f", "json", route)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert re.match(rf"error: {re.escape(str(bad))}:6:\d+: ", errors[0]), errors[0]
    assert "1 file could not be read and is left out of the overview" in result.stderr
    overview = json.loads(result.stdout)
    assert [s["session_number"] for s in overview["sessions"]] == [1, 2, 3]


def test_several_files_give_the_overview(cli: Invoke) -> None:
    files = ROUTE_FILES[:2]
    result = cli("summarize", "-f", "json", *files)
    assert result.exit_code == 0, result.output
    overview = json.loads(result.stdout)
    assert overview["kind"] == "route"
    assert overview["format_version"] == 1
    assert len(overview["sessions"]) == 2


def test_route_filters_by_learning_route(cli: Invoke, tmp_path: Path, example: Path) -> None:
    folder = tmp_path / "sessions"
    copy_route(folder)
    write_session(folder / "2022-02-01-andere-route.yaml",
                  {"id": "2022-02-01-andere", "casus.learning_route": "Wijkgericht Werken"},
                  source=example)
    everything = json.loads(cli("summarize", "-f", "json", folder).stdout)
    assert everything["routes"] == ["Excellent Faciliteren", "Wijkgericht Werken"]
    assert len(everything["sessions"]) == 4
    one = json.loads(cli("summarize", "-f", "json", "--route", "excellent faciliteren",
                         folder).stdout)
    assert one["routes"] == ["Excellent Faciliteren"]
    assert len(one["sessions"]) == 3
    none = cli("summarize", "--route", "Onbekend", folder)
    assert none.exit_code == 1
    assert "no session of the learning route 'Onbekend'" in none.stderr
    assert "Excellent Faciliteren, Wijkgericht Werken" in none.stderr


def test_sessions_folder_is_the_default(cli: Invoke, tmp_path: Path) -> None:
    result = cli("summarize", "-f", "json", "--sessions-dir", ROUTE)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["sessions"]) == 3
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = cli("summarize", "--sessions-dir", empty)
    assert nothing.exit_code == 1
    assert "no session to summarise" in nothing.stderr


def test_output_is_written_atomically(cli: Invoke, example: Path, tmp_path: Path) -> None:
    target = tmp_path / "verslag.html"
    target.write_text("oud", encoding="utf-8")
    os.chmod(target, 0o640)
    result = cli("summarize", "-f", "html", "-o", target, example)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"report written to {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == cli("summarize", "-f", "html", example).stdout
    assert target.stat().st_mode & 0o777 == 0o640  # the file keeps its mode
    assert [p.name for p in tmp_path.iterdir()] == ["verslag.html"]  # no temporary left
    text = tmp_path / "verslag.txt"
    cli("summarize", "-o", text, example)
    assert max(len(line) for line in text.read_text(encoding="utf-8").splitlines()) <= 80
    missing = cli("summarize", "-o", tmp_path / "geen" / "map.md", example)
    assert missing.exit_code == 1
    assert "cannot write" in missing.stderr


def test_bad_options_are_usage_errors(cli: Invoke, example: Path) -> None:
    result = cli("summarize", "--format", "pdf", example)
    assert result.exit_code == 2
    assert "'pdf' is not a report format — use one of: text, markdown, html, json" \
        in result.stderr
    missing = cli("summarize", "bestaat-niet.yaml")
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error: bestaat-niet.yaml")


def test_markdown_report_speaks_the_readers_language(cli: Invoke, example: Path) -> None:
    dutch = cli("--lang", "nl", "summarize", "-f", "markdown", example).stdout
    for heading in ("## De droom / het plan", "## Gerealiseerd", "## Rollen en talenten",
                    "## Opbrengsten", "## Succesfactoren", "## Vervolgvragen"):
        assert heading in dutch
    assert dutch.startswith("> **INTERN — niet publiceren.**")
    assert "\n# 1e evaluatiebijeenkomst: Casus Cornelis Musius\n" in dutch
    english = cli("--lang", "en", "summarize", "-f", "markdown", example).stdout
    for heading in ("## The dream / the plan", "## Roles and talents", "## Yields"):
        assert heading in english


def test_help_is_in_both_languages(cli: Invoke) -> None:
    english = cli("summarize", "--help")
    assert "--public" in english.stdout and "Publication mode" in english.stdout
    dutch = cli("--lang", "nl", "summarize", "--help")
    assert "Publicatiemodus" in dutch.stdout


def test_the_command_module_imports_nothing_heavy() -> None:
    # Publication mode (evaltool.report.privacy) walks the models, so it needs pydantic; it is
    # imported only inside `summarize --public` and `diff --public`, never at start-up.
    code = ("import sys, evaltool.commands.report, evaltool.report.summary;"
            "print(sorted(m for m in ('rich', 'pydantic', 'ruamel', 'yaml') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_a_file_named_twice_counts_once_and_a_duplicate_id_is_reported(
        cli: Invoke, tmp_path: Path) -> None:
    files = ROUTE_FILES
    twice = json.loads(cli("summarize", "-f", "json", files[0], files[0], ROUTE).stdout)
    assert len(twice["sessions"]) == 3
    copy = tmp_path / "kopie.yaml"
    copy.write_bytes(files[0].read_bytes())
    result = cli("summarize", "-f", "json", ROUTE, copy)
    assert result.exit_code == 1
    assert (f"error: {copy}: the session id '2021-01-28-casus-cornelis-musius' is also the id "
            f"of {files[0]} — left out of the overview") in result.stderr
    assert len(json.loads(result.stdout)["sessions"]) == 3
