"""Which language evaltool speaks, and every user-facing text in Dutch and English.

Texts live in small catalogs under `evaltool.messages`, one per feature, each a dict
of `name: (english, dutch)`. `t("wizard.step_of", n=4, total=12)` looks up `step_of`
in `evaltool/messages/wizard.py`; catalogs are imported on first use only, so that
`evaltool --help` stays fast.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import import_module

LANGUAGES = ("en", "nl")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_language: str | None = None


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """`--lang`, else `EVALTOOL_LANG`, else the locale (`nl_*` is Dutch), else English."""
    for candidate in (explicit, environ.get("EVALTOOL_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            # The first locale variable that is set wins, as in POSIX.
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "en"


def current_language() -> str:
    if _language is None:
        set_language(resolve_language())
    assert _language is not None
    return _language


def catalog(namespace: str) -> dict[str, tuple[str, str]]:
    messages: dict[str, tuple[str, str]] = import_module(f"evaltool.messages.{namespace}").MESSAGES
    return messages


def t(key: str, language: str | None = None, /, **params: object) -> str:
    """The text for `key` ("namespace.name") in the current language, filled in."""
    namespace, _, name = key.partition(".")
    english, dutch = catalog(namespace)[name]
    text = dutch if (language or current_language()) == "nl" else english
    return text.format(**params) if params else text


def pick(labels: Mapping[str, str], language: str | None = None) -> str:
    """The label in the current language from a `{nl: ..., en: ...}` mapping of data files."""
    language = language or current_language()
    return labels.get(language) or labels.get("en") or next(iter(labels.values()), "")


def tn(key: str, count: int, language: str | None = None, /, **params: object) -> str:
    """`t` for a text about `count` things: `KEY_one` when there is one (if the catalog has
    it), else `KEY`; `{count}` is filled in. Dutch and English both have these two forms."""
    namespace, _, name = key.partition(".")
    if count == 1 and f"{name}_one" in catalog(namespace):
        key = f"{key}_one"
    return t(key, language, count=count, **params)
