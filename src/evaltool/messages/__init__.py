"""Catalogs of user-facing texts, one module per feature; see `evaltool.i18n`."""
