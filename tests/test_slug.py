"""File names from hostile titles: the slug can never leave the sessions folder or trick anyone."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import Invoke
from evaltool.session.store import load_session
from evaltool.wizard.slug import MAX_BYTES, session_stem, slugify

SAFE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DEVICES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
           *(f"lpt{n}" for n in range(10))}


@pytest.mark.parametrize(("title", "expected"), [
    ("Casus Cornelis Musius", "casus-cornelis-musius"),
    ("../../etc/passwd", "etc-passwd"),
    ("..\\..\\Windows\\System32", "windows-system32"),
    ("/absolute/path", "absolute-path"),
    ("$(rm -rf ~)", "rm-rf"),
    ("`reboot`; echo hi", "reboot-echo-hi"),
    (".hidden", "hidden"),
    ("-rf", "rf"),
    ("--force", "force"),
    ("CON", "con-casus"),
    ("nul", "nul-casus"),
    ("Com1", "com1-casus"),
    ("LPT9", "lpt9-casus"),
    ("evil\u202etxt.exe", "eviltxt-exe"),
    ("zero\u200bwidth\u200djoin", "zerowidthjoin"),
    ("tab\there\nnewline\x1b[31m", "tab-here-newline-31m"),
    ("Coöperatieve insteek", "cooperatieve-insteek"),
    ("Straße", "strasse"),
])
def test_hostile_titles(title: str, expected: str) -> None:
    assert slugify(title) == expected


def test_nfc_and_nfd_spellings_give_the_same_slug() -> None:
    nfc = unicodedata.normalize("NFC", "Coöperatie café")
    nfd = unicodedata.normalize("NFD", "Coöperatie café")
    assert nfc != nfd
    assert slugify(nfc) == slugify(nfd) == "cooperatie-cafe"


def test_a_very_long_title_is_cut_at_a_word() -> None:
    title = "Renovatie " * 40
    slug = slugify(title)
    assert len(slug.encode()) <= MAX_BYTES
    assert slug.endswith("renovatie") and "--" not in slug
    assert len(slugify("x" * 500).encode()) == MAX_BYTES


def test_titles_in_other_scripts_get_a_distinct_name() -> None:
    first, second = slugify("学校的翻新"), slugify("学校翻新")
    assert SAFE.match(first) and SAFE.match(second)
    assert first != second
    assert slugify("   ") == "casus"


def test_the_stem_is_a_valid_session_id() -> None:
    from evaltool.session.models import Session

    stem = session_stem("2021-01-28", "x" * 300)
    assert re.fullmatch(Session.model_fields["id"].metadata[0].pattern, stem)


@given(st.text(max_size=400))
def test_any_title_gives_a_safe_slug(title: str) -> None:
    slug = slugify(title)
    assert SAFE.match(slug)
    assert len(slug.encode()) <= MAX_BYTES
    assert slug not in DEVICES
    assert slug == slugify(unicodedata.normalize("NFD", title))


@pytest.mark.parametrize("title", [
    "../../outside", "$(touch pwned)", "CON", "evil\u202eeyaml.exe", "[bold]Rich[/bold] markup",
    "Ω" * 200,
])
def test_a_hostile_title_stays_text_in_a_file_inside_the_sessions_folder(
        cli: Invoke, here: Path, title: str) -> None:
    answers = here / "answers.yaml"
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    answers.write_text(f'title: "{quoted}"\ndate: 2021-02-01\n', encoding="utf-8")
    result = cli("new-session", "--answers", answers)
    assert result.exit_code == 0, result.output
    files = list((here / "sessions").glob("*.yaml"))
    assert len(files) == 1
    assert files[0].parent == here / "sessions"
    assert SAFE.match(files[0].stem)
    assert not (here / "pwned").exists()
    session = load_session(files[0])
    assert session.casus.title == title
    assert session.id == files[0].stem
    assert sorted(p.name for p in here.iterdir()) == ["answers.yaml", "sessions"]
