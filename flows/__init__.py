"""Prefect flows and the thin layers around them: settings, warehouse I/O, validation, CLI."""

from flows.settings import apply_offline_defaults

apply_offline_defaults()  # before anything imports Prefect or Great Expectations
