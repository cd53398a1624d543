"""`make eval`: measure the pipeline's transforms against the gold in ../shared/eval/.

Prints, for boilerplate: seed line-label accuracy and confusion, captions kept out of the body,
titles found, and body F1 on zyte_dev page text and HTML.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from flows.settings import PROJECT_ROOT
from transforms.boilerplate import LABELS, lines_shared_across
from transforms.documents import clean_document
from transforms.evaluation import comparable, confusion, f1_of_averages, score_page
from transforms.staging import stage_bytes

EVAL_DIR = Path(__import__("os").environ.get("NEWSFACTS_EVAL_DIR", PROJECT_ROOT.parent / "shared" / "eval"))
SEEDS = PROJECT_ROOT / "seeds"


def clean_all(paths: list[Path]):
    """Stage and clean pages as a run over them would (shared lines learnt across the set)."""
    staged = [doc for path in paths for doc in stage_bytes(str(path), path.read_bytes()).documents]
    shared = lines_shared_across(d.text for d in staged if d.content_type != "text/html")
    started = time.perf_counter()
    cleaned = [clean_document(doc, shared) for doc in staged]
    ms_per_page = (time.perf_counter() - started) * 1000 / max(1, len(staged))
    return {Path(doc.source_uri).name: doc for doc in cleaned}, ms_per_page


def eval_seed_lines() -> None:
    gold = json.loads((EVAL_DIR / "seeds_boilerplate_gold.json").read_text(encoding="utf-8"))
    docs, _ = clean_all(sorted(SEEDS.glob("*.txt")))
    pairs, captions_out, captions, titles = [], 0, 0, 0
    for document in gold["documents"]:
        doc = docs[document["file"]]
        predicted = {line.line_no: line.label for line in doc.lines}
        body = comparable(doc.body_text)
        for line in document["lines"]:
            pairs.append((line["label"], predicted.get(line["line"], "(missing)")))
            if line["label"] == "caption":
                captions += 1
                captions_out += comparable(line["text"]) not in body
            if line["label"] == "title":
                titles += comparable(doc.title or "") == comparable(line["text"])
    table = confusion(pairs)
    print("## Seeds: line labels (gold rows, predicted columns)")
    print(f"{'gold':<12}" + "".join(f"{label[:7]:>9}" for label in LABELS) + f"{'total':>9}")
    for label in LABELS:
        row = table.get(label, {})
        print(f"{label:<12}" + "".join(f"{row.get(p, 0):>9}" for p in LABELS) + f"{sum(row.values()):>9}")
    for label in ("body", "boilerplate"):
        row = table.get(label, {})
        print(f"{label} lines labelled {label}: {row.get(label, 0)} / {sum(row.values())}")
    print(f"captions kept out of body_text: {captions_out} / {captions}")
    print(f"titles found (title column): {titles} / {len(gold['documents'])}")
    print(f"all lines right: {sum(g == p for g, p in pairs)} / {len(pairs)}")


def eval_zyte(kind: str) -> None:
    folder = EVAL_DIR / "zyte_dev"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    paths = sorted((folder / kind).glob(f"*.{kind}"))
    docs, ms = clean_all(paths)
    scores = [score_page(docs[p.name].body_text if p.name in docs else "", truth[p.stem]["articleBody"])
              for p in paths]
    precision, recall, f1 = f1_of_averages(scores)
    print(f"zyte_dev {kind:<4} pages={len(paths):>3}  P={precision:.3f}  R={recall:.3f}  "
          f"body F1={f1:.3f}  {ms:.1f} ms/page")


def main() -> int:
    if not EVAL_DIR.exists():
        print(f"No evaluation data at {EVAL_DIR}: nothing to measure (set NEWSFACTS_EVAL_DIR).")
        return 0
    print(f"Gold from {EVAL_DIR}\n")
    eval_seed_lines()
    print("\n## Body extraction (word 4-gram shingles, macro P/R, F1 of averages)")
    for kind in ("txt", "html"):
        eval_zyte(kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
