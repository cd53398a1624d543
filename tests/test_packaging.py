"""A plain install (not editable) carries its SQL, suites and default input: `newsfacts` works from
any folder, with no source tree beside it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    import shutil

    source = tmp_path_factory.mktemp("source") / "newsfacts"  # a clean copy: no build/ left from before
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "data", "build", "*.egg-info",
                                                                 "__pycache__", ".pytest_cache"))
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "--target", str(target), str(source)], check=True,
                   capture_output=True, timeout=300)
    return target


def test_the_installed_package_finds_its_sql_suites_and_seeds_outside_the_source_tree(installed, tmp_path):
    code = ("import flows.settings as s, flows.validation as v\n"
            "print(s.SQL_DIR, s.EXPECTATIONS_DIR, s.DEFAULT_INPUT, sep='\\n')\n"
            "print(len(list(s.SQL_DIR.rglob('*.sql'))), len(v.suite_definitions()), len(list(s.DEFAULT_INPUT.glob('*.txt'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(installed)}).stdout.splitlines()
    assert all(Path(p).is_relative_to(installed) for p in out[:3]), out
    n_sql, n_suites, n_seeds = map(int, out[3].split())
    assert n_sql == len(list((ROOT / "sql").rglob("*.sql")))
    assert n_suites == len(list((ROOT / "expectations" / "gx" / "expectations").glob("*.json"))) and n_suites >= 8
    assert n_seeds == 5


def test_the_installed_command_runs_migrations_and_reports_from_another_folder(installed, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(installed)}
    db = tmp_path / "w.duckdb"
    listed = subprocess.run([sys.executable, "-m", "flows.cli", "report"], cwd=tmp_path, capture_output=True,
                            text=True, env=env, check=True)
    assert "entity_leaderboard" in listed.stdout
    code = (f"from flows import warehouse\ncon = warehouse.connect({str(db)!r})\n"
            "print(con.execute('SELECT count(*) FROM schema_migrations').fetchone()[0])")
    migrations = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env,
                                check=True).stdout.strip()
    assert int(migrations) == len(list((ROOT / "sql" / "schema").glob("*.sql"))) - 1
