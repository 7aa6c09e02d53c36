"""The command line: `python -m bot …` and the `opinion-bot` script drive the same core."""
