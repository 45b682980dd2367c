"""The texts are gettext catalogs: complete in every language, compiled, and open to a new
language by adding one `.po` file."""

from __future__ import annotations

import ast
from gettext import GNUTranslations
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO, Invoke
from evaltool import i18n
from evaltool.i18n.pofile import (
    LOCALE_DIR,
    Catalog,
    Entry,
    brace_fields,
    catalog_files,
    compile_mo,
    header_for,
    read_mo,
    read_po,
    stale,
    write_po,
)

CATALOGS = catalog_files()
OWN = [path for path in CATALOGS if path.stem == i18n.DOMAIN]


def _read(path: Path) -> Catalog:
    return read_po(path.read_text(encoding="utf-8"), str(path))


ENGLISH = _read(LOCALE_DIR / "en" / "LC_MESSAGES" / "evaltool.po")


def _plural_count(catalog: Catalog) -> int:
    forms = catalog.header["Plural-Forms"]
    return int(forms.split("nplurals=")[1].split(";")[0])


def test_the_catalogs_are_po_files_with_their_compiled_mo() -> None:
    assert {path.parent.parent.name for path in OWN} >= {"en", "nl"}
    assert not list((REPO / "src" / "evaltool").glob("messages/*.py"))
    assert stale() == [], "run: python -m evaltool.i18n.pofile"


@pytest.mark.parametrize("path", OWN, ids=lambda p: p.parent.parent.name)
def test_every_catalog_is_complete_and_keeps_the_placeholders(path: Path) -> None:
    catalog = _read(path)
    assert catalog.language == path.parent.parent.name
    assert set(catalog.entries) == set(ENGLISH.entries)
    forms = _plural_count(catalog)
    for key, english in ENGLISH.entries.items():
        entry = catalog.entries[key]
        assert all(text.strip() for text in entry.strings), key
        assert "fuzzy" not in entry.flags, key
        assert (entry.plural is None) == (english.plural is None), f"{key}: plural or not"
        assert len(entry.strings) == (forms if entry.plural is not None else 1), key
        # Each text names only what the code fills in, and all of it: a plural form for
        # one thing may leave out what only several have ("from {first} to {last}").
        wanted = set().union(*map(brace_fields, english.strings))
        found = [brace_fields(text) for text in entry.strings]
        assert all(names <= wanted for names in found), f"{catalog.language} {key}"
        assert set().union(*found) == wanted, f"{catalog.language} {key}"


def test_every_message_key_used_in_the_code_exists() -> None:
    """t("feature.name") and hint keys in the source all resolve to a catalog entry."""
    namespaces = {key.partition(".")[0] for key in ENGLISH.entries}
    missing = []
    for path in (REPO / "src" / "evaltool").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                namespace, dot, name = node.value.partition(".")
                if dot and namespace in namespaces and name.isidentifier():
                    if node.value not in ENGLISH.entries:
                        missing.append(f"{path.name}: {node.value}")
    assert not missing


def test_a_key_no_catalog_has_is_a_bug_not_a_silent_text() -> None:
    with pytest.raises(KeyError):
        i18n.t("wizard.no_such_text")
    assert i18n.has_text("wizard.step_of") and not i18n.has_text("wizard.no_such_text")


# --- a third language ---------------------------------------------------------------------

def test_a_new_language_is_one_po_file(third_language: Path, cli: Invoke) -> None:
    assert i18n.available_languages() == ["en", "nl", "xx"]
    result = cli("--lang", "xx", "validate", "--help")
    assert result.exit_code == 0
    assert "XX: kontrolu la sesiojn." in result.stdout
    # What the catalog does not have yet is in English, text by text.
    assert "Also check the drafts" in result.stdout
    assert "XX: kontrolu" in cli("validate", "--help", env={"EVALTOOL_LANG": "xx"}).stdout
    assert i18n.resolve_language(None, {"LANG": "xx_YY.UTF-8"}) == "xx"


def test_a_new_language_brings_its_own_plural_rule(third_language: Path) -> None:
    said = [i18n.tn("report.skipped", count, "xx") for count in (1, 2, 5)]
    assert said == ["XX unu: 1", "XX du: 2", "XX multaj: 5"]


def test_a_language_without_a_catalog_is_refused_naming_those_there_are(cli: Invoke) -> None:
    result = cli("--lang", "fr", "validate")
    assert result.exit_code == 2
    assert "en, nl" in result.output


# --- the .po format ---------------------------------------------------------------------

_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"),
                min_size=1, max_size=40)
_KEY = st.from_regex(r"[a-z]{1,8}\.[a-z_]{1,12}", fullmatch=True)


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    entries = {}
    for key in draw(st.lists(_KEY, unique=True, max_size=8)):
        if draw(st.booleans()):
            entries[key] = Entry(key, (draw(_TEXT), draw(_TEXT)), key)
        else:
            entries[key] = Entry(key, (draw(_TEXT),))
    return Catalog(header=header_for("nl"), entries=entries)


@given(catalogs())
def test_po_files_read_back_as_written_and_compile_as_gettext_reads_them(
        catalog: Catalog) -> None:
    again = read_po(write_po(catalog))
    assert again.entries == catalog.entries and again.header == catalog.header
    data = compile_mo(catalog)
    assert read_mo(data) == {key: entry.strings for key, entry in catalog.entries.items()}
    gnu = GNUTranslations(BytesIO(data))
    for key, entry in catalog.entries.items():
        if entry.plural is None:
            assert gnu.gettext(key) == entry.text
        else:
            assert [gnu.ngettext(key, key, n) for n in (1, 2)] == list(entry.strings)


# --- which language -------------------------------------------------------------------------


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANGUAGE": "nl:en", "LANG": "en_US.UTF-8"}, "nl"),  # a Dutch desktop's preference list
    ({"LANGUAGE": "fr:nl", "LANG": "fr_FR.UTF-8"}, "nl"),  # the first that has a catalog
    ({"LANGUAGE": "nl", "LC_ALL": "C"}, "en"),  # as gettext: C means no translation
    ({"EVALTOOL_LANG": "nl-be"}, "nl"),  # Flemish wording falls back to Dutch
])
def test_the_locale_is_read_as_gettext_reads_it(environ: dict[str, str], expected: str) -> None:
    assert i18n.resolve_language(None, environ) == expected


def test_on_windows_the_language_of_the_desktop_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows sets no LANG; evaltool asks Windows for the language of its menus."""
    monkeypatch.setattr(i18n, "_windows_language", lambda: "nl_NL")
    assert i18n.resolve_language(None, {}) == "nl"
    assert i18n.resolve_language(None, {"LANG": "en_GB.UTF-8"}) == "en"
