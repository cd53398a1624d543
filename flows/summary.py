"""What a run did: the summary the flow returns, and its Markdown for the Prefect UI."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from flows.preflight import Exit
from flows.settings import Settings
from transforms.staging import Reject



@dataclass
class RunSummary:
    run_id: str
    status: str
    warehouse: str = ""
    n_seen: int = 0  # distinct documents staged
    n_new: int = 0
    n_unchanged: int = 0
    n_rejected_before: int = 0  # of the unchanged: rejected by an earlier run reading them the same way
    n_rejected: int = 0
    n_quarantined: int = 0  # rows held back by a failed row-level expectation
    rejected: list[Reject] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (uri, uri of the same bytes staged)
    quarantined: Counter = field(default_factory=Counter)  # (table, expectation) -> rows
    failed_checks: Counter = field(default_factory=Counter)  # (severity, suite, column, expectation) -> batches
    rows_added: dict[str, int] = field(default_factory=dict)
    rows_total: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the run did besides loading (a warehouse rewritten)
    started_at: dt.datetime | None = None
    seconds: float = 0.0

    @property
    def dq_warnings(self) -> Counter:
        return Counter({key: n for key, n in self.failed_checks.items() if key[0] == "warning"})

    @property
    def exit_status(self) -> Exit:
        if self.status == "failed":
            return Exit.FAILED
        return Exit.REJECTED if self.n_rejected else Exit.OK


def _cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(header: tuple[str, ...], rows: list[tuple]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    most = Settings().listed_at_most
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows[:most]]
    if len(rows) > most:
        lines.append(f"\n… and {len(rows) - most} more")
    return lines + [""]


def run_summary_markdown(summary: RunSummary) -> str:
    lines = [f"# newsfacts run `{summary.run_id[:8]}`: {summary.status}", ""]
    lines += _table(("", ""), [
        ("warehouse", f"`{summary.warehouse}`"),
        ("documents staged", f"{summary.n_seen} ({len(summary.duplicates)} duplicates skipped)"),
        ("new / unchanged / rejected", f"{summary.n_new} / {summary.n_unchanged} / {summary.n_rejected}"),
        ("rows quarantined", summary.n_quarantined),
        ("failed checks (error / warning)", "{} / {}".format(
            sum(n for k, n in summary.failed_checks.items() if k[0] == "error"), sum(summary.dq_warnings.values()))),
        ("flow time", f"{summary.seconds:.1f} s"),
    ])
    lines += ["## Rows per table", ""]
    lines += _table(("table", "rows added", "rows total"),
                    [(t, summary.rows_added.get(t, 0), n) for t, n in summary.rows_total.items()])
    sections = [
        ("Rejected inputs", ("input", "stage", "error"), [(r.source_uri, r.stage, r.error) for r in summary.rejected]),
        ("Quarantined rows", ("table", "check", "rows"),
         [(*key, n) for key, n in summary.quarantined.most_common()]),
        ("Failed checks", ("severity", "table", "column", "expectation", "batches"),
         [(*key, n) for key, n in sorted(summary.failed_checks.items())]),
        ("Duplicates skipped", ("input", "same bytes as"), summary.duplicates),
    ]
    for title, header, rows in sections:
        lines += [f"## {title}: {'none' if not rows else len(rows)}", ""]
        if rows:
            lines += _table(header, rows)
    return "\n".join(lines)
