"""Session files in git: the semantic diff (`semdiff`, shown by `diffrender`), the
three-way merge of session files (`merge`), the diff and merge drivers (`drivers`) and
their setup in a repository (`setup`, which also prepares a folder for `evaltool init`).

May import: `evaltool.session` and everything below it; never `wizard`, `report`,
`commands`.
"""
