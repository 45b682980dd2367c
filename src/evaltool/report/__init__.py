"""From sessions to what a reporter publishes: `summary` (the data of a report),
`people` (how people are shown), `privacy` (publication mode: what may be shown), `cache`
(summaries kept between runs), `reading` (session files to a report: what `summarize`
calls) and `render/` (the formats).

May import: `evaltool.session` and everything below it; never `wizard`, `git`, `commands`.
"""
