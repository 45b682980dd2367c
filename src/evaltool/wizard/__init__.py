"""The guided evaluation: the template (steps as data), the engine that walks it, the
grammar of typed answers, the kinds of part (lists, people, threads, mentions), the
review, the prompters (terminal and answers file), drafts and slugs. It takes a prompter
and returns session data; it knows no terminal and writes no file.

May import: `evaltool.session` and everything below it; never `report`, `git`,
`commands`.
"""
