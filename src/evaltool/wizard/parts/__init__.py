"""The kinds of part a step of a template has: single fields, a list of entries, a part
asked of each participant in turn, the open follow-ups of earlier sessions."""
