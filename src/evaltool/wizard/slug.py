"""Safe file names from titles people type: the `<slug>` in `sessions/<date>-<slug>.yaml`.

A slug is lowercase ASCII letters, digits and single '-' between them, so it can never
hold a path separator, `..`, a control, bidi or zero-width character, never starts with
'.' or '-', is never a Windows device name and is at most `MAX_BYTES` long. Its words are
the title's as `evaltool.i18n.folding.slug_words` writes them: accents dropped (the NFC and
NFD spellings of a title give the same slug), other scripts transliterated (`Αθήνα` →
`athina`). The title inside the file keeps the original text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from evaltool.i18n.folding import slug_words

MAX_BYTES = 100
FALLBACK = "casus"

# CON, PRN, AUX, NUL, COM1-9, LPT1-9 (also with an extension) cannot be files on Windows.
_DEVICE = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$")


def slugify(text: str, max_bytes: int = MAX_BYTES) -> str:
    """`Casus Cornelis Musius` → `casus-cornelis-musius`; never empty, never unsafe."""
    slug = ""
    for word in slug_words(text):
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_bytes:
            if not slug:  # one enormous word: cut it
                slug = word[:max_bytes]
            break
        slug = candidate
    if not slug:
        # Nothing to read (emoji, symbols): keep it findable and distinct by a short hash.
        digest = hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()
        slug = f"{FALLBACK}-{digest[:8]}" if text.strip() else FALLBACK
    if _DEVICE.match(slug):
        slug = f"{slug}-{FALLBACK}"
    return slug


def session_stem(date: dt.date | str, title: str) -> str:
    """The file stem and session id: `2021-01-28-casus-cornelis-musius`."""
    day = date.isoformat() if isinstance(date, dt.date) else str(date)
    return f"{day}-{slugify(title)}"


def short_id(text: str, words: int = 4) -> str:
    """An id for a finding or participant from its first few words (`vertrouwen-in-de`)."""
    slug = slugify(text, max_bytes=60)
    return "-".join(slug.split("-")[:words])
