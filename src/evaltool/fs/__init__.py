"""Files on disk, below everything that knows what a session is.

`atomic` writes a file so that it is whole or untouched (through links, to FIFOs and
devices, keeping mode and owner), `portable` hides what POSIX and Windows do differently,
`resources` finds the bundled and local templates.

May import: `evaltool.errors`, `evaltool.i18n`, the standard library.
"""
