"""Text folded for comparing and naming: titles in any script give a readable file name,
Latin titles keep the one they always had, names and words compare as before."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from evaltool.i18n.folding import asciify, fold, fold_ascii, slug_words
from evaltool.wizard.slug import session_stem, slugify

# --- slugs of titles in other scripts: transliterated, readable ---------------------------------


@pytest.mark.parametrize(("title", "slug"), [
    ("Αθήνα", "athina"),  # Greek, with its accent
    ("Ελληνικά σχολεία", "ellinika-scholeia"),
    ("Москва", "moskva"),  # Russian
    ("Київ", "kiiv"),  # Ukrainian
    ("Београд", "beograd"),  # Serbian Cyrillic
    ("北京", "beijing"),  # Chinese
    ("서울", "seoul"),  # Korean (Hangul decomposes under NFKD; the slug does not care)
    ("თბილისი", "tbilisi"),  # Georgian
    ("Casus Αθήνα 2021", "casus-athina-2021"),  # mixed with Latin text and digits
    ("Школа № 5", "shkola-o-5"),  # `№` is written as it always was (`No`, the `o` kept)
])
def test_a_title_in_another_script_gives_a_readable_slug(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert slugify(unicodedata.normalize("NFD", title)) == slug


def test_a_title_with_nothing_to_read_keeps_a_distinct_hashed_name() -> None:
    first, second = slugify("🎉🎉"), slugify("🎉")
    assert re.fullmatch(r"casus-[0-9a-f]{8}", first)
    assert first != second


@pytest.mark.parametrize(("title", "slug"), [
    ("нул", "nul-casus"),  # Cyrillic letters that spell a Windows device name
    ("прн", "prn-casus"),
    ("ΚΟΝ", "kon"),  # close, but no device name
])
def test_a_transliterated_title_is_never_a_windows_device_name(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_the_session_stem_of_a_greek_title() -> None:
    assert session_stem("2021-01-28", "Σχολείο στην Αθήνα") == "2021-01-28-scholeio-stin-athina"


# --- Latin text: the slug it always had --------------------------------------------------------

# Letters that do not decompose into a base letter and accents, as the slug has always
# written them.
_OWN_LETTERS = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ð": "d", "þ": "th", "ł": "l",
                "đ": "d", "ı": "i", "ĳ": "ij"}


def _accents_off(char: str) -> list[str]:
    """The accent rule slugs always followed: case-folded, decomposed, accents dropped."""
    folded = unicodedata.normalize("NFKD", char.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+", "".join(_OWN_LETTERS.get(c, c) for c in plain))


LATIN = [chr(code) for code in range(sys.maxunicode + 1)
         if "LATIN" in unicodedata.name(chr(code), "") and _accents_off(chr(code))]


def test_every_latin_letter_is_written_as_its_accent_free_letters() -> None:
    assert len(LATIN) > 700  # the table is really there
    wrong = [(char, slug_words(f"x{char}x"), _accents_off(f"x{char}x")) for char in LATIN
             if slug_words(f"x{char}x") != _accents_off(f"x{char}x")]
    assert wrong == []


@pytest.mark.parametrize(("title", "slug"), [
    ("Coöperatie café", "cooperatie-cafe"),
    ("Straße Œuvre Ærø", "strasse-oeuvre-aero"),
    ("Łódź İstanbul Český", "lodz-istanbul-cesky"),
    ("Kosten €500", "kosten-500"),  # a symbol stands between words, as it always did
    ("ﬁets²", "fiets2"),
])
def test_latin_titles_keep_their_slug(title: str, slug: str) -> None:
    assert slugify(title) == slug


# --- comparing words and names ------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "folded"), [
    ("Financiële-ruimte", "financiële ruimte"),  # accents count, dashes do not
    ("  Leerroute_Publiek   Ondernemen ", "leerroute publiek ondernemen"),
    ("CAFE\u0301", "café"),  # decomposed accent: the same word
])
def test_typed_words_are_compared_without_case_dashes_or_spacing(typed: str,
                                                                  folded: str) -> None:
    assert fold(typed) == folded


@pytest.mark.parametrize(("name", "folded"), [
    ("Öztürk", "ozturk"), ("OZTURK", "ozturk"), ("Łukasz", "lukasz"), ("Yıldız", "yildiz"),
    ("Jan\u200bsen", "jansen"), ("Ørsted", "orsted"),
])
def test_names_are_compared_in_ascii(name: str, folded: str) -> None:
    assert fold_ascii(name) == folded
    assert asciify(name).casefold() == folded
