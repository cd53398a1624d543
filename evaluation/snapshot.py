"""Every warehouse table as sorted text, without the columns that say when or by which run a row
was written (`written_at` in transforms/schema.py): two warehouses built from the same inputs
compare equal with `diff` whatever their run ids and clocks. A refactor's "no behaviour change" is
checked this way: build from seeds/ (and zyte_dev) before and after, then diff the snapshots.

    python -m evaluation.snapshot data/warehouse.duckdb before.txt
"""

from __future__ import annotations

import sys

import duckdb

from transforms.schema import TABLES

SKIPPED = {"runs", "dq_results"}  # a log of runs and checks, not data derived from the inputs


def snapshot(db_path: str) -> list[str]:
    con = duckdb.connect(db_path, read_only=True)
    try:
        lines = []
        for name, table in TABLES.items():
            if name in SKIPPED:
                continue
            columns = [c for c in table.columns if c not in table.written_at]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f"SELECT {listed} FROM {name} ORDER BY ALL").fetchall()
            lines.append(f"## {name} ({len(rows)} rows): {', '.join(columns)}")
            lines += [repr(row) for row in rows]
        return lines
    finally:
        con.close()


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("\n".join(snapshot(sys.argv[1])) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
