"""The session file as a contract: the value types (`values`), vocabularies, models,
loading any file of evaltool's as a checked model (`loading`), the strict YAML reader and
writer, the JSON Schema, validation, where session files are (`workspace`), and the store
that loads and saves (with a three-way merge of a change made on disk meanwhile). Also
what several features share about people: Dutch names (`dutchnames`) and likely names in
free text (`namefinder`).

May import: `evaltool.fs`, `evaltool.errors`, `evaltool.i18n`; never a feature
(`wizard`, `report`, `git`) nor `commands`.
"""
