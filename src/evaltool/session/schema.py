"""The session file's JSON Schema, for editors (yaml-language-server) and check-jsonschema."""

from __future__ import annotations

import json
from typing import Any

from evaltool.session.models import Session
from evaltool.session.vocabulary import DEFAULT_VOCABULARY, Vocabulary, load_vocabulary


def session_schema(vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    """The schema, with the vocabulary's keys as the allowed values of vocabulary fields."""
    vocabulary = vocabulary or load_vocabulary(DEFAULT_VOCABULARY)
    schema = Session.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "evaltool session"
    _fill_vocabulary(schema, vocabulary)
    return schema


def _fill_vocabulary(node: Any, vocabulary: Vocabulary) -> None:
    if isinstance(node, dict):
        category = node.pop("x-vocabulary", None)
        if category is not None:
            node["enum"] = list(vocabulary.entries(category))
        for value in node.values():
            _fill_vocabulary(value, vocabulary)
    elif isinstance(node, list):
        for value in node:
            _fill_vocabulary(value, vocabulary)


def session_schema_json() -> str:
    return json.dumps(session_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
