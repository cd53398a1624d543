"""Draw numeric facts at random from pages, to read by hand (how precise are they on news the
rules were not tuned on?). The pages are cleaned and read by the same stage functions a run calls.

    python -m evaluation.sample_facts OUT.md N SEED PAGE...

Each fact is listed with its sentence, so a reader can judge: is it a real quantity (the
contract is ../shared/eval/news_quantities_guide.md), is its value, unit and object right?
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from evaluation.evaluate import nlp_models
from flows.settings import Settings
from transforms.documents import clean_pages
from transforms.facts import facts_for_texts
from transforms.staging import stage_bytes


def sample(paths: list[Path], n: int, seed: int) -> list[tuple[str, object]]:
    staged = [doc for path in paths for doc in stage_bytes(str(path), path.read_bytes()).documents]
    cleaned = clean_pages(staged, Settings().shared_line_min_documents, Settings().chrome_min_stories)
    splitter, parser = nlp_models()
    found = facts_for_texts(splitter, parser, [doc.readable_body for doc in cleaned])
    facts = [(Path(doc.source_uri).name, fact) for doc, facts in zip(cleaned, found) for fact in facts]
    return random.Random(seed).sample(facts, min(n, len(facts)))


def as_markdown(drawn: list[tuple[str, object]]) -> str:
    lines = ["| # | page | fact | value | high | bound | unit | dimension | kind | object | sentence |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for i, (page, f) in enumerate(drawn, start=1):
        cells = [str(i), page[:12], f.text, f"{f.value:.15g}", "" if f.value_high is None else f"{f.value_high:.15g}",
                 f.bound, f.unit or "", f.dimension or "", f.kind, f.object or "", " ".join(f.sentence.split())]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    if len(sys.argv) < 5:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out, n, seed, pages = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), [Path(p) for p in sys.argv[4:]]
    drawn = sample(pages, n, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(as_markdown(drawn), encoding="utf-8")
    print(f"{len(drawn)} facts drawn (seed {seed}) from {len(pages)} pages -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
