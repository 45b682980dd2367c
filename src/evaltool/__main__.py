"""Run evaltool as `python -m evaltool`."""

from evaltool.cli import main

main()
