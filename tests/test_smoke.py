"""The example session is valid, through the command a newcomer runs first."""

from pathlib import Path

from conftest import Invoke


def test_example_validates(cli: Invoke, example: Path) -> None:
    result = cli("validate", example)
    assert result.exit_code == 0, result.output
    assert "1 valid, 0 invalid" in result.stdout
