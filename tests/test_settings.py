"""One settings object: every setting and threshold is a field of flows.settings.Settings, read
from a flag, else its NEWSFACTS_* variable, else its default; a bad value names where it came from."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_a_flag_wins_over_the_environment_which_wins_over_the_default(monkeypatch):
    monkeypatch.setenv("NEWSFACTS_BATCH_SIZE", "7")
    monkeypatch.setenv("NEWSFACTS_WAIT", "2.5")
    monkeypatch.setenv("NEWSFACTS_READERS_GRACE_SECONDS", "3")
    settings = Settings.from_options(batch_size=None, wait_seconds=4)
    assert (settings.batch_size, settings.wait_seconds, settings.readers_grace_seconds) == (7, 4.0, 3.0)
    assert settings.workers == Settings.default("workers") == min(len(os.sched_getaffinity(0)), 4)  # every core


def test_a_bad_value_names_its_variable_or_option_and_the_value(monkeypatch):
    monkeypatch.setenv("NEWSFACTS_WORKERS", "zero")
    with pytest.raises(ValueError, match=r"NEWSFACTS_WORKERS='zero': input should be a valid integer"):
        Settings.from_options()
    monkeypatch.delenv("NEWSFACTS_WORKERS")
    with pytest.raises(ValueError, match=r"--batch-size=0: input should be greater than or equal to 1"):
        Settings.from_options(batch_size=0)
    with pytest.raises(ValueError, match="NEWSFACTS_STORAGE_VERSION|--storage-version"):
        Settings.from_options(storage_version="1.1")
    with pytest.raises(ValueError, match=r"--wait=-1"):  # the option's own name, not the field's
        Settings.from_options(wait_seconds=-1)


def test_flows_hold_no_threshold_of_their_own():
    """A number given a module-level name in flows/ is a setting, and belongs in Settings."""
    for path in sorted((ROOT / "flows").glob("*.py")):
        if path.name == "settings.py":
            continue
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Constant) \
                    and type(node.value.value) in (int, float):
                names = [t.id for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                         if isinstance(t, ast.Name)]
                assert not names or all(n.startswith("_PR_") for n in names), f"{path.name}:{node.lineno} {names}"


def test_the_offline_defaults_are_applied_by_importing_the_package_and_a_users_value_wins():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "GX_", "DO_NOT_TRACK"))}
    env["GX_ANALYTICS_ENABLED"] = "true"  # the user's own value
    env["NEWSFACTS_PREFECT_STARTUP_SECONDS"] = "45"
    probe = ("import os, flows; print(os.environ['PREFECT_SERVER_ANALYTICS_ENABLED'], os.environ['GX_ANALYTICS_ENABLED'],"
             " os.environ['PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS'])")
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["false", "true", "45"]


def test_newsfacts_settings_lists_every_setting_with_its_variable_value_and_source(monkeypatch):
    monkeypatch.setenv("NEWSFACTS_LISTED_AT_MOST", "9")
    result = CliRunner().invoke(app, ["settings", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = {line.split(",")[0]: line.split(",") for line in result.output.splitlines()[1:]}
    assert set(rows) == {Settings.env_name(name) for name in Settings.model_fields}
    assert rows["NEWSFACTS_LISTED_AT_MOST"][1:3] == ["9", "environment"]
    assert rows["NEWSFACTS_BATCH_SIZE"][1:3] == ["200", "default"]
    monkeypatch.setenv("NEWSFACTS_DQ_CHUNK_DOCUMENTS", "-5")
    bad = CliRunner().invoke(app, ["settings"])
    assert bad.exit_code == 2 and "NEWSFACTS_DQ_CHUNK_DOCUMENTS='-5'" in bad.output
