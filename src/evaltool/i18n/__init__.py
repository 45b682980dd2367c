"""Which language evaltool speaks, and every user-facing text in it.

Texts live in gettext catalogs, `evaltool/locale/<language>/LC_MESSAGES/evaltool.po`,
compiled to the `.mo` next to each (`python -m evaltool.i18n.pofile`). The catalogs are
monolingual, as Weblate calls it: the msgid is the key the code asks for
(`t("wizard.step_of", n=4, total=12)`), `en` holds the English texts and every other
language its own. So a translator's tool opens them, fixing an English text orphans no
translation, and a new language is one new `.po` file; a text a language lacks is taken
from English. Texts about a number of things are plural entries, looked up with `tn`.

Typer's and click's own texts ("Usage:", "Options", ...) are a second domain, `frame`,
whose msgids are those libraries' English texts (`frame_gettext`); `evaltool.cli` makes
them speak it.

The package's modules: `pofile` (reading and compiling the catalogs), `labels` (the
labels of data files as maps of languages), `textsafe` (the one rule for making any
text safe to print), `escaping` (user text as literal Markdown and HTML, for reports
and diffs alike) and `folding` (text folded for comparing and for file names, in any
script). It is the bottom of evaltool: it imports nothing of evaltool's but
its own modules.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from gettext import GNUTranslations, NullTranslations
from pathlib import Path

SOURCE_LANGUAGE = "en"
DOMAIN = "evaltool"
FRAME_DOMAIN = "frame"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
locale_dirs: list[Path] = [LOCALE_DIR]
"""Where catalogs are found, the first folder first (a test adds one of its own)."""
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_language: str | None = None


# --- which language ------------------------------------------------------------------------


def available_languages() -> list[str]:
    """Every language with a catalog of evaltool's texts: `en`, `nl`, and any added."""
    return _languages(tuple(locale_dirs))


@cache
def _languages(dirs: tuple[Path, ...]) -> list[str]:
    found: set[str] = set()
    for folder in dirs:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        found.update(name for name in names
                     if (folder / name / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file())
    return sorted(found)


def match_language(value: str | None) -> str | None:
    """The language with a catalog that `value` names: "nl", "NL", "nl_BE.UTF-8" and
    "nl-be" are Dutch (Flemish, when there is an `nl_BE` catalog); None for "C" or a
    language without one."""
    if not value:
        return None
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_")
    language, _, region = code.partition("_")
    candidates = [f"{language.lower()}_{region.upper()}", language.lower()] if region \
        else [language.lower()]
    languages = available_languages()
    return next((candidate for candidate in candidates if candidate in languages), None)


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """`--lang`, else `EVALTOOL_LANG`, else the locale, else English.

    The locale is read as gettext reads it: the first of LC_ALL, LC_MESSAGES and LANG
    that is set (C or POSIX means English), with LANGUAGE's list of preferences before
    it; on Windows, where none of these is usually set, the language of the desktop."""
    for candidate in (explicit, environ.get("EVALTOOL_LANG")):
        if found := match_language(candidate):
            return found
    value = next((environ[name] for name in _LOCALE_VARIABLES if environ.get(name)), None)
    if value is not None and value.split(".")[0] in ("C", "POSIX"):
        return SOURCE_LANGUAGE
    preferences = [*environ.get("LANGUAGE", "").split(":"), value]
    if value is None:
        preferences.append(_windows_language())
    return next(filter(None, map(match_language, preferences)), SOURCE_LANGUAGE)


def _windows_language() -> str | None:
    """The language of the Windows desktop ("nl_NL"), which sets no locale variables."""
    if sys.platform != "win32":
        return None
    import ctypes  # only here: Windows itself is asked, through its own library

    found: str | None = locale.windows_locale.get(
        ctypes.windll.kernel32.GetUserDefaultUILanguage())
    return found


def set_language(language: str) -> None:
    global _language
    _language = match_language(language) or SOURCE_LANGUAGE


def current_language() -> str:
    if _language is None:
        set_language(resolve_language())
    assert _language is not None
    return _language


def fallbacks(language: str) -> list[str]:
    """The languages a text is looked for in: "nl_BE" → nl_BE, nl, en."""
    chain = [language, language.partition("_")[0], SOURCE_LANGUAGE]
    return list(dict.fromkeys(chain))


# --- the catalogs --------------------------------------------------------------------------


class _Missing(NullTranslations):
    """The end of the chain for evaltool's own texts: a key no catalog has is a bug."""

    def gettext(self, message: str) -> str:
        raise KeyError(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(msgid1)


@cache
def _chain(domain: str, language: str, dirs: tuple[Path, ...]) -> NullTranslations:
    """The catalogs of `language`, then of the languages it falls back to, as one."""
    first: NullTranslations | None = None
    for code in fallbacks(language):
        for folder in dirs:
            path = folder / code / "LC_MESSAGES" / f"{domain}.mo"
            try:
                with open(path, "rb") as stream:
                    found = GNUTranslations(stream)
            except FileNotFoundError:
                continue
            if first is None:
                first = found
            else:
                first.add_fallback(found)
    end = _Missing() if domain == DOMAIN else NullTranslations()
    if first is None:
        return end
    first.add_fallback(end)
    return first


def _catalog(language: str | None, domain: str = DOMAIN) -> NullTranslations:
    return _chain(domain, language or current_language(), tuple(locale_dirs))


def t(key: str, language: str | None = None, /, **params: object) -> str:
    """The text for `key` ("namespace.name") in the current language, filled in. With a
    whole number `count`, in the plural form the language uses for it (see `tn`)."""
    catalog = _catalog(language)
    count = params.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        try:
            text = catalog.ngettext(key, key, count)
        except KeyError:  # a text that is the same for every number is a plain entry
            text = catalog.gettext(key)
    else:
        text = catalog.gettext(key)
    return text.format(**params) if params else text


def tn(key: str, count: int, language: str | None = None, /, **params: object) -> str:
    """`t` for a text about `count` things: the catalog's plural entry gives one text per
    plural form, and the language's Plural-Forms rule picks the one for `count`."""
    return t(key, language, count=count, **params)


def has_text(key: str) -> bool:
    """Whether the catalogs have a text for `key` (for keys made from data, such as the
    error types of pydantic)."""
    try:
        _catalog(SOURCE_LANGUAGE).gettext(key)
    except KeyError:
        return False
    return True


def every_text() -> Iterator[str]:
    """Every text of every catalog of evaltool's own, in every language and plural form."""
    from evaltool.i18n.pofile import read_mo  # see `frame_texts`

    for folder in locale_dirs:
        for path in sorted(folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")):
            for texts in read_mo(path.read_bytes()).values():
                yield from texts


def frame_gettext(message: str) -> str:
    """A text of typer or click ("Usage:") in the current language, else as it is."""
    return _catalog(None, FRAME_DOMAIN).gettext(message)


def frame_ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog(None, FRAME_DOMAIN).ngettext(singular, plural, count)


def frame_texts(language: str | None = None) -> list[tuple[str, str]]:
    """Every text of typer and click that the `frame` catalog of the current language
    translates, as (English, translation) pairs; a plural entry gives its singular and
    its plural (the language's last form)."""
    # Imported here, not by the package: `python -m evaltool.i18n.pofile` runs that module
    # as a script, which its package must not have imported first.
    from evaltool.i18n.pofile import read_mo

    pairs: list[tuple[str, str]] = []
    for code in fallbacks(language or current_language()):
        for folder in locale_dirs:
            path = folder / code / "LC_MESSAGES" / f"{FRAME_DOMAIN}.mo"
            if path.is_file():
                for msgid, (first, *rest) in read_mo(path.read_bytes(), plurals=True).items():
                    singular, _, plural = msgid.partition("\0")
                    pairs.append((singular, first))
                    if plural and rest:
                        pairs.append((plural, rest[-1]))
    return pairs


def yes_or_no(answer: str, language: str | None = None) -> bool | None:
    """True for a yes, False for a no, None for anything else: the words of the user's
    language first, then of every language evaltool speaks (a Dutch facilitator types "ja"
    with English messages too, and data files write `default: "no"`), and true/1,
    false/0. The words are the catalogs' (`core.yes_words`, `core.no_words`)."""
    word = answer.strip().casefold()
    if word in ("true", "1", "false", "0"):
        return word in ("true", "1")
    languages = [*fallbacks(language or current_language()), *available_languages()]
    for code in dict.fromkeys(languages):
        for value, key in ((True, "core.yes_words"), (False, "core.no_words")):
            if word in (w.strip().casefold() for w in t(key, code).split(",")):
                return value
    return None


def pick(labels: Mapping[str, str], language: str | None = None) -> str:
    """The label in the current language from a `{en: ..., nl: ...}` map of a data file:
    the language's own, else the one it falls back to (English is always there)."""
    for code in fallbacks(language or current_language()):
        if labels.get(code):
            return labels[code]
    return next(iter(labels.values()), "")
