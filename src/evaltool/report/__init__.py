"""From sessions to what a reporter publishes: `summary` (the data of a report),
`privacy` (publication mode: what may be shown), `cache` (summaries kept between runs)
and `render/` (the formats).

May import: `evaltool.session` and everything below it; never `wizard`, `git`, `commands`.
"""
