"""The guided evaluation: template, step engine, entry grammar, prompters, drafts and slugs."""
