"""Judged samples against the current code: which judged rows it no longer produces, and which of
their fields it now reads otherwise, so a fix made from a reading can be re-counted on its rows.

    python -m evaluation.rejudge evaluation/judged/facts_fresh12_seed2037.json data/fresh12
    python -m evaluation.rejudge evaluation/judged/entities_fresh12_seed2037.json

A facts file is matched by page, sentence and the fact's text; an entities file by page, offset
and text (its `pages` say where the pages are). Each changed row is printed with its judgement's
note, for the reader to count again by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from evaluation.evaluate import nlp_models
from flows.settings import PROJECT_ROOT, Settings
from transforms.documents import clean_pages
from transforms.facts import facts_for_texts
from transforms.staging import stage_bytes


def _words(text: str) -> str:
    return " ".join(text.split())


def rejudge_facts(rows: list[dict], folder: Path) -> None:
    paths = [folder / page for page in sorted({r["page"] for r in rows})]
    staged = [doc for path in paths for doc in stage_bytes(str(path), path.read_bytes()).documents]
    cleaned = clean_pages(staged, Settings().shared_line_min_documents, Settings().chrome_min_stories)
    splitter, parser = nlp_models()
    by_sentence: dict[tuple[str, str], list] = {}
    for doc, facts in zip(cleaned, facts_for_texts(splitter, parser, [d.readable_body for d in cleaned])):
        for fact in facts:
            by_sentence.setdefault((Path(doc.source_uri).name, _words(fact.sentence)), []).append(fact)
    gone = changed = 0
    for row in rows:
        found = by_sentence.get((row["page"], _words(row["sentence"])), [])
        same = [f for f in found if f.text == row["fact"]] or [f for f in found if row["fact"] in f.text or f.text in row["fact"]]
        if not same:
            gone += 1
            print(f"gone     #{row['n']} [{row['category']}] {row['fact']!r} | {row['note'][:100]}")
            continue
        fact = same[0]
        now = {"value": fact.value, "unit": fact.unit or "", "bound": fact.bound, "object": fact.object or "", "kind": fact.kind}
        then = {"value": float(row["value"]), "unit": row["unit"], "bound": row["bound"], "object": row["object"],
                "kind": row["kind"]}
        diff = {k: (then[k], now[k]) for k in now if then[k] != now[k]}
        if diff:
            changed += 1
            print(f"changed  #{row['n']} [{row['category']}] {row['fact']!r} {diff} | {row['note'][:100]}")
    print(f"{len(rows)} judged rows: {gone} no longer read, {changed} read otherwise")


def rejudge_entities(judged: dict) -> None:
    from evaluation.sample_entities import rows_of

    now = rows_of([PROJECT_ROOT / p for p in judged["pages"]])
    shapes = {"mention": (("page", "start", "text"), ("label", "canonical_name")),
              "quote": (("page", "start", "quote"), ("speaker_text", "speaker")),
              "date": (("page", "start", "text"), ("date",))}
    for kind, (key, fields) in shapes.items():
        current = {tuple(r[k] for k in key): r for r in now[kind]}
        gone = changed = 0
        for row in judged["samples"][kind]:
            new = current.get(tuple(row[k] for k in key))
            shown = (row.get("text") or row.get("quote") or "")[:50]
            if new is None:
                gone += 1
                print(f"gone     {kind} {row['page']} {shown!r}")
                continue
            diff = {f: (row[f], new[f]) for f in fields if str(row[f]) != str(new[f])}
            if diff:
                changed += 1
                print(f"changed  {kind} {row['page']} {shown!r} {diff} | {row['judgement'].get('note', '')[:100]}")
        print(f"{kind}: {len(judged['samples'][kind])} judged rows, {gone} no longer produced, {changed} read otherwise")


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    judged = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    if "rows" in judged:
        if len(sys.argv) < 3:
            print("a facts file needs the folder of its pages", file=sys.stderr)
            return 2
        rejudge_facts(judged["rows"], Path(sys.argv[2]))
    else:
        rejudge_entities(judged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
