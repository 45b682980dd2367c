"""The guided evaluation: the template (steps as data), the engine that walks it, the
asker that says and asks, the types of question (`questions`) and the kinds of part
(`parts/`, each registered in one table), the grammar of typed answers, the names a
session mentions, the review, the prompters (terminal and answers file), drafts and
slugs. It takes a prompter and returns session data; it knows no terminal and writes no
file.

May import: `evaltool.session` and everything below it; never `report`, `git`,
`commands`.
"""
