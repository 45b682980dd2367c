"""Plurals, dates, lists and yes/no in the user's language, as the language's rules have
them: never "file(s)", "bestand(en)" or "naam/namen"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, Invoke
from evaltool.i18n.pofile import catalog_files, read_po
from inputs import edited, write_session

# "file(s)", "bestand(en)", "rol(len)", "e-mailadres(sen)", "vraag/-vragen", "naam/namen",
# "probleem/problemen": a word with its plural written beside it, not chosen by the number.
BOTH_FORMS = re.compile(r"[^\W\d_]\([^\W\d_]{1,4}\)|(?<![.\w/])[^\W\d_]+/-[^\W\d_]"
                        r"|\b(?P<word>(?P<stem>[^\W\d_]{2})[^\W\d_]+)/(?P=stem)[^\W\d_]+\b")


def both_forms(text: str) -> list[str]:
    """The places in `text` that write a word in both forms (a word/word pair counts when
    the second, longer one starts as the first: "naam/namen", not "ja/nee" or "AVG/Woo")."""
    return [found[0] for found in BOTH_FORMS.finditer(text)
            if not found["word"] or len(found[0]) > 2 * len(found["word"]) + 1]

TEMPLATES = REPO / "templates"


@pytest.mark.parametrize("path", catalog_files(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_no_text_writes_both_forms_of_a_word(path: Path) -> None:
    catalog = read_po(path.read_text(encoding="utf-8"), str(path))
    both = [f"{key}: {text}" for key, entry in catalog.entries.items()
            for text in entry.strings if both_forms(text)]
    assert both == []


def _strings(data: object) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in _strings(value)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.yaml")), ids=lambda p: p.name)
def test_no_label_of_a_template_or_vocabulary_writes_both_forms(path: Path) -> None:
    import yaml

    texts = _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert [text for text in texts if both_forms(text)] == []


def _sessions(folder: Path, example: Path, count: int) -> Path:
    for number in range(count):
        write_session(folder / f"s{number}.yaml", {"id": f"s{number}"}, source=example)
    return folder


@pytest.mark.parametrize(("count", "language", "said"), [
    (1, "en", "1 file checked: 1 valid, 0 invalid"),
    (2, "en", "2 files checked: 2 valid, 0 invalid"),
    (1, "nl", "1 bestand gecontroleerd: 1 geldig, 0 ongeldig"),
    (2, "nl", "2 bestanden gecontroleerd: 2 geldig, 0 ongeldig"),
])
def test_validate_counts_files_in_the_right_form(cli: Invoke, example: Path, tmp_path: Path,
                                                 count: int, language: str, said: str) -> None:
    folder = _sessions(tmp_path / "sessions", example, count)
    result = cli("--lang", language, "validate", folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == said


@pytest.mark.parametrize(("count", "said"), [
    (1, "1 bestand: 1 zou herschreven worden, 0 ongewijzigd, 0 ongeldig"),
    (2, "2 bestanden: 2 zouden herschreven worden, 0 ongewijzigd, 0 ongeldig"),
])
def test_fmt_check_says_would_in_the_form_of_its_own_number(
        cli: Invoke, example: Path, tmp_path: Path, count: int, said: str) -> None:
    folder = _sessions(tmp_path / "sessions", example, count)
    for path in folder.iterdir():  # not canonical: the title in quotes it does not need
        text = path.read_text(encoding="utf-8")
        title = re.search(r"^  title: (.*)$", text, re.M)
        assert title is not None
        path.write_text(edited(text, (title[0], f'  title: "{title[1]}"')), encoding="utf-8")
    result = cli("--lang", "nl", "fmt", "--check", folder)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == said


@pytest.mark.parametrize(("language", "said"), [
    ("en", "quadrants needs at least 1 item"),
    ("nl", "quadrants heeft minstens 1 item nodig"),
])
def test_a_schema_problem_about_a_number_uses_its_form(
        cli: Invoke, example: Path, tmp_path: Path, language: str, said: str) -> None:
    broken = tmp_path / "broken.yaml"
    text = example.read_text(encoding="utf-8")
    broken.write_text(re.sub(r"quadrants:\n(?: +- \w+\n)+", "quadrants: []\n", text, count=1),
                      encoding="utf-8")
    result = cli("--lang", language, "validate", broken)
    assert result.exit_code == 1
    assert said in result.stderr


# --- a third language brings its own patterns -------------------------------------------


def test_a_new_language_joins_dates_lists_and_articles_its_own_way(third_language: Path) -> None:
    from evaltool.report.render.prose import joined, long_date, ordinal, with_article

    assert joined(["a", "b"], "xx") == "a kaj b"
    assert joined(["a", "b", "c", "d"], "xx") == "a; b; c kaj d"
    assert long_date("2021-01-28", "xx") == "28-a de januaro 2021"
    assert [ordinal(n, "xx") for n in (2, 25)] == ["dua", "25-a"]
    assert with_article("Projectleider", "xx") == "la projectleider"


@pytest.mark.parametrize(("language", "yes", "no"), [
    ("en", "Yes", "n"), ("nl", "ja", "Nee"), ("xx", "jes", "ne")])
def test_yes_and_no_are_the_words_of_the_language(third_language: Path, language: str,
                                                  yes: str, no: str) -> None:
    from evaltool.i18n import yes_or_no

    assert (yes_or_no(yes, language), yes_or_no(no, language)) == (True, False)
    assert yes_or_no("misschien", language) is None
    # Data files write English; a Dutch facilitator types "ja" with English messages too.
    assert yes_or_no("no", language) is False and yes_or_no("ja", "en") is True


def test_a_report_in_a_new_language_uses_its_patterns(third_language: Path, cli: Invoke,
                                                      example: Path) -> None:
    result = cli("--lang", "xx", "summarize", "--width", "100", example)
    assert result.exit_code == 0, result.output
    assert "28-a de januaro 2021" in result.stdout
    assert " kaj " in result.stdout


# --- labels in data files are a map of languages --------------------------------------------


def _local_copy(tmp_path: Path, relative: str, old: str, new: str) -> Path:
    """A ./templates copy of a bundled data file with one line changed (the first, when
    the same line is there more than once)."""
    source = (TEMPLATES / relative).read_text(encoding="utf-8")
    target = tmp_path / "templates" / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(edited(source, (old, new), first=True), encoding="utf-8")
    return target


def test_a_vocabulary_labels_a_third_language_without_a_model_change(
        third_language: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Invoke,
        example: Path) -> None:
    _local_copy(tmp_path, "vocabularies/delft.yaml",
                "label: {nl: Presterende overheid, en: Performing government}",
                "label: {nl: Presterende overheid, en: Performing government, "
                "xx: Plenumanta registaro}")
    monkeypatch.chdir(tmp_path)
    ours = cli("--lang", "xx", "summarize", "--width", "100", example)
    assert ours.exit_code == 0, ours.output
    assert "Plenumanta registaro" in ours.stdout
    # A language the label lacks falls back: Dutch has its own, nl_BE would take Dutch.
    assert "Presterende overheid" in cli("--lang", "nl", "summarize", example).stdout


@pytest.mark.parametrize(("label", "said"), [
    ("{nl: Vertrouwelijk (nooit publiceren)}",
     "has no English text (it has: nl) — add 'en: ...': every language falls back to English"),
    ("{nl: Vertrouwelijk, en: Confidential, Dutch: x}",
     "'Dutch' is not a language code — write a code such as en, nl, fy or nl_BE"),
])
def test_a_template_label_without_english_or_with_a_wrong_code_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Invoke, label: str,
        said: str) -> None:
    path = _local_copy(tmp_path, "casus-evaluatie.yaml",
                       "label: {nl: Vertrouwelijk (nooit publiceren), en: Confidential (never "
                       "published)}", f"label: {label}")
    monkeypatch.chdir(tmp_path)
    result = cli("templates")
    assert result.exit_code != 0
    assert f"{path}:" in result.stderr and said in result.stderr
