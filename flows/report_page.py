"""`newsfacts report --html DIR`: fetch what the page shows (sql/page/, sql/reports/) and write it
(transforms/report_page.py draws it)."""

from __future__ import annotations

from pathlib import Path

from flows import warehouse
from flows.reports import reports
from transforms.report_page import bar_chart, claim_charts, line_chart, page


def write_page(db_path: Path, out_dir: Path) -> Path:
    """out_dir/report.html: claims that disagree, the entity leaderboard, facts per outlet and the
    data-quality trend of the warehouse at db_path."""
    con = warehouse.viewer(db_path)
    try:
        leaderboard = reports()["entity_leaderboard"]
        entities = con.execute(leaderboard.sql, leaderboard.bind({"limit": "15"})).fetchall()
        outlets = con.execute(warehouse.sql("page/facts_per_outlet")).fetchall()
        trend = con.execute(warehouse.sql("page/dq_trend")).fetchall()
        points = con.execute(warehouse.sql("page/claim_points")).fetchall()
        generated = con.execute("SELECT format('{} documents, {} facts, {} claims; generated {}', "
                                "(SELECT count(*) FROM documents), (SELECT count(*) FROM facts), "
                                "(SELECT count(DISTINCT claim_id) FROM claims), strftime(now(), '%Y-%m-%d %H:%M %Z'))"
                                ).fetchone()[0]
    finally:
        con.close()
    sections = [(f"Claim: {claim}", "Each version of the claim, in the order the documents were published.", chart)
                for claim, chart in claim_charts(points)] or [("Claims that disagree", "", "")]
    sections += [
        ("Entity leaderboard", "Stories naming each entity (versions of one story count once).",
         bar_chart([(f"{name} ({label})", stories) for name, label, stories, *_ in entities])),
        ("Facts per outlet", "Numeric facts read from each outlet's documents (ordinals aside).",
         bar_chart([(outlet, n) for outlet, n in outlets])),
        ("Data-quality trend", "Share of data-quality checks passed, per run, oldest first.",
         line_chart([(at.strftime("%m-%d %H:%M"), round(100 * passed / checks, 1)) for _, at, checks, passed in trend],
                    y_max=100, y_label="% passed")),
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "report.html"
    path.write_text(page("newsfacts warehouse", generated, sections), encoding="utf-8")
    return path


BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def screenshot(page_path: Path, png_path: Path, timeout: float = 120) -> Path:
    """A headless browser's rendering of the page, saved as a PNG; FileNotFoundError when no
    browser is installed (on Debian: apt-get install chromium)."""
    import shutil
    import subprocess
    import tempfile

    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        raise FileNotFoundError(f"no headless browser ({', '.join(BROWSERS)}) on PATH: apt-get install chromium")
    with tempfile.TemporaryDirectory() as profile:  # (a profile of its own: nothing read from or left in $HOME)
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--user-data-dir={profile}", "--window-size=800,2000", f"--screenshot={png_path}",
                        page_path.resolve().as_uri()], check=True, capture_output=True, timeout=timeout)
    return png_path
