"""Every label of a data file is one kind of thing: a map of languages, English always there
(`i18n.labels.Labels`), shown in the reader's language. The special categories of the
privacy rules are labelled so too, and a refusal names the category in the reader's
language."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLE, Invoke
from evaltool.i18n.labels import Labels
from evaltool.session import store
from evaltool.session.dutchnames import lists
from evaltool.session.models import Finding


def test_each_special_category_is_labelled_as_every_other_data_file_is() -> None:
    categories = lists().categories
    assert set(categories) >= {"health", "bereavement", "religion"}
    for label, *_ in categories.values():
        assert isinstance(label, Labels)
        assert label.text("en") and label.text("nl")


@pytest.mark.parametrize(("language", "category"), [("en", "health"), ("nl", "gezondheid")])
def test_a_refusal_names_the_category_in_the_readers_language(
        cli: Invoke, tmp_path: Path, language: str, category: str) -> None:
    session = store.load_session(EXAMPLE)
    session.findings["afwezig"] = Finding(
        kind="attention_point", text="De projectleider was afwezig door een burn-out.")
    path = tmp_path / EXAMPLE.name
    path.write_text(store.dump_session(session), encoding="utf-8")
    result = cli("--lang", language, "summarize", "--public", path)
    assert result.exit_code == 1
    assert "'burn-out' in findings.afwezig.text" in result.stderr
    assert f"{category} (" in result.stderr
