"""A catalog a translator's tool would refuse is refused by evaltool too, naming the line."""

from __future__ import annotations

import pytest

from evaltool.i18n.pofile import PoSyntaxError, read_po

HEADER = 'msgid ""\nmsgstr "Language: nl\\n"\n\n'


@pytest.mark.parametrize(("text", "message"), [
    ('"loose"\n', 'x.po:4: a string without a keyword before it'),
    ('msgid "a"\nmsgtxt "b"\n', "x.po:5: unknown keyword 'msgtxt'"),
    ('msgid "a"\nmsgid "b"\nmsgstr ""\n', 'x.po:5: msgid given twice'),
    ('msgctxt "c"\nmsgid "a"\nmsgstr ""\n', "x.po:4: msgctxt is not used in evaltool's catalogs"),
    ('msgid "a"\n', "x.po:4: 'a' has no msgstr"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "b"\n', 'x.po:4: msgstr[0], msgstr[1], ... expected'),
    ('msgid "a"\nmsgstr "x"\n\nmsgid "a"\nmsgstr "y"\n', "x.po:7: 'a' is in the catalog twice"),
    ('msgid "a"\nmsgstr "x\\q"\n', 'x.po:5: unknown escape \\q'),
    ('msgid "a"\nmsgstr x\n', 'x.po:5: a string in double quotes expected'),
    ('msgid "a"\n\nmsgid "a"\nmsgstr "y"\n', "x.po:4: 'a' has no msgstr"),
])
def test_a_broken_catalog_is_refused_at_its_line(text: str, message: str) -> None:
    with pytest.raises(PoSyntaxError) as refused:
        read_po(HEADER + text, "x.po")
    assert str(refused.value) == message


def test_a_catalog_reads_its_header_comments_flags_and_plural_forms() -> None:
    catalog = read_po('# Vertaling\n' + HEADER + '#. voor vertalers\n#, python-brace-format\n'
                      'msgid "{n} item"\nmsgid_plural "{n} items"\n'
                      'msgstr[0] "{n} ding"\nmsgstr[1] "{n} dingen"\n', "x.po")
    assert catalog.language == "nl"
    assert catalog.comments == ("# Vertaling",)
    entry = catalog.entries["{n} item"]
    assert entry.strings == ("{n} ding", "{n} dingen")
    assert entry.plural == "{n} items"
    assert entry.comments == ("voor vertalers",)
    assert entry.flags == ("python-brace-format",)
