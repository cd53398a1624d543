"""`make eval`: measure the pipeline's transforms against the gold in ../shared/eval/.

Prints, for boilerplate: seed line-label accuracy and confusion, captions kept out of the body,
titles found, and body F1 on zyte_dev page text and HTML; for numeric facts: the seed gold and
quantities_dev (on the transform, and through `newsfacts run` as one-sentence JSONL records); for
entities: the seed gold, aliases, published dates, quotes and the resolution's cost over bare NER.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from flows.settings import DEFAULT_INPUT, PROJECT_ROOT, Settings
from transforms.boilerplate import LABELS
from transforms.documents import clean_pages
from evaluation.scoring import comparable, confusion, f1_of_averages, score_page, unit_meaning, value_f1
from transforms.entities import document_mentions, entity_input, resolve_among
from transforms.facts import facts_for_texts
from transforms.quotes import extract_quotes
from transforms.staging import stage_bytes

EVAL_DIR = Settings().eval_dir
SEEDS = DEFAULT_INPUT


def clean_all(paths: list[Path]):
    """Stage and clean pages as a run over them would (shared lines learnt across the set)."""
    staged = [doc for path in paths for doc in stage_bytes(str(path), path.read_bytes()).documents]
    started = time.perf_counter()
    cleaned = clean_pages(staged, Settings().shared_line_min_documents, Settings().chrome_min_stories)
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


def _letters(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower().removesuffix(".com").removesuffix(".org"))


def names_the_site(publisher: str | None, url: str) -> bool:
    """The publisher names the site the URL is on: 'Los Angeles Times' for latimes.com (its
    letters, or its words' initials as in 'Wall Street Journal' for wsj.com, begin the host's name)."""
    host = re.sub(r"^www\d?\.", "", re.sub(r"^https?://", "", url).split("/")[0].lower()).split(".")[0]
    name, initials = _letters(publisher), "".join(w[0] for w in re.findall(r"[A-Za-z]+", publisher or "")).lower()
    return bool(name) and (host in name or name in host or (len(initials) >= 2 and host.startswith(initials)))


def date_in_url(url: str):
    """The day a URL's path states (/2019/11/19/, /2019-11-19/), or None."""
    import datetime as dt

    m = re.search(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|\.|$)", url)
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


def eval_page_sources() -> None:
    """Publisher and published date read off the page: on the seeds against the hand-read
    evaluation/seeds_page_sources.json; on zyte_dev, where found, against the URL (the site its host
    names, the day its path states)."""
    print("\n## Publisher and published date from the page (transforms/masthead.py)")
    gold = json.loads((Path(__file__).with_name("seeds_page_sources.json")).read_text(encoding="utf-8"))["documents"]
    docs, _ = clean_all(sorted(SEEDS.glob("*.txt")))
    pub_right = sum(_letters(docs[n].publisher) == _letters(g["publisher"]) for n, g in gold.items())
    day_right = sum(str(docs[n].published_date) == str(g["published"]) for n, g in gold.items())
    print(f"seeds: publisher found {sum(d.publisher is not None for d in docs.values())}/{len(docs)}, "
          f"as the page states (or none) {pub_right}/{len(gold)}; date found "
          f"{sum(d.published_date is not None for d in docs.values())}/{len(docs)}, as stated (or none) {day_right}/{len(gold)}")
    truth = json.loads((EVAL_DIR / "zyte_dev" / "ground-truth.json").read_text(encoding="utf-8"))
    metadata_dates = {}
    for kind in ("html", "txt"):
        docs, _ = clean_all(sorted((EVAL_DIR / "zyte_dev" / kind).glob(f"*.{kind}")))
        urls = {n: truth[Path(n).stem]["url"] for n in docs}
        found = [n for n, d in docs.items() if d.publisher]
        site = [n for n in found if names_the_site(docs[n].publisher, urls[n])]
        sources = {}
        for d in docs.values():
            sources[d.publisher_from] = sources.get(d.publisher_from, 0) + 1
        dated = [n for n, d in docs.items() if d.published_date]
        checkable = [n for n in dated if date_in_url(urls[n])]
        right = [n for n in checkable if date_in_url(urls[n]) == docs[n].published_date]
        print(f"zyte_dev {kind:<4}: publisher found {len(found)}/{len(docs)} ({len(site)} name the URL's site, the "
              f"rest its owner or another name: {', '.join(sorted(docs[n].publisher for n in found if n not in site))}); "
              f"read from {dict(sorted((k or '-', v) for k, v in sources.items()))}")
        print(f"zyte_dev {kind:<4}: date found {len(dated)}/{len(docs)}; where the URL states a day: "
              f"{len(right)}/{len(checkable)} the same day "
              f"(off: {', '.join(f'{docs[n].published_date} vs {date_in_url(urls[n])}' for n in checkable if n not in right)})")
        if kind == "html":
            metadata_dates = {Path(n).stem: d.published_date for n, d in docs.items() if d.published_date}
        else:
            both = [n for n in dated if Path(n).stem in metadata_dates]
            same = [n for n in both if metadata_dates[Path(n).stem] == docs[n].published_date]
            near = [n for n in both if abs((metadata_dates[Path(n).stem] - docs[n].published_date).days) <= 1]
            print(f"zyte_dev txt : date found and the HTML page's metadata states one: {len(same)}/{len(both)} the same day, "
                  f"{len(near)} within a day (time zones) (off: {', '.join(f'{docs[n].published_date} vs {metadata_dates[Path(n).stem]}' for n in both if n not in same)})")


# Gold unit names (quantities_dev) that are not units (or not as written); others are read by meaning.
GOLD_UNITS = {"percentage": "percent", "year of age": "year", "month of age": "month", "week of age": "week",
              "day of age": "day", "pound-mass": "lb", "count": None, "-": None}


def _round(value: float) -> float:
    return round(float(value), 6)


def gold_value(text: str) -> tuple[float, float | None]:
    """'40' or a range '40-50' (one quantity)."""
    low, _, high = text.partition("-") if not text.startswith("-") else (text, "", "")
    return _round(float(low)), (_round(float(high)) if high else None)


def fact_value(fact) -> tuple[float, float | None]:
    return _round(fact.value), (_round(fact.value_high) if fact.value_high is not None else None)


def fact_unit(fact) -> str | None:
    """The unit a fact would be scored with: its unit, or for a count its counted noun."""
    if fact.unit:
        return fact.unit
    return fact.object.lower().rstrip("s") if fact.object and fact.kind == "count" else None


def gold_meaning(name: str) -> str | None:
    """What a gold unit name means (pint reads 'megabyte' and 'metre per second' as written)."""
    name = name.lower()
    return unit_meaning(GOLD_UNITS[name]) if name in GOLD_UNITS else unit_meaning(name)


def nlp_models():
    from flows.nlp import load_model

    model = Settings().model_name
    return load_model(model, "sentences"), load_model(model, "parse")


def _singular(word: str | None) -> str:
    """Objects compare as lower-case singulars: the gold writes 'hostages', facts the lemma 'hostage'."""
    word = (word or "").lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def eval_seed_facts(splitter, parser) -> None:
    gold = json.loads((EVAL_DIR / "seeds_facts_gold.json").read_text(encoding="utf-8"))
    docs, _ = clean_all(sorted(SEEDS.glob("*.txt")))
    names = sorted(docs)
    found = dict(zip(names, facts_for_texts(splitter, parser, [docs[n].readable_body
                                                               for n in names])))
    hits = {"value": 0, "qualifier": 0, "object": 0, "kind": 0}
    misses = []
    for want in gold["facts"]:
        evidence = comparable(want["evidence"])
        in_sentence = [f for f in found[want["file"]] if evidence in comparable(f.sentence)]
        match = next((f for f in in_sentence if _round(f.value) == _round(want["value"])
                      and (want["value_high"] is None or f.value_high == want["value_high"])), None)
        if match is None:
            misses.append(f"  missed: {want['evidence']!r} = {want['value']} "
                          f"(got {[(f.text, f.value) for f in in_sentence]})")
            continue
        hits["value"] += 1
        hits["qualifier"] += (match.qualifier or "").lower() == (want["qualifier"] or "").lower()
        hits["object"] += _singular(match.object) == _singular(want["object"])
        hits["kind"] += match.kind == want["kind"]
        for key in ("qualifier", "object", "kind"):
            same = _singular if key == "object" else lambda v: (v or "").lower()
            if same(getattr(match, key)) != same(want[key]):
                misses.append(f"  {key}: {want['evidence']!r} gold {want[key]!r} got {getattr(match, key)!r}")
    leaked = [bad["evidence"] for bad in gold["must_not_extract"]
              if any(comparable(bad["evidence"]) in comparable(f.sentence) for f in found[bad["file"]])]
    total = len(gold["facts"])
    print("## Numeric facts: seeds")
    print(f"value (and value_high) in the right sentence: {hits['value']} / {total}")
    for key in ("qualifier", "object", "kind"):
        print(f"{key} correct: {hits[key]} / {total}")
    print(f"must_not_extract numbers extracted: {len(leaked)} / {len(gold['must_not_extract'])}")
    if misses:
        print("\n".join(misses))


def score_quantities(found: list[list], items: list[dict]):
    """(value P/R/F1, value+unit P/R/F1) of the facts found per sentence (ordinals left out, as the
    gold counts cardinal quantities only) against the gold quantities of the same sentences."""
    cardinal = [[f for f in fs if f.kind != "ordinal"] for fs in found]
    pred_v = [[fact_value(f) for f in fs] for fs in cardinal]
    gold_v = [[gold_value(q["value"]) for q in item["quantities"]] for item in items]
    pred_u = [[(fact_value(f), unit_meaning(fact_unit(f))) for f in fs] for fs in cardinal]
    gold_u = [[(gold_value(q["value"]), gold_meaning(q["normalized_unit"])) for q in item["quantities"]]
              for item in items]
    return value_f1(pred_v, gold_v), value_f1(pred_u, gold_u)


def quantity_items() -> dict[str, list[dict]]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((EVAL_DIR / "quantities_dev").glob("*.json"))}


def eval_quantities(splitter, parser) -> None:
    print("\n## Numeric facts: quantities_dev (micro P/R/F1 over quantities)")
    all_found, all_items = [], []
    for name, items in quantity_items().items():
        found = facts_for_texts(splitter, parser, [item["text"] for item in items])
        v, u = score_quantities(found, items)
        print(f"{name:<12} sentences={len(items):>4}  value P={v[0]:.3f} R={v[1]:.3f} F1={v[2]:.3f}  "
              f"value+unit F1={u[2]:.3f}")
        all_found += found
        all_items += items
    v, u = score_quantities(all_found, all_items)
    print(f"{'overall':<12} value F1={v[2]:.3f}  value+unit F1={u[2]:.3f}")


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def _matches(gold: dict, fact) -> bool:
    """The gold quantity's value (and upper end), or for a vague amount any value in its range
    (the scoring of ../shared/eval/README.md)."""
    if gold.get("vague") and gold["value_high"] is not None:
        return gold["value"] <= fact.value <= gold["value_high"]
    return _same_value(gold["value"], fact.value) and _same_value(gold["value_high"], fact.value_high)


def _same_unit(gold: dict, fact) -> bool:
    """Units that mean the same; a unitless count matches a unitless gold or one naming what it counts."""
    if fact.unit is None and fact.kind == "count":
        return gold["unit"] is None or unit_meaning(gold["unit"]) == unit_meaning(fact.object)
    return unit_meaning(gold["unit"]) == unit_meaning(fact.unit)


def _same_bound(gold: dict, fact) -> bool:
    if gold.get("vague") and gold["bound"] == "range":
        return fact.bound in ("range", "~", "=")
    return gold["bound"] == fact.bound


def match_sentence(golds: list[dict], facts: list) -> list[tuple[dict, object]]:
    """Each gold quantity with one unused prediction of its sentence that matches it."""
    unused, pairs = list(facts), []
    for gold in golds:
        fact = next((f for f in unused if _matches(gold, f)), None)
        if fact is not None:
            unused.remove(fact)
            pairs.append((gold, fact))
    return pairs


def _f1(matched: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p, r = matched / n_pred if n_pred else 0.0, matched / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def score_news_quantities(found: list[list], items: list[dict]) -> tuple[list, list[str]]:
    """value, +unit and +bound (P, R, F1) of the facts found per sentence (ordinals left out)
    against `news_quantities_dev.json`, scored as ../shared/eval/README.md says; and a line per
    missed, extra or half-right quantity."""
    n_pred = n_gold = value = unit = bound = 0
    lines = []
    for item, fs in zip(items, found):
        facts = [f for f in fs if f.kind != "ordinal"]
        pairs = match_sentence(item["quantities"], facts)
        n_pred, n_gold, value = n_pred + len(facts), n_gold + len(item["quantities"]), value + len(pairs)
        unit += sum(_same_unit(g, f) for g, f in pairs)
        bound += sum(_same_bound(g, f) for g, f in pairs)
        matched = [f for _, f in pairs]
        lines += [f"extra   {item['id']}: {f.text!r} = {f.value:g} {f.unit} {f.bound}" for f in facts if f not in matched]
        lines += [f"wrong   {item['id']}: {f.text!r} unit {f.unit!r}/{g['unit']!r} bound {f.bound}/{g['bound']}"
                  for g, f in pairs if not (_same_unit(g, f) and _same_bound(g, f))]
        lines += [f"missed  {item['id']}: {g['surface']!r} = {g['value']:g} {g['unit']} {g['bound']}  | {item['text'][:140]}"
                  for g in item["quantities"] if all(g is not p for p, _ in pairs)]
    return [_f1(value, n_pred, n_gold), _f1(unit, n_pred, n_gold), _f1(bound, n_pred, n_gold)], lines


def eval_news_quantities(splitter, parser) -> None:
    items = json.loads((EVAL_DIR / "news_quantities_dev.json").read_text(encoding="utf-8"))
    found = facts_for_texts(splitter, parser, [item["text"] for item in items])
    (v, u, b), lines = score_news_quantities(found, items)
    n_gold = sum(len(item["quantities"]) for item in items)
    print(f"\n## Numeric facts: news_quantities_dev ({len(items)} news sentences, {n_gold} quantities; "
          "units compared by meaning)")
    print(f"value P={v[0]:.3f} R={v[1]:.3f} F1={v[2]:.3f}  +unit F1={u[2]:.3f}  +bound F1={b[2]:.3f}")
    out = Path("data/eval/news_quantities_dev.txt")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
    kinds = {kind: sum(line.startswith(kind) for line in lines) for kind in ("missed", "extra", "wrong")}
    print(f"missed {kinds['missed']}, extra {kinds['extra']}, unit or bound wrong {kinds['wrong']}: listed in {out}")
    right, matched = objects_right(found, items)
    print(f"object (lemma of what is counted or measured) right on the quantities found: {right} / {matched}")


def objects_right(found: list[list], items: list[dict]) -> tuple[int, int]:
    """How many gold quantities found carry the gold object, of how many found."""
    pairs = [pair for item, facts in zip(items, found)
             for pair in match_sentence(item["quantities"], [f for f in facts if f.kind != "ordinal"])]
    return sum((f.object or None) == (g["object"] or None) for g, f in pairs), len(pairs)


def _peer_excluded(text: str, quantity: dict) -> bool:
    """A year or an identifier ("Voyager 2", "English 101"): a number there, not a fact here."""
    if quantity["unit"] != "dimensionless":
        return False
    surface = quantity["surface"].strip()
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", surface):
        return True
    at = text.find(surface)
    before = text[:at].split()[-1:] if at > 0 else []
    return bool(before) and before[0][:1].isupper() and before[0].isalpha()


def _four(value: float | None) -> float | None:
    """Four significant digits: the peer writes a third as 0.333333, the guide as 0.3333."""
    return float(f"{value:.4g}") if value is not None else None


def eval_peer_quantities(splitter, parser) -> None:
    folder = EVAL_DIR / "peer_quantulum3"
    items = [item for name in ("quantities.json", "quantities.ambiguity.json")
             for item in json.loads((folder / name).read_text(encoding="utf-8"))]
    found = facts_for_texts(splitter, parser, [item["req"] for item in items])
    pred, gold = [], []
    for item, facts in zip(items, found):
        excluded = [q["surface"].strip() for q in item["res"] if _peer_excluded(item["req"], q)]
        pred.append([(_four(f.value), _four(f.value_high)) for f in facts
                     if f.kind != "ordinal" and not any(f.text in s or s in f.text for s in excluded)])
        gold.append([(_four(q["value"] - (q.get("uncertainty") or 0)),
                      _four(q["value"] + q["uncertainty"] if q.get("uncertainty") else None))
                     for q in item["res"] if not _peer_excluded(item["req"], q)])
    v = value_f1(pred, gold)
    print(f"peer suite (quantulum3's tests, {len(items)} sentences, years and identifiers excluded): "
          f"value P={v[0]:.3f} R={v[1]:.3f} F1={v[2]:.3f}")


def _name_key(name: str) -> str:
    """Names compare case-insensitively and without a leading 'the'."""
    return re.sub(r"^the\s+", "", comparable(name).casefold())


def eval_entities(ner) -> None:
    gold = json.loads((EVAL_DIR / "seeds_entities_gold.json").read_text(encoding="utf-8"))
    docs, _ = clean_all(sorted(SEEDS.glob("*.txt")))
    names = sorted(docs)
    started = time.perf_counter()
    list(ner.pipe((entity_input(docs[n].preamble, docs[n].body_text)[0] for n in names), batch_size=32))
    ner_seconds = time.perf_counter() - started
    started = time.perf_counter()  # the run's entity stage: the same NER, then mentions and their resolution
    mentions = dict(zip(names, resolve_among(list(document_mentions(ner, [docs[n] for n in names])))))
    resolve_seconds = time.perf_counter() - started - ner_seconds
    found = {label: [0, 0] for label in ("PERSON", "ORG", "GPE")}
    alias_ok = alias_total = must_not_found = 0
    problems, blinken_ids = [], set()
    for document in gold["documents"]:
        doc_mentions = mentions[document["file"]]
        by_label: dict[str, set[str]] = {}
        for m in doc_mentions:
            by_label.setdefault(m.label, set()).add(_name_key(m.canonical_name))
            if m.canonical_name == "Antony Blinken":
                blinken_ids.add(m.entity_id)
        for label in found:
            accepted = by_label.get(label, set()) | (by_label.get("LOC", set()) if label == "GPE" else set())
            for name in document[label]:
                found[label][1] += 1
                if _name_key(name) in accepted:
                    found[label][0] += 1
                else:
                    problems.append(f"  {document['file'][:3]} {label} not found: {name}")
        for alias, canonical in document["alias"].items():
            alias_total += 1
            resolved = {m.canonical_name for m in doc_mentions if _name_key(m.name) == _name_key(alias)}
            if resolved == {canonical}:
                alias_ok += 1
            else:
                problems.append(f"  {document['file'][:3]} alias {alias!r} -> {sorted(resolved)} (want {canonical})")
        present = {_name_key(m.canonical_name) for m in doc_mentions} | {_name_key(m.text) for m in doc_mentions}
        for name in document["must_not"]:
            if _name_key(name) in present:
                must_not_found += 1
                problems.append(f"  {document['file'][:3]} must_not present: {name}")
    print("## Entities: seeds")
    for label, (ok, total) in found.items():
        print(f"{label} canonical names found: {ok} / {total} ({100 * ok / total:.0f} %)")
    print(f"aliases resolving to the canonical entity: {alias_ok} / {alias_total}")
    print(f"must_not names present: {must_not_found}")
    print(f"'Antony Blinken' entity ids across the seeds: {len(blinken_ids)}")
    print(f"entity resolution cost over bare spaCy NER: {100 * resolve_seconds / ner_seconds:.1f} %")
    published = {n: docs[n].published_date for n in names}
    print("published_date: " + ", ".join(f"{n[:3]}={published[n]}" for n in names))
    quotes = {n: extract_quotes(docs[n].body_text, mentions[n]) for n in names}
    with_speaker = sum(1 for qs in quotes.values() for q in qs if q.speaker_entity_id)
    print(f"quotes: {sum(len(qs) for qs in quotes.values())}, with a speaker entity: {with_speaker} "
          f"(listed below to check by eye)")
    entity_names = {m.entity_id: m.canonical_name for ms in mentions.values() for m in ms}
    for n in names:
        for q in quotes[n]:
            if q.speaker_entity_id:
                print(f"  {n[:3]} {entity_names.get(q.speaker_entity_id)!s:<20} {q.verb or '(runs on)':<12} “{q.quote[:60]}”")
    if problems:
        print("\n".join(problems))


def eval_quantities_through_the_pipeline() -> None:
    """The same sentences fed through `newsfacts run` as one JSONL record each, scored from the
    warehouse's facts table: the path a held-out set takes."""
    import subprocess
    import tempfile
    from types import SimpleNamespace

    import duckdb

    items = {f"{name}-{n}": item for name, sentences in quantity_items().items()
             for n, item in enumerate(sentences)}
    with tempfile.TemporaryDirectory() as tmp:
        inbox, db = Path(tmp) / "sentences.jsonl", Path(tmp) / "eval.duckdb"
        inbox.write_text("".join(json.dumps({"id": key, "text": item["text"]}) + "\n" for key, item in items.items()),
                         encoding="utf-8")
        started = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(inbox), "--db", str(db)],
                             capture_output=True, text=True, cwd=PROJECT_ROOT)
        seconds = time.perf_counter() - started
        if run.returncode not in (0, 3):
            print(f"newsfacts run failed (exit {run.returncode}):\n{run.stderr[-2000:]}")
            return
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.sql("SELECT d.external_id, f.value, f.value_high, f.unit, f.object, f.kind FROM facts f "
                           "JOIN documents d USING (doc_id)").fetchall()
    found: dict[str, list] = {key: [] for key in items}
    for key, *values in rows:
        found[key].append(SimpleNamespace(**dict(zip(("value", "value_high", "unit", "object", "kind"), values))))
    v, u = score_quantities(list(found.values()), list(items.values()))
    print(f"{'via newsfacts run':<12} value F1={v[2]:.3f}  value+unit F1={u[2]:.3f}  "
          f"({len(items)} one-sentence JSONL records, {seconds:.0f} s including start-up)")


JUDGED = Path(__file__).with_name("judged")


def _share(rows: list[dict], key: str, among: str | None = None) -> str:
    pool = [r for r in rows if among is None or r["judgement"].get(among)]
    judged = [r for r in pool if r["judgement"].get(key) is not None]
    right = sum(bool(r["judgement"][key]) for r in judged)
    return f"{right}/{len(judged)} ({100 * right / len(judged):.1f} %)" if judged else "-"


def eval_judged_samples() -> None:
    """Precision read by hand on samples drawn by evaluation/sample_entities.py and judged in
    evaluation/judged/: the figures, and how many judged rows the current code still produces
    (a row it no longer produces was judged on older output: re-draw and re-judge)."""
    from evaluation.sample_entities import rows_of

    for path in sorted(JUDGED.glob("entities_*.json")):
        judged = json.loads(path.read_text(encoding="utf-8"))
        samples = judged["samples"]
        print(f"\n## Entities, quotes, dates judged by hand: {path.name} (seed {judged['seed']}, "
              f"{len(judged['pages'])} pages)")
        m, q, d = samples["mention"], samples["quote"], samples["date"]
        print(f"mentions: span is an entity {_share(m, 'span_is_entity')}, label right {_share(m, 'label_right')}, "
              f"linked to the right thing {_share(m, 'link_right')}")
        print(f"quotes: real {_share(q, 'real_quote')}, right speaker {_share(q, 'speaker_right', 'real_quote')}, "
              f"a speaker found {_share(q, 'speaker_found', 'real_quote')}")
        print(f"dates: a date {_share(d, 'is_date')}, the right day {_share(d, 'value_right', 'is_date')}")
        pages = [PROJECT_ROOT / p for p in judged["pages"]]  # relative to the project, or absolute
        if all(p.exists() for p in pages):
            now = rows_of(pages)
            keys = ("page", "start", "text", "label", "canonical_name", "quote", "speaker", "date")
            current = {kind: {tuple(r.get(k) for k in keys) for r in rows} for kind, rows in now.items()}
            still = sum(tuple(r.get(k) for k in keys) in current[kind] for kind, rows in samples.items() for r in rows)
            print(f"judged rows the current code still produces as judged: {still} / {sum(map(len, samples.values()))}")


def main() -> int:
    if not EVAL_DIR.exists():
        print(f"No evaluation data at {EVAL_DIR}: nothing to measure (set NEWSFACTS_EVAL_DIR).")
        return 0
    print(f"Gold from {EVAL_DIR}\n")
    eval_seed_lines()
    eval_page_sources()
    print("\n## Body extraction (word 4-gram shingles, macro P/R, F1 of averages)")
    for kind in ("txt", "html"):
        eval_zyte(kind)
    print()
    splitter, parser = nlp_models()
    eval_seed_facts(splitter, parser)
    eval_quantities(splitter, parser)
    eval_quantities_through_the_pipeline()
    eval_news_quantities(splitter, parser)
    eval_peer_quantities(splitter, parser)
    print()
    from flows.nlp import load_model

    eval_entities(load_model(Settings().model_name, "ner"))
    eval_judged_samples()
    return 0


if __name__ == "__main__":
    sys.exit(main())
