"""spaCy models, loaded once per process with only the components a step needs."""

from __future__ import annotations

import os
import threading
from functools import lru_cache

import spacy
from spacy.language import Language

from flows.preflight import ModelNotFound, model_missing_message
from transforms.entities import english_words, first_names
from transforms.territories import settlement_names

def _forget_the_parents_thread_exits() -> None:
    """In a process forked to read documents (spaCy's `n_process` workers), the exit hooks its
    parent's threads registered (Prefect's services drain their queues at exit) stand for threads
    the child does not have: run there, they fail, the worker exits with status 1 and spaCy warns
    (W127) after every batch. The child forgets them."""
    hooks = getattr(threading, "_threading_atexits", None)
    if isinstance(hooks, list):
        hooks.clear()


os.register_at_fork(after_in_child=_forget_the_parents_thread_exits)

ALL_PIPES = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner")
# ner in this model has its own embedding layer: it needs no tok2vec.
STEP_PIPES = {
    "ner": ("ner",),
    "sentences": ("senter",),
    # facts read dates from the words around a number, so their parse needs no entity recogniser
    "parse": ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"),
}


@lru_cache(maxsize=8)
def load_model(name: str, step: str) -> Language:
    keep = STEP_PIPES[step]
    try:
        nlp = spacy.load(name, exclude=[p for p in ALL_PIPES if p not in keep])
    except OSError as exc:
        raise ModelNotFound(model_missing_message(name)) from exc
    for pipe in keep:
        if pipe in nlp.disabled:
            nlp.enable_pipe(pipe)
    if step == "ner":
        first_names()  # the lists of first names, places and English words the entity stage reads
        settlement_names()  # names with, loaded with its model
        english_words(str(nlp.path) if nlp.path else None)
    return nlp
