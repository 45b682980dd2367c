"""Turning summary data (from `evaltool.summary`) into text, Markdown, HTML, SVG and JSON.

Renderers compute nothing: they lay out what the summary holds. Every piece of user
text passes through `evaltool.render.safe` on its way out.
"""
