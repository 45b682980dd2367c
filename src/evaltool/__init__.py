"""evaltool: guide a casus evaluation, keep it as validated YAML, publish what was learned."""

__version__ = "0.1.0"
