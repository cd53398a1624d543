"""Draw entity mentions, quotes and date mentions at random from pages, to judge by hand how
precise the entity stage is on news it was not tuned on (issue 15). Pages are cleaned and read by
the stage functions a run calls; lone names are resolved, and labels voted, across the pages as a
run does across its warehouse.

    python -m evaluation.sample_entities OUT.json N SEED PAGE...

OUT.json holds, per kind (mention, quote, date), N rows drawn with random.Random(SEED), each with
its context and an empty `judgement` for the reader to fill in ("right", "wrong: why"). A row's
`start` is its offset in the page's clean body text (what a run stores as `body_text`), not in the
page file. The
judged file lives in evaluation/judged/ and `make eval` prints its figures
(`evaluation.evaluate.eval_judged_samples`).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from flows.nlp import load_model
from flows.settings import Settings
from transforms.dates import extract_dates
from transforms.documents import clean_pages
from transforms.entities import (LONE_NAME_AMBIGUOUS, NATIONAL_SIDE, UNINTRODUCED_PERSON_VOTE, document_mentions,
                                 is_unintroduced_person, label_targets, person_surnames, resolve_among)
from transforms.quotes import extract_quotes
from transforms.staging import stage_bytes

CONTEXT = 120  # characters shown either side of a sampled row

# What the reader judges for each kind of row (the acceptance list of issue 15).
QUESTIONS = {
    "mention": "label: is `label` the right type of `text` here? link: is `canonical_name` the same real thing?",
    "quote": "real: is `quote` a direct quotation? speaker: is the speaker the one who said it? The speaker is "
             "`speaker` (the entity it is linked to) or, when that is null, `speaker_text` as written (the quotes "
             "table stores both); both null: none found.",
    "date": "is `text` a date here, and `date` the day (or month) it means?",
}


def _around(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - CONTEXT):end + CONTEXT].split())


def rows_of(paths: list[Path]) -> dict[str, list[dict]]:
    staged = [doc for path in paths for doc in stage_bytes(str(path), path.read_bytes()).documents]
    settings = Settings()
    docs = clean_pages(staged, settings.shared_line_min_documents, settings.chrome_min_stories)
    docs = [d for d in docs if (d.language or "en").startswith("en")]
    mentions = resolve_among(list(document_mentions(load_model(settings.model_name, "ner"), docs)))
    voted = _labels_voted_across(mentions)
    rows: dict[str, list[dict]] = {"mention": [], "quote": [], "date": []}
    for doc, found in zip(docs, mentions):
        page, body = Path(doc.source_uri).name, doc.body_text
        names = {m.entity_id: m.canonical_name for m in found}
        rows["mention"] += [{"page": page, "start": m.start_char, "text": m.text,
                             "label": m.label if m.resolved_by == NATIONAL_SIDE else
                             voted.get((m.canonical_name, m.label), m.label),
                             "canonical_name": m.canonical_name, "resolved_by": m.resolved_by,
                             "context": _around(body, m.start_char, m.end_char)} for m in found]
        rows["quote"] += [{"page": page, "start": q.start_char, "quote": q.quote, "speaker_text": q.speaker_text,
                           "speaker": names.get(q.speaker_entity_id), "verb": q.verb,
                           "context": _around(body, q.start_char, q.end_char)}
                          for q in extract_quotes(body, found)]
        spans = [(m.start_char, m.end_char) for m in found]
        rows["date"] += [{"page": page, "start": d.start_char, "text": d.text, "date": str(d.date),
                          "resolution": d.resolution, "context": _around(body, d.start_char, d.end_char)}
                         for d in extract_dates(body, doc.published_date, spans)]
    return rows


def _labels_voted_across(mentions: list[list]) -> dict[tuple[str, str], str]:
    """(canonical name, label) -> the label the warehouse's vote gives the entity
    (`flows.warehouse.vote_labels_across_warehouse`, the same `label_targets`)."""
    votes: dict[tuple[str, str], float] = {}
    for ms in mentions:
        surnames = person_surnames((m.name, m.label) for m in ms)
        for m in (m for m in ms if m.resolved_by not in (LONE_NAME_AMBIGUOUS, NATIONAL_SIDE)):
            key = (m.canonical_name, m.label)
            weight = UNINTRODUCED_PERSON_VOTE if is_unintroduced_person(m.name, m.label, surnames) else 1.0
            votes[key] = votes.get(key, 0.0) + weight
    return {(name, label): target for name, label, _, target in
            label_targets((name, label, n) for (name, label), n in votes.items())}  # (a side keeps its label)


def draw(rows: dict[str, list[dict]], n: int, seed: int) -> dict:
    rng = random.Random(seed)
    return {"seed": seed, "questions": QUESTIONS,
            "samples": {kind: [{**row, "judgement": ""} for row in rng.sample(found, min(n, len(found)))]
                        for kind, found in rows.items()}}


def main() -> int:
    if len(sys.argv) < 5:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out, n, seed, pages = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), [Path(p) for p in sys.argv[4:]]
    drawn = {"pages": [str(p) for p in pages], **draw(rows_of(pages), n, seed)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(drawn, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{', '.join(f'{len(v)} {k}s' for k, v in drawn['samples'].items())} drawn (seed {seed}) "
          f"from {len(pages)} pages -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
