"""An error in one document, at any stage, rejects that document with its stage and the rest of
the run goes on. The fault is injected into the real stage function for one document only."""

import duckdb
import polars as pl
import pytest

from flows import warehouse
from tests.test_flow import ARTICLE

pytestmark = pytest.mark.usefixtures("prefect_server")

POISON = "Poisoned"
OTHER = ("Council approves budget\n\n"
         "The city council approved a budget of $40 million on Monday, officials said.\n\n"
         "The mayor said 12 new schools would open.\n")
BAD = ("Poisoned page\n\n"
       "Poisoned text: the river rose 3 metres and 200 people left their homes on Tuesday.\n\n"
       "Officials said 14 roads were closed.\n")


def _poisoned(args) -> bool:
    def holds(value) -> bool:
        if isinstance(value, str):
            return POISON in value
        if isinstance(value, dict):
            return any(holds(v) for v in value.values())
        if isinstance(value, (list, tuple)):
            return any(holds(v) for v in value)
        if hasattr(value, "text") and isinstance(value.text, str):
            return POISON in value.text
        if hasattr(value, "body_text"):
            return POISON in value.body_text
        if hasattr(value, "columns"):  # a Polars frame
            return any(POISON in (v or "") for col in value.columns if value[col].dtype == pl.String for v in value[col])
        return False
    return any(holds(a) for a in args)


def _failing_on_poison(real, error=RuntimeError):
    def wrapper(*args, **kwargs):
        if _poisoned(args) or _poisoned(list(kwargs.values())):
            raise error("injected fault")
        return real(*args, **kwargs)
    return wrapper


STAGES = {
    "strip_boilerplate": ("flows.pipeline", "clean_document"),
    "entities": ("transforms.entities", "extract_mentions"),
    "dates_quotes": ("flows.pipeline", "extract_quotes"),
    "facts": ("transforms.facts", "extract_facts"),
    "frames": ("flows.pipeline", "batch_frames"),
    "validate": ("flows.pipeline", "validate_batch"),
    "load": ("flows.warehouse", "load_batch"),
}


@pytest.mark.parametrize("stage", list(STAGES))
def test_a_document_that_fails_a_stage_is_rejected_there_and_the_others_load(stage, tmp_path, monkeypatch):
    import importlib

    from flows.pipeline import newsfacts_flow

    module, name = STAGES[stage]
    target = importlib.import_module(module)
    error = duckdb.ConstraintException if stage == "load" else RuntimeError
    monkeypatch.setattr(target, name, _failing_on_poison(getattr(target, name), error))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for file, text in (("a.txt", ARTICLE), ("b.txt", BAD), ("c.txt", OTHER)):
        (inbox / file).write_text(text, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    summary = newsfacts_flow(paths=[str(inbox)], db=str(db))
    assert (summary.n_new, summary.n_rejected, summary.exit_status) == (2, 1, 3), summary.rejected
    [reject] = summary.rejected
    assert reject.source_uri.endswith("b.txt") and reject.stage == stage and "injected fault" in reject.error
    con = warehouse.viewer(db)
    try:
        loaded = sorted(r[0].rsplit("/", 1)[1] for r in con.execute("SELECT source_uri FROM documents").fetchall())
        stored = con.execute("SELECT stage, doc_id IS NOT NULL FROM rejects").fetchall()
        status = con.execute("SELECT status FROM runs").fetchall()
        facts = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    finally:
        con.close()
    assert loaded == ["a.txt", "c.txt"] and stored == [(stage, True)] and status == [("completed_with_rejects",)]
    assert facts >= 3  # the other documents' facts are all there
