"""`newsfacts run --cluster`: the heavy stages on a real Dask cluster of two worker processes on
loopback, started and stopped here; the run validates and loads."""

import pytest
from typer.testing import CliRunner

from tests.conftest import SEEDS

pytestmark = pytest.mark.usefixtures("prefect_server")


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, worker_dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_a_run_on_a_cluster_builds_the_warehouse_a_local_run_builds(tmp_path, monkeypatch, scheduler):
    from evaluation.snapshot import snapshot
    from flows.pipeline import newsfacts_flow

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for path in SEEDS.glob("*.txt"):
        (inbox / path.name).write_bytes(path.read_bytes())
    (inbox / "photo.txt").write_bytes(bytes(range(256)) * 8)  # rejected when staged, by the run
    diary = [f"On day {day} of the flood, engineers said the old bridge over the river stayed shut while "
             f"crews checked {day + 2} of its supports." for day in range(1, 120)]
    (inbox / "long.txt").write_text("Flood diary\n\n" + "\n\n".join(diary), encoding="utf-8")
    monkeypatch.setenv("NEWSFACTS_MAX_DOCUMENT_CHARS", "10000")  # rejected when cleaned, by a worker
    monkeypatch.setenv("NEWSFACTS_BATCH_SIZE", "2")  # batches spread over both workers
    local = newsfacts_flow(paths=[str(inbox)], db=str(tmp_path / "local.duckdb"))
    remote = newsfacts_flow(paths=[str(inbox)], db=str(tmp_path / "cluster.duckdb"), cluster=scheduler)
    assert (remote.status, remote.n_new, remote.n_rejected) == (local.status, local.n_new, local.n_rejected) \
        == ("completed_with_rejects", 5, 2)
    assert sorted((r.source_uri, r.stage) for r in remote.rejected) == sorted((r.source_uri, r.stage) for r in local.rejected)
    assert snapshot(str(tmp_path / "cluster.duckdb")) == snapshot(str(tmp_path / "local.duckdb"))


def test_a_cluster_that_cannot_be_reached_is_named_with_exit_status_11(tmp_path, monkeypatch):
    from flows.cli import app

    monkeypatch.setenv("NEWSFACTS_CLUSTER_CONNECT_SECONDS", "2")
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--db", str(tmp_path / "w.duckdb"),
                                      "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 11, result.output
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
