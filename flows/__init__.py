"""Prefect flows and the thin layers around them: settings, warehouse I/O, validation, CLI."""
