"""One document's error costs that document only.

A stage runs on a whole batch at once (spaCy and Great Expectations are fast that way). When it
raises, it runs again on each document alone, and a document that still fails is rejected with
the stage and the error; the others go on. Errors of the warehouse itself (the disk is full, the
file is locked) are not a document's fault: they are raised for the run to stop cleanly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from flows.settings import Settings
from transforms.staging import Reject

R = TypeVar("R")
T = TypeVar("T")


class Document(Protocol):
    doc_id: str
    source_uri: str


D = TypeVar("D", bound=Document)


def error_text(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"  # a 5 MB line can be in an exception's message
    most = Settings().max_error_chars
    return text if len(text) <= most else text[:most] + f"… ({len(text):,} characters)"


def reject_for(doc: Document, stage: str, error: str) -> Reject:
    return Reject(doc.source_uri, stage, error, doc.doc_id)


def merge_dicts(results: list[dict[str, R]]) -> dict[str, R]:
    return {key: value for result in results for key, value in result.items()}


def each_alone(stage: str, docs: Sequence[D], work: Callable[[Sequence[D]], T],
               merge: Callable[[list[T]], T] = merge_dicts,
               fatal: tuple[type[BaseException], ...] = ()) -> tuple[T | None, list[Reject]]:
    """work(docs); on an error, work([doc]) for each document, the results merged, and those that
    fail alone rejected (None when every document failed). Exceptions of a `fatal` type are
    raised, not blamed on a document."""
    try:
        return work(docs), []
    except fatal:
        raise
    except Exception as exc:
        if len(docs) == 1:
            return None, [reject_for(docs[0], stage, error_text(exc))]
    results: list[T] = []
    rejects = []
    for doc in docs:
        try:
            results.append(work([doc]))
        except fatal:
            raise
        except Exception as exc:
            rejects.append(reject_for(doc, stage, error_text(exc)))
    return (merge(results) if results else None), rejects
