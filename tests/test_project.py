"""The project's promises: entry points, language choice, bundled templates, the C parser."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

import evaltool
from conftest import REPO, Invoke
from evaltool import __version__
from evaltool.fs import resources
from evaltool.i18n import resolve_language
from inputs import edited


def test_version(cli: Invoke) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"evaltool {__version__}"


def test_python_dash_m_and_console_script() -> None:
    module = subprocess.run([sys.executable, "-m", "evaltool", "--version"],
                            capture_output=True, text=True, check=False)
    assert module.returncode == 0
    assert module.stdout.strip() == f"evaltool {__version__}"
    script = Path(sys.executable).parent / "evaltool"
    assert script.exists()
    assert subprocess.run([script, "--version"], capture_output=True, text=True,
                          check=False).stdout == module.stdout


@pytest.mark.parametrize(("explicit", "environ", "expected"), [
    ("nl", {"EVALTOOL_LANG": "en", "LANG": "en_US.UTF-8"}, "nl"),
    (None, {"EVALTOOL_LANG": "nl", "LANG": "en_US.UTF-8"}, "nl"),
    (None, {"EVALTOOL_LANG": "en", "LANG": "nl_NL.UTF-8"}, "en"),
    (None, {"LANG": "nl_BE.UTF-8"}, "nl"),
    (None, {"LC_ALL": "nl_NL.UTF-8", "LANG": "en_GB.UTF-8"}, "nl"),
    (None, {"LC_ALL": "C", "LANG": "nl_NL.UTF-8"}, "en"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),
    (None, {}, "en"),
    (None, {"EVALTOOL_LANG": "fr", "LANG": "nl_NL"}, "nl"),
])
def test_language_choice(explicit: str | None, environ: dict[str, str], expected: str) -> None:
    assert resolve_language(explicit, environ) == expected


def test_an_unknown_language_is_a_usage_error(cli: Invoke) -> None:
    result = cli("--lang", "fr", "validate")
    assert result.exit_code == 2
    assert "use one of: en, nl" in result.output


def test_help_in_both_languages(cli: Invoke) -> None:
    english = cli("validate", "--help")
    dutch = cli("--lang", "nl", "validate", "--help")
    assert "Check session files" in english.stdout
    assert "Controleer sessiebestanden" in dutch.stdout
    assert "Controleer sessiebestanden" in cli("validate", "--help",
                                              env={"EVALTOOL_LANG": "nl"}).stdout


def test_templates_are_bundled_with_the_package() -> None:
    bundled = resources.bundled_templates()
    assert (bundled / "vocabularies" / "delft.yaml").is_file()
    assert (bundled / "session.schema.json").is_file()
    package = Path(evaltool.__file__).resolve().parent
    installed_as_wheel = bundled == package / "_templates"  # CI installs the wheel
    in_checkout = bundled == REPO / "templates"
    assert installed_as_wheel or in_checkout


def test_a_local_templates_folder_overrides_the_bundled_one(
        cli: Invoke, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evaltool.session import vocabulary

    local = tmp_path / "templates" / "vocabularies"
    local.mkdir(parents=True)
    own = (resources.bundled_templates() / "vocabularies" / "delft.yaml").read_text()
    own = edited(own, ("name: delft", "name: gouda"),
                 ("label: {nl: Samenwerkende overheid, en: Networking government}",
                  "label: {nl: Verbindende overheid, en: Connecting government}"))
    (local / "gouda.yaml").write_text(own, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(vocabulary, "_vocabulary_in",  # a cache of its own
                        functools.cache(vocabulary._vocabulary_in.__wrapped__))
    assert vocabulary.available_vocabularies() == ["delft", "gouda"]
    gouda = vocabulary.load_vocabulary("gouda")
    assert gouda.resolve("quadrants", "verbindende OVERHEID") == "networking_government"

    session = tmp_path / example.name
    session.write_text(edited(example.read_text(), ("vocabulary: delft", "vocabulary: gouda")))
    assert cli("validate", session).exit_code == 0
    session.write_text(edited(example.read_text(), ("vocabulary: delft", "vocabulary: leiden")))
    result = cli("validate", session)
    assert result.exit_code == 1
    assert f"{session}:4:13: no vocabulary called 'leiden'" in result.stderr


def test_vocabulary_accepts_keys_labels_and_aliases() -> None:
    from evaltool.session.vocabulary import load_vocabulary

    words = load_vocabulary()
    assert words.resolve("quadrants", "Netwerkende overheid") == "networking_government"
    assert words.resolve("quadrants", "SAMENWERKENDE overheid") == "networking_government"
    assert words.resolve("quadrants", "participerende overheid") == "responsive_government"
    assert words.resolve("roles", "Financierder") == "financier"
    assert words.resolve("orientations", "stadsgericht") == "city"
    assert words.resolve("roles", "astronaut") is None
    for text in ("4", "SDG 4", "sdg4", "SDG-4", "Kwaliteitsonderwijs", "quality education"):
        assert words.resolve_sdg(text) == 4
    assert words.resolve_sdg("18") is None
    assert len(words.sdgs) == 17
    assert words.label("quadrants", "networking_government", "nl") == "Samenwerkende overheid"
    assert words.label("quadrants", "networking_government", "en") == "Networking government"
    assert words.sdg_label(7, "nl") == "Betaalbare en duurzame energie"
    assert words.adjacent("lawful_government", "performing_government")
    assert not words.adjacent("lawful_government", "networking_government")


def test_the_read_path_uses_libyaml() -> None:
    """A deliberate choice: ruamel.yaml 0.19 brings no C extension, PyYAML's wheels do."""
    import yaml

    from evaltool.session import yamlreader as yamlsafe

    assert yaml.__with_libyaml__
    assert yamlsafe.C_PARSER
    assert yamlsafe._Parser.__module__ == "yaml._yaml"  # the C extension


def test_the_schema_file_in_templates_is_current(cli: Invoke) -> None:
    result = cli("schema")
    assert result.exit_code == 0
    assert (REPO / "templates" / "session.schema.json").read_text(encoding="utf-8") == result.stdout


def test_typers_own_options_speak_dutch_too(cli: Invoke) -> None:
    main = cli("--lang", "nl", "--help").stdout
    assert "Toon deze hulp en stop." in main
    assert "Installeer aanvullen" in main
    assert "Show this message" not in main
    assert "Toon deze hulp en stop." in cli("--lang", "nl", "validate", "--help").stdout
    assert "Show this help and stop." in cli("validate", "--help").stdout


@pytest.mark.parametrize(("argv", "expected"), [
    (["summarize", "--lang", "nl", "x.yaml"], ["--lang", "nl", "summarize", "x.yaml"]),
    (["summarize", "x.yaml", "--lang=en"], ["--lang=en", "summarize", "x.yaml"]),
    (["--lang", "nl", "validate"], ["--lang", "nl", "validate"]),
    (["diff", "--", "--lang", "nl"], ["diff", "--", "--lang", "nl"]),
    (["validate"], ["validate"]),
])
def test_lang_may_follow_the_command(argv: list[str], expected: list[str]) -> None:
    from evaltool.cli import language_first

    assert language_first(argv) == expected


def test_lang_after_the_command_in_a_real_process(example: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "evaltool", "validate", "--lang", "nl",
                             str(example)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "1 bestand gecontroleerd: 1 geldig, 0 ongeldig" in result.stdout
