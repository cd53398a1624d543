"""The reports of sql/reports/: each file's first comment line says what it shows, and its
`-- param NAME TYPE: meaning (default: VALUE)` lines the parameters its SQL reads as $NAME."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from flows.settings import SQL_DIR

REPORTS_DIR = SQL_DIR / "reports"
_PARAM = re.compile(r"^--\s*param\s+(?P<name>[a-z_]+)\s+(?P<type>INTEGER|DATE|VARCHAR)\s*:\s*(?P<meaning>.*?)"
                    r"(?:\s*\(default:\s*(?P<default>[^)]*)\))?\s*$")
_CAST = {"INTEGER": int, "DATE": dt.date.fromisoformat, "VARCHAR": str}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    meaning: str
    default: str | None  # None: the parameter must be given

    def value(self, text: str):
        try:
            return _CAST[self.type](text.strip())
        except ValueError:
            raise ValueError(f"--param {self.name}={text!r}: expected {self.type.lower()}"
                             f"{' (YYYY-MM-DD)' if self.type == 'DATE' else ''}") from None


@dataclass(frozen=True)
class Report:
    name: str
    description: str
    params: tuple[Param, ...]
    sql: str

    def bind(self, given: dict[str, str]) -> dict:
        """The values of every parameter: given ones cast to their type, the others their default.
        ValueError names an unknown parameter, a missing one or a value of the wrong type."""
        known = {p.name: p for p in self.params}
        if unknown := [name for name in given if name not in known]:
            raise ValueError(f"report {self.name} has no parameter {', '.join(map(repr, unknown))}; "
                             f"parameters: {self.signature() or 'none'}")
        if missing := [p.name for p in self.params if p.default is None and p.name not in given]:
            raise ValueError(f"report {self.name} needs --param {missing[0]}=…: {known[missing[0]].meaning}")
        return {p.name: p.value(given[p.name] if p.name in given else p.default) for p in self.params}

    def signature(self) -> str:
        return ", ".join(p.name if p.default is None else f"{p.name}={p.default}" for p in self.params)


def read_report(path: Path) -> Report:
    lines = path.read_text(encoding="utf-8").splitlines()
    description = lines[0].removeprefix("--").strip() if lines and lines[0].startswith("--") else ""
    params = tuple(Param(m["name"], m["type"], m["meaning"], m["default"].strip() if m["default"] is not None else None)
                   for m in map(_PARAM.match, lines) if m)
    return Report(path.stem, description, params, "\n".join(lines))


def reports() -> dict[str, Report]:
    return {path.stem: read_report(path) for path in sorted(REPORTS_DIR.glob("*.sql"))}


def parse_params(pairs: list[str]) -> dict[str, str]:
    """`key=value` options as a dict; ValueError for one without '='."""
    given = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--param {pair!r}: expected key=value")
        given[key.strip()] = value
    return given
