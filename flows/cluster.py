"""The heavy stages (cleaning, entities, dates and quotes, numeric facts) on a Dask cluster.

The run stays where it was started: it stages the inputs, sends each batch to the cluster's
workers, and validates and loads what they return, one batch at a time, through its one writer.
A worker calls the stages' functions directly, never Prefect (a worker has no Prefect API to
talk to), and reads with one spaCy process: the cluster's parallelism is its workers. A batch a
worker could not read (the worker died, the cluster went away) is read here instead: nothing is
lost, and the run says so in its log.

Point a run at a cluster: on one machine `dask scheduler` (it prints tcp://HOST:8786), on each
machine `dask worker tcp://HOST:8786 --nthreads 1` in an environment where newsfacts is installed
(`pip install .`, the same version and model), then `newsfacts run INPUTS --cluster tcp://HOST:8786`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flows.preflight import Exit, Problem
from flows.settings import Settings


class ClusterUnreachable(Problem):
    def __init__(self, address: str, why: str):
        super().__init__(f"cannot reach the Dask scheduler at {address}: {why} (start one with `dask scheduler`, "
                         f"or run without --cluster)", Exit.NO_CLUSTER)


@contextmanager
def cluster_client(address: str | None, connect_seconds: float = 10.0):
    """A client of the Dask scheduler at `address` for the run's length, or None without one."""
    if not address:
        yield None
        return
    from distributed import Client

    try:
        client = Client(address, timeout=connect_seconds, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterUnreachable(address, str(exc) or type(exc).__name__) from None
    try:
        yield client
    finally:
        client.close()


def extract_on_worker(batch, settings: Settings, shared_lines: set[str], learned: dict[str, set[str]]):
    """The heavy stages of one batch, as a worker runs them (flows.pipeline.extract_batch)."""
    from flows.pipeline import extract_batch

    return extract_batch(batch, settings.model_copy(update={"workers": 1}), shared_lines, learned,
                         as_task=lambda task: task.fn)


def extract_on_cluster(client, batches: list[list], settings: Settings, shared_lines: set[str],
                       learned: dict[str, set[str]]) -> Iterator[tuple[list, object | None, str | None]]:
    """(batch, what the workers extracted or None, why not) for each batch, in order; every batch
    is sent at once, so that all workers are busy while the run loads the first."""
    from flows.isolation import error_text

    shared, known = client.scatter([shared_lines, learned], broadcast=True)
    futures = [client.submit(extract_on_worker, batch, settings, shared, known, pure=False) for batch in batches]
    for batch, future in zip(batches, futures):
        try:
            yield batch, future.result(), None
        except Exception as exc:  # a worker lost, a result that would not travel: read it here
            yield batch, None, error_text(exc)
        finally:
            future.release()
