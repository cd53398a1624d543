"""A served schedule fires: a real `prefect server` on a free loopback port, `newsfacts serve --cron`
against it, and a scheduled flow run that completes and loads the folder. About two minutes:
the first cron slot is up to a minute away."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from flows.prefect_api import free_port
from tests.conftest import SEEDS

BIN = Path(sys.executable).parent


def wait_for(condition, timeout: float, what: str, every: float = 1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def prefect_server(tmp_path):
    """`prefect server start` with its own home and database, stopped after the test."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_LOGGING_LEVEL": "WARNING"}
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                               "--no-ui"], env=env, stdout=log, stderr=subprocess.STDOUT)

    def healthy():
        try:
            return httpx.get(f"{api}/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return server.poll() is not None and pytest.fail((tmp_path / "server.log").read_text())

    try:
        wait_for(healthy, 120, "the Prefect server to answer")
        yield api, env
    finally:
        stop(server)
        log.close()
    assert "bulk DML" not in (tmp_path / "server.log").read_text()


def flow_runs(api: str, deployment_id: str) -> list[dict]:
    body = {"deployments": {"id": {"any_": [deployment_id]}}, "sort": "EXPECTED_START_TIME_ASC"}
    return httpx.post(f"{api}/flow_runs/filter", json=body, timeout=10).json()


def test_a_served_cron_schedule_fires_and_its_run_loads_the_folder(prefect_server, tmp_path):
    api, env = prefect_server
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    db = tmp_path / "scheduled.duckdb"
    log = (tmp_path / "serve.log").open("wb")
    serve = subprocess.Popen([str(BIN / "newsfacts"), "serve", "--cron", "* * * * *", str(inbox), "--db", str(db)],
                             env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        def deployment():
            found = httpx.post(f"{api}/deployments/filter", json={}, timeout=10).json()
            return found[0] if found else serve.poll() is not None and pytest.fail((tmp_path / "serve.log").read_text())

        served = wait_for(deployment, 90, "the deployment to be registered")
        assert served["name"] == "newsfacts-scheduled"
        assert [s["schedule"]["cron"] for s in served["schedules"]] == ["* * * * *"]
        # The server's scheduler, not us, creates the runs.
        scheduled = wait_for(lambda: [r for r in flow_runs(api, served["id"]) if r["auto_scheduled"]], 60,
                             "the server to list a scheduled run")
        assert scheduled[0]["state_type"] in ("SCHEDULED", "PENDING", "RUNNING", "COMPLETED")

        def completed():
            runs = flow_runs(api, served["id"])
            if failed := [r for r in runs if r["state_type"] in ("FAILED", "CRASHED")]:
                pytest.fail(f"scheduled run ended {failed[0]['state_type']}: {(tmp_path / 'serve.log').read_text()}")
            return [r for r in runs if r["state_type"] == "COMPLETED" and r["auto_scheduled"]]

        done = wait_for(completed, 150, "a scheduled run to complete", every=2)
    finally:
        stop(serve, signal.SIGINT)
        log.close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        loaded = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        runs = con.execute("SELECT status, flow_run_id FROM runs").fetchall()
    finally:
        con.close()
    assert loaded == len(list(SEEDS.glob("*.txt")))
    assert ("completed", done[0]["id"]) in runs
    assert json.loads(json.dumps(done[0]["parameters"]))["paths"] == [str(inbox)]
