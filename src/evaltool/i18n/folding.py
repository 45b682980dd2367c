"""Text folded for comparing and naming: the three rules of evaltool, each for one job.

- `fold`: how typed words are compared with a vocabulary, a learning route or a step's
  title. Case and the Unicode spelling of accents do not count, nor `-`/`_` against a
  space; accents do (`café` is not `cafe`).
- `fold_ascii`: how names are compared (publication mode, the names a session mentions):
  transliterated to ASCII, so "Öztürk", "OZTURK", a dotless ı and a Polish Ł compare alike;
  `asciify` is the same with case kept.
- `slug_words`: the words of a file name made from a title (`evaltool.wizard.slug`):
  lowercase ASCII letters and digits. A Latin letter loses its accents (`Coöperatie` →
  `cooperatie`, `Straße` → `strasse`); a letter of another script is transliterated, so a
  Greek or Cyrillic title stays readable (`Αθήνα` → `athina`, `Москва` → `moskva`);
  anything else (punctuation, symbols, spaces) stands between words; invisible format
  characters stand nowhere (`zero\\u200bwidth` is one word).

Transliteration is anyascii's maintained table (one character at a time). This module
imports nothing of evaltool: the session contract, the features and the commands use it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from anyascii import anyascii

_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """The form in which input is compared: NFC, case-folded, single spaces, no '-'/'_'."""
    text = unicodedata.normalize("NFC", text).casefold().replace("_", " ").replace("-", " ")
    return " ".join(text.split())


@cache
def ascii_char(char: str) -> str:
    """One character in ASCII: invisible format characters and combining marks are
    dropped, everything else is what anyascii makes of it (`é` → `e`, `ı` → `i`)."""
    return anyascii(char) if unicodedata.category(char) not in ("Cf", "Mn") else ""


def asciify(text: str) -> str:
    """`text` transliterated to ASCII, case kept."""
    if text.isascii():
        return text
    return "".join(ascii_char(ch) if not ch.isascii() else ch for ch in text)


def fold_ascii(text: str) -> str:
    """`text` as names are compared: ASCII letters (transliterated), no case, no accents."""
    return asciify(text).casefold()


@cache
def _slug_char(char: str) -> str:
    """One (case-folded, composed) character of a title as it is written in a slug."""
    if unicodedata.category(char) == "Cf":
        return ""  # a bidi control or a zero-width joiner: what looks like one word is one
    # Accents off, compatibility forms undone (`ﬁ`, `²`, `™`): what that leaves in ASCII
    # letters is written, so that Latin text keeps the slug it always had.
    plain = "".join(c for c in unicodedata.normalize("NFKD", char)
                    if not unicodedata.combining(c))
    if not _WORD.search(plain) and unicodedata.category(char)[0] in "LMN":
        return anyascii(char).casefold()  # a letter, mark or digit of another script
    return "".join(c if c.isascii() else " " for c in plain)  # the rest is between words


def slug_words(text: str) -> list[str]:
    """The words of `text` in a slug: lowercase ASCII letters and digits, in order."""
    folded = unicodedata.normalize("NFC", text.casefold())
    return _WORD.findall("".join(_slug_char(char) for char in folded))
