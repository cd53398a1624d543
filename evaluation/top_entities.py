"""The largest entities of a warehouse, to read by hand (issue 15: does each of the 50 largest hold
one real thing, and is its label right?): each with its aliases, why they were merged, and
mentions drawn at random with their context.

    python -m evaluation.top_entities WAREHOUSE OUT.json [N] [SEED]

OUT.json lists the N entities (50) with the most mentions; a reader fills in each one's
`judgement` ({"one_real_thing": bool, "label_right": bool, "note": ""}).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from flows import warehouse

CONTEXT_CHARS = 100
SAMPLES = 6

_LARGEST = """
SELECT e.entity_id, e.canonical_name, e.label, count(*) AS mentions, count(DISTINCT m.doc_id) AS documents
FROM entity_mentions m JOIN entities e USING (entity_id)
GROUP BY ALL ORDER BY mentions DESC, e.canonical_name LIMIT $n
"""
_ALIASES = "SELECT alias, n, resolved_by FROM entity_aliases WHERE entity_id = $id ORDER BY n DESC, alias"
_MENTIONS = """
SELECT d.source_uri, m.start_char, m.end_char, d.body_text
FROM entity_mentions m JOIN documents d USING (doc_id) WHERE m.entity_id = $id ORDER BY d.source_uri, m.start_char
"""


def largest(db: Path, n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    con = warehouse.connect(db, read_only=True)
    try:
        rows = []
        for entity_id, name, label, mentions, documents in con.execute(_LARGEST, {"n": n}).fetchall():
            found = con.execute(_MENTIONS, {"id": entity_id}).fetchall()
            drawn = rng.sample(found, min(SAMPLES, len(found)))
            rows.append({
                "canonical_name": name, "label": label, "mentions": mentions, "documents": documents,
                "aliases": [list(a) for a in con.execute(_ALIASES, {"id": entity_id}).fetchall()],
                "sample_contexts": [{"page": "/".join(Path(uri).parts[-2:]),
                                     "context": " ".join(body[max(0, start - CONTEXT_CHARS):end + CONTEXT_CHARS].split())}
                                    for uri, start, end, body in drawn],
                "judgement": "",
            })
        return rows
    finally:
        con.close()


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    n, seed = (int(sys.argv[3]) if len(sys.argv) > 3 else 50), (int(sys.argv[4]) if len(sys.argv) > 4 else 50)
    rows = largest(db, n, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(rows)} entities of {db} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
