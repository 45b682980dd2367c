"""Which characters of user text are unsafe on a screen, and how they are shown instead.

The one neutraliser of evaltool: reports (`evaltool.i18n.escaping`), diffs and every message
on stderr or stdout pass what a person or a file wrote through `reveal`. ESC, C0 and C1
controls, DEL, bidi overrides and isolates, zero-width and other invisible format
characters, line and paragraph separators and lone surrogates are replaced by a visible
`⟨U+XXXX⟩`, so nothing is silently dropped and nothing reaches the terminal raw. This
module imports nothing of evaltool: errors, i18n and the renderers all use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Tab and newline are layout and stay; every other C0 control, DEL and C1 goes.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidi embeddings, overrides, isolates and marks; zero-width space, joiners, word
# joiner, invisible operators, BOM; line/paragraph separators; interlinear annotation;
# Mongolian vowel separator; soft hyphen; and the unassigned/other format (Cf) rest.
_INVISIBLE = (
    "\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"[{_CONTROLS}{_INVISIBLE}\ud800-\udfff]")
# In a one-line message, tab and newline would also change what the line seems to say.
_LAYOUT = re.compile("[\t\n]")


def unsafe(char: str) -> bool:
    """Whether one character is one that `reveal` marks."""
    return bool(_UNSAFE.fullmatch(char)) or unicodedata.category(char) == "Cf"


def reveal(text: str, mark: Callable[[int], str]) -> str:
    """`text` with every control, escape and invisible format character (all but tab and
    newline) replaced by `mark(codepoint)`: what counts as unsafe is decided here only.

    Shown to a person, the mark is `visible` (through `clean` or `inline`), everywhere;
    only a format with escapes of its own marks otherwise (JSON's lossless `\\uXXXX`)."""
    value = _UNSAFE.sub(lambda match: mark(ord(match.group())), text)
    if value.isascii():  # every ASCII character that is unsafe is in the table above
        return value
    # Other format characters (category Cf) that the table above does not list.
    return _BEYOND_ASCII.sub(
        lambda match: mark(ord(match.group()))
        if unicodedata.category(match.group()) == "Cf" else match.group(), value)


_BEYOND_ASCII = re.compile("[^\x00-\x7f]")


def visible(codepoint: int) -> str:
    """How an unsafe character is shown to a person, in every message, prompt, report and
    diff: `⟨U+001B⟩`."""
    return f"⟨U+{codepoint:04X}⟩"


def clean(text: object) -> str:
    """`text` with every control, escape and invisible format character made visible."""
    return reveal(str(text), visible).replace("\t", "    ")


def inline(text: object) -> str:
    """`text` for one line of a message: like `clean`, and tab and newline shown too, so
    that a quoted key or value can never start a line of its own."""
    value = reveal(str(text), visible)
    return _LAYOUT.sub(lambda match: visible(ord(match.group())), value) \
        if "\t" in value or "\n" in value else value
