"""The warehouse's page: charts drawn as inline SVG in one HTML file (no script, no external URL),
so that it opens offline in any browser. Pure functions of rows; flows/report_page.py fetches them."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

WIDTH = 720
_CSS = """body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:760px;color:#1c2430}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
.empty{color:#6a737d;font-style:italic}svg text{font:12px system-ui,sans-serif;fill:#1c2430}
.bar{fill:#3b6ea8}.line{fill:none;stroke:#3b6ea8;stroke-width:2}.dot{fill:#c2410c}.axis{stroke:#8c959f}
.note{color:#57606a;font-size:12px}"""


def _text(x: float, y: float, s: str, anchor: str = "start", css: str = "") -> str:
    return f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}"{f" class={chr(34)}{css}{chr(34)}" if css else ""}>' \
           f"{html.escape(s)}</text>"


def _short(s: str, n: int = 34) -> str:
    return s if len(s) <= n else s[:n - 1] + "…"


def _number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() or abs(v) >= 100 else f"{v:,.2f}"


def bar_chart(rows: Sequence[tuple[str, float]]) -> str:
    """Horizontal bars, one per (label, value), longest first as given."""
    if not rows:
        return ""
    top = max(v for _, v in rows) or 1
    left, bar_h = 250, 20
    out = [f'<svg width="{WIDTH}" height="{bar_h * len(rows) + 10}" role="img">']
    for i, (label, value) in enumerate(rows):
        y = i * bar_h + 5
        w = (WIDTH - left - 70) * value / top
        out.append(_text(left - 6, y + 14, _short(label), "end"))
        out.append(f'<rect class="bar" x="{left}" y="{y + 2}" width="{w:.1f}" height="{bar_h - 6}"/>')
        out.append(_text(left + w + 6, y + 14, _number(value)))
    return "".join(out) + "</svg>"


def line_chart(points: Sequence[tuple[str, float]], y_max: float | None = None, y_label: str = "") -> str:
    """A line through (x label, y) points in order, with their values; y from 0 to y_max."""
    if not points:
        return ""
    height, left, right, top, bottom = 220, 90, 90, 36, 50
    y_max = y_max or 1.1 * max(y for _, y in points) or 1
    step = (WIDTH - left - right) / max(1, len(points) - 1)

    def xy(i: int, y: float) -> tuple[float, float]:
        return left + i * step, top + (height - top - bottom) * (1 - y / y_max)

    out = [f'<svg width="{WIDTH}" height="{height}" role="img">',
           f'<line class="axis" x1="{left - 20}" y1="{height - bottom}" x2="{WIDTH - right + 20}" y2="{height - bottom}"/>',
           _text(4, 12, y_label, css="note")]
    out.append('<polyline class="line" points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in
                                                          (xy(i, v) for i, (_, v) in enumerate(points))) + '"/>')
    for i, (label, value) in enumerate(points):
        x, y = xy(i, value)
        out.append(f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="4"/>')
        out.append(_text(x, y - 8, _number(value), "middle"))
        out.append(_text(x, height - bottom + 16 + (i % 2) * 14, _short(label, 26), "middle", "note"))
    return "".join(out) + "</svg>"


def claim_charts(points: Sequence[tuple[str, str, dt.date | None, float, str, str]]) -> list[tuple[str, str]]:
    """(claim, chart) per claim: its versions (claim_id, claim, date, value, bound, source) in date
    order, each labelled with its date (or 'undated') and source."""
    claims: dict[str, tuple[str, list]] = {}
    for claim_id, claim, date, value, bound, source in points:
        claims.setdefault(claim_id, (claim, []))[1].append(
            (f"{date.isoformat() if date else 'undated'} {source}", value, bound))
    return [(claim, line_chart([(label, value) for label, value, _ in versions], y_label="figure stated"))
            for claim, versions in claims.values()]


def page(title: str, generated: str, sections: Sequence[tuple[str, str, str]]) -> str:
    """The HTML page: a heading, then each (heading, note, chart) section; a section with no chart
    says it has no data yet."""
    body = []
    for heading, note, chart in sections:
        body.append(f"<h2>{html.escape(heading)}</h2>")
        if note:
            body.append(f'<p class="note">{html.escape(note)}</p>')
        body.append(chart or '<p class="empty">No data yet in this warehouse.</p>')
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{_CSS}</style></head><body><h1>{html.escape(title)}</h1>"
            f'<p class="note">{html.escape(generated)}</p>' + "".join(body) + "</body></html>\n")
