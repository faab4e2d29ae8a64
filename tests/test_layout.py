"""The house's layout holds: the stages import only earlier stages, and no module imports
itself in a circle (imports inside functions and under TYPE_CHECKING included).

    base (models, messages, errors, dates, municipalities, ruledata, sandbox)
      < read < structure < judge, review < outputs < pipeline < batch, precheck < evaluate < cli
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "minutes_checker"

STAGES = {
    "models": 0, "messages": 0, "errors": 0, "dates": 0, "municipalities": 0, "ruledata": 0,
    "read": 1, "structure": 2, "judge": 3, "review": 3, "outputs": 4, "pipeline": 5, "batch": 6,
    "precheck": 6, "sandbox": 0, "evaluate": 7, "cli": 8, "__main__": 9, "__init__": 0,
}  # fmt: skip


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports_of(name: str, path: Path) -> set[str]:
    """Every minutes_checker module `name` imports, resolved to modules where it can be."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            targets = [
                f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in MODULES else origin
                for alias in node.names
            ]
        else:
            continue
        found.update(t for t in targets if t.startswith("minutes_checker") and t in MODULES)
    found.discard(name)
    return found


GRAPH = {name: imports_of(name, path) for name, path in MODULES.items()}


def stage(name: str) -> int:
    parts = name.split(".")
    return STAGES[parts[1]] if len(parts) > 1 else 0


def test_every_top_level_module_has_a_stage() -> None:
    tops = {name.split(".")[1] for name in MODULES if "." in name}
    assert tops <= set(STAGES), f"modules without a stage: {sorted(tops - set(STAGES))}"


def backward_imports(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{name} imports {target}"
        for name, targets in graph.items()
        for target in sorted(targets)
        if stage(target) > stage(name)
    ]


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph.get(name, ())):
            if state.get(target) == 1:
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return found


def test_no_stage_imports_a_later_stage() -> None:
    wrong = backward_imports(GRAPH)
    assert not wrong, "\n".join(wrong)


def test_no_import_circles() -> None:
    found = circles(GRAPH)
    assert not found, "\n".join(" -> ".join(c) for c in found)


def test_the_checks_can_fail() -> None:
    """A backward import and a circle in a made-up graph are found."""
    graph = {
        "minutes_checker.read.text": {"minutes_checker.judge.findings"},
        "minutes_checker.judge.findings": {"minutes_checker.judge.engine"},
        "minutes_checker.judge.engine": {"minutes_checker.judge.findings"},
    }
    assert backward_imports(graph) == [
        "minutes_checker.read.text imports minutes_checker.judge.findings"
    ]
    assert circles(graph) == [
        [
            "minutes_checker.judge.engine",
            "minutes_checker.judge.findings",
            "minutes_checker.judge.engine",
        ]
    ]
