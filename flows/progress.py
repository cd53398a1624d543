"""Documents done, with docs/s and ETA: a live bar on a terminal, a plain line every few seconds
elsewhere (CI logs, pipes). Stages report fractions of a document, so the count moves per document
inside a batch, not once per batch."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from flows.settings import Settings

# The share of a document's processing time each stage takes (measured on seeds/ and zyte_dev):
# the rest is validation and loading, counted when its batch is loaded.
STAGE_SHARES = {"clean": 0.05, "entities": 0.4, "facts": 0.4}


class RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} docs/s" if task.speed else "– docs/s")


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class DocumentProgress:
    def __init__(self, total: int, report: Callable[[float], None]):
        self.total, self.done, self._report = total, 0.0, report

    def advance(self, documents: float) -> None:
        self.done = min(self.total, self.done + documents)
        self._report(self.done)

    def stage(self, name: str) -> Callable[[int], None]:
        """A callback for a stage: `n` documents went through it."""
        share = STAGE_SHARES[name]
        return lambda n=1: self.advance(n * share)

    def settle(self, documents_so_far: int) -> None:
        """All documents of the batches so far are done (loaded, or rejected on the way)."""
        self.done = max(self.done, float(documents_so_far))
        self._report(self.done)


def _plain_lines(total: int, started: float, stream) -> Callable[[float], None]:
    last, every = [started], Settings().progress_every_seconds

    def report(done: float) -> None:
        now = time.monotonic()
        if now - last[0] < every and done < total:
            return
        last[0] = now
        rate = done / max(now - started, 1e-9)
        eta = _clock((total - done) / rate) if rate and done < total else "0:00:00"
        print(f"  {int(done)}/{total} documents, {rate:.1f} docs/s, ETA {eta}", file=stream, flush=True)

    return report


@contextmanager
def document_progress(total: int, description: str = "documents") -> Iterator[DocumentProgress]:
    stream = sys.stderr
    if total == 0:
        yield DocumentProgress(0, lambda done: None)
        return
    if not stream.isatty():
        yield DocumentProgress(total, _plain_lines(total, time.monotonic(), stream))
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
               TextColumn("ETA"), TimeRemainingColumn(), TextColumn("elapsed"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task_id = bar.add_task(description, total=total)
        yield DocumentProgress(total, lambda done: bar.update(task_id, completed=done))
