"""House rules that a review would otherwise have to catch."""

import ast

from tests.conftest import ROOT

MAX_FUNCTION_LINES = 60


def test_no_function_in_transforms_is_longer_than_60_lines():
    long = []
    for path in sorted((ROOT / "transforms").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.name}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, "split these into named steps: " + ", ".join(long)


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}


def test_flows_and_transforms_hold_no_evaluation_or_benchmark_code():
    for folder in ("flows", "transforms"):
        for path in (ROOT / folder).glob("*.py"):
            assert not any(m.split(".")[0] == "evaluation" for m in imported_modules(path)), path
        assert not any((ROOT / folder / name).exists() for name in ("evaluate.py", "bench.py", "evaluation.py"))
