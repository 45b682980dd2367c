"""Texts of data files in several languages: `label: {en: ..., nl: ...}`, English required.

Vocabularies and templates label everything this way. A language is a key of the map, so
a third one (`fy`, or `nl_BE` for Flemish wording) is added in the data file, with no
change to a model; a label the reader's language lacks is shown in the language it falls
back to, English last (`evaltool.i18n.pick`).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import ConfigDict, RootModel, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from evaltool.i18n import SOURCE_LANGUAGE, pick

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Word = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Labels(RootModel[dict[str, Text]]):
    """A text in one or more languages, keyed by language code; English is always there."""

    model_config = ConfigDict(frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _languages(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for code in data:
                if not (isinstance(code, str) and LANGUAGE_CODE.fullmatch(code)):
                    raise PydanticCustomError("language_code", "not a language code",
                                              {"code": str(code)[:20]})
            if SOURCE_LANGUAGE not in data:
                raise PydanticCustomError("english_label", "the English text is missing",
                                          {"languages": ", ".join(map(str, data))})
        return data

    def text(self, language: str | None = None) -> str:
        """The text in `language` (default: the user's), else in the one it falls back to."""
        return pick(self.root, language)

    def texts(self) -> list[str]:
        """The text in every language given (for matching what someone typed)."""
        return list(self.root.values())

    def __str__(self) -> str:
        return self.text()

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.root.items())))


class Words(Labels):
    """`Labels` of a vocabulary: a word or a short phrase in each language."""

    root: dict[str, Word]
