"""`make bench-scale [SIZES=1000,2000,5000]`: how `newsfacts run` scales (issue 16), in one sitting.

For each size N it builds two generated corpora of N distinct documents (each copy made distinct
by shifting every number in it but its years by the copy's index, so facts differ and every
document is new): clean articles (the zyte_dev articles' own text, ground truth) and page texts
with their chrome (zyte_dev page texts and the seeds). It runs `newsfacts run` with its defaults on each into a
fresh warehouse and prints documents, words, wall seconds, words/s and the peak resident memory of
the largest process, then runs it again on the same inputs and warehouse (what an unchanged re-run
costs, as a share of the full run); on the clean corpus of the first size of 2,000 or more it also times bare
spaCy (`nlp.pipe`, every pipe, one process), the yardstick the run's words/s are held to.
`CORPUS=pages` (or `clean`) measures one of the two corpora only. The table is written as
data/bench/scale.md and drawn as data/bench/scale.png.

`make bench-cluster [SIZE=1000]` (`--cluster N`): the speed-up of `newsfacts run --cluster` with a
local Dask cluster of two worker processes against one (data/bench/cluster.md).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evaluation.bench import _peak_rss_mb
from evaluation.evaluate import EVAL_DIR, SEEDS
from flows.settings import PROJECT_ROOT, Settings
from transforms.text import count_words

OUT = PROJECT_ROOT / "data" / "bench"
DEFAULT_SIZES = (1000, 2000)


_A_YEAR = re.compile(r"(?:19|20)\d\d")


def _distinct(text: str, copy: int) -> str:
    """Copy `copy` of a text: every number in it shifted by the copy's index, but a year (a copy
    dated in the future would be held back by the data-quality gate and never loaded)."""
    def shifted(m: re.Match) -> str:
        return m.group() if _A_YEAR.fullmatch(m.group()) else str(int(m.group()) + copy)
    return re.sub(r"\d+", shifted, text) if copy else text


def clean_articles() -> list[str]:
    truth = json.loads((EVAL_DIR / "zyte_dev" / "ground-truth.json").read_text(encoding="utf-8"))
    return [row["articleBody"] for _, row in sorted(truth.items()) if count_words(row["articleBody"]) >= 50]


def page_texts() -> list[str]:
    pages = sorted(SEEDS.glob("*.txt")) + sorted((EVAL_DIR / "zyte_dev" / "txt").glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in pages]


def write_corpus(texts: list[str], n: int, out: Path) -> tuple[Path, list[str]]:
    """A JSONL file of n distinct documents cycled from `texts`; and the documents."""
    docs = [_distinct(texts[i % len(texts)], i // len(texts)) for i in range(n)]
    with out.open("w", encoding="utf-8") as f:
        for i, text in enumerate(docs):
            f.write(json.dumps({"id": f"doc-{i}", "text": text}) + "\n")
    return out, docs


def bare_spacy_words_per_second(docs: list[str]) -> float:
    import spacy

    nlp = spacy.load(Settings().model_name)
    started = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=64):
        pass
    return sum(map(count_words, docs)) / (time.perf_counter() - started)


def run_once(corpus: Path, db: Path) -> tuple[float, float, str]:
    """(wall seconds, peak MB, the run's last line) of `newsfacts run` with its defaults; a run that fails
    ends the bench (its figures would measure a run cut short)."""
    started = time.perf_counter()
    peak, last, status = _peak_rss_mb([sys.executable, "-m", "flows.cli", "run", str(corpus), "--db", str(db)])
    if status not in (0, 3):  # (3: inputs rejected, which a generated corpus may hold)
        raise SystemExit(f"newsfacts run on {corpus} failed (exit status {status}), so it measures nothing: {last}")
    return time.perf_counter() - started, peak, last


CORPORA = {"clean": ("clean articles", clean_articles), "pages": ("page texts", page_texts)}


def yardstick_size(sizes: list[int]) -> int:
    """The size bare spaCy is timed at: the first of 2,000 documents or more (the throughput check
    asks for that many; a larger corpus only costs time, at the same words/s), else the largest."""
    return next((n for n in sizes if n >= 2000), max(sizes))


def measure(sizes: list[int], corpora: list[str]) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for kind, texts in ((CORPORA[c][0], CORPORA[c][1]()) for c in corpora):
                corpus, docs = write_corpus(texts, n, Path(tmp) / f"{kind.split()[0]}-{n}.jsonl")
                words = sum(map(count_words, docs))
                db = Path(tmp) / f"{kind.split()[0]}-{n}.duckdb"
                seconds, peak, last = run_once(corpus, db)
                rerun_seconds, _, _ = run_once(corpus, db)
                row = {"corpus": kind, "docs": n, "words": words, "seconds": seconds, "words_per_s": words / seconds,
                       "peak_mb": peak, "rerun_seconds": rerun_seconds, "bare_spacy_words_per_s": None, "last_line": last}
                if kind == "clean articles" and n == yardstick_size(sizes):
                    row["bare_spacy_words_per_s"] = bare_spacy_words_per_second(docs)
                rows.append(row)
                print(_line(row), flush=True)
    return rows


HEADER = ("| corpus | docs | words | run s | run words/s | bare spaCy words/s | run / bare | peak RSS MB "
          "| unchanged re-run s (of the run) |")


def _line(row: dict) -> str:
    bare = row["bare_spacy_words_per_s"]
    ratio = f"{row['words_per_s'] / bare:.2f}×" if bare else "–"
    return (f"| {row['corpus']} | {row['docs']:,} | {row['words']:,} | {row['seconds']:.0f} | {row['words_per_s']:,.0f} | "
            f"{f'{bare:,.0f}' if bare else '–'} | {ratio} | {row['peak_mb']:,.0f} "
            f"| {row['rerun_seconds']:.0f} ({row['rerun_seconds'] / row['seconds']:.1%}) |")


def chart(rows: list[dict], png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (speed, memory) = plt.subplots(1, 2, figsize=(10, 4))
    for kind in dict.fromkeys(r["corpus"] for r in rows):
        mine = [r for r in rows if r["corpus"] == kind]
        speed.plot([r["docs"] for r in mine], [r["words_per_s"] for r in mine], marker="o", label=f"run: {kind}")
        memory.plot([r["docs"] for r in mine], [r["peak_mb"] for r in mine], marker="o", label=kind)
    bare = [r for r in rows if r["bare_spacy_words_per_s"]]
    speed.plot([r["docs"] for r in bare], [r["bare_spacy_words_per_s"] for r in bare], "k--", label="bare spaCy")
    speed.set(xlabel="documents", ylabel="words / s", title="throughput")
    memory.set(xlabel="documents", ylabel="MB", title="peak resident memory")
    memory.axhline(1024, color="grey", linestyle=":", label="1 GB")
    for ax in (speed, memory):
        ax.set_xscale("log")
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(png, dpi=120)


def cluster_speedup(n: int) -> list[str]:
    """`newsfacts run --cluster` on n generated clean articles with a local Dask cluster of one
    worker process, then of two (one spaCy process each): words/s and the speed-up."""
    from distributed import LocalCluster

    lines = ["| cluster workers | docs | words | run s | run words/s | speed-up |", "|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus, docs = write_corpus(clean_articles(), n, Path(tmp) / f"clean-{n}.jsonl")
        words, first = sum(map(count_words, docs)), None
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address=None, worker_dashboard_address=None) as cluster:
                started = time.perf_counter()
                done = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(corpus), "--db",
                                       str(Path(tmp) / f"cluster-{workers}.duckdb"), "--cluster",
                                       cluster.scheduler_address], capture_output=True, text=True)
                seconds = time.perf_counter() - started
            if done.returncode not in (0, 3):
                raise SystemExit(f"the run on a cluster of {workers} failed: {done.stderr[-2000:]}")
            first = first or seconds
            lines.append(f"| {workers} | {n:,} | {words:,} | {seconds:.0f} | {words / seconds:,.0f} | {first / seconds:.2f}× |")
            print(lines[-1], flush=True)
    return lines


def main() -> int:
    if sys.argv[1:2] == ["--cluster"]:
        n = int(sys.argv[2]) if sys.argv[2:] else 1000
        print(f"newsfacts run --cluster on a local Dask cluster, {n:,} generated clean articles\n")
        lines = cluster_speedup(n)
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / "cluster.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"\ntable: {OUT / 'cluster.md'}")
        return 0
    args = sys.argv[1:]
    corpora = args.pop(args.index("--corpus") + 1).split(",") if "--corpus" in args else list(CORPORA)
    args = [a for a in args if a != "--corpus"]
    if unknown := set(corpora) - set(CORPORA):
        raise SystemExit(f"--corpus: no corpus {', '.join(sorted(unknown))} (there are {', '.join(CORPORA)})")
    sizes = [int(s) for s in (args[0].split(",") if args else DEFAULT_SIZES)]
    print(f"newsfacts run with its defaults (workers={Settings().workers}), one run per size\n\n{HEADER}\n"
          + "|---" * 9 + "|", flush=True)
    rows = measure(sizes, corpora)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "scale.md").write_text("\n".join([HEADER, "|---" * 9 + "|", *map(_line, rows)]) + "\n", encoding="utf-8")
    chart(rows, OUT / "scale.png")
    print(f"\ntable: {OUT / 'scale.md'}; chart: {OUT / 'scale.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
