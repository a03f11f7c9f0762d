"""The policy's package graph has no cycle (DESIGN.md: a base package that imports no program; programs
read the base; statuses that depend on program outcomes sit in a layer above clauses 5 and 6).

Every non-test ``.rego`` file under policies/socialaid is read for its package, its imports and every
``data.socialaid.<…>`` reference (comments left out); each reference is resolved to the longest package
it names (``data.socialaid.tekun.supported_member_ids`` → ``socialaid.tekun``; ``data.socialaid.rules`` is
bundle data, not a package, and is no edge). The root package ``socialaid`` holds the entrypoints and
may read every package; no package may read it.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import ROOT

POLICIES = ROOT / "policies" / "socialaid"
_PACKAGE = re.compile(r"(?m)^package\s+([\w.]+)")
_REF = re.compile(r"\bdata\.(socialaid(?:\.\w+)*)")
_IMPORT = re.compile(r"(?m)^import\s+data\.(socialaid(?:\.\w+)*)(?:\s+as\s+\w+)?\s*$")


def _code(text: str) -> str:
    """The Rego without comments (a ``#`` outside a string starts one)."""
    out = []
    for line in text.splitlines():
        in_string = False
        for i, ch in enumerate(line):
            if ch == '"' and (i == 0 or line[i - 1] != "\\"):
                in_string = not in_string
            elif ch == "#" and not in_string:
                line = line[:i]
                break
        out.append(line)
    return "\n".join(out)


def package_graph(root: Path = POLICIES) -> dict[str, set[str]]:
    """{package: packages it reads}, over every non-test .rego file under root."""
    sources: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.rego")):
        if path.name.endswith("_test.rego"):
            continue
        code = _code(path.read_text("utf-8"))
        package = _PACKAGE.search(code)
        assert package, f"{path}: no package"
        sources.setdefault(package.group(1), []).append(code)
    packages = set(sources)
    graph: dict[str, set[str]] = {p: set() for p in packages}
    for package, codes in sources.items():
        for code in codes:
            for ref in [*_IMPORT.findall(code), *_REF.findall(code)]:
                target = _resolve(ref, packages)
                if target and target != package:
                    graph[package].add(target)
    return graph


def _resolve(ref: str, packages: set[str]) -> str | None:
    """The longest package a reference names; the root package only when it is named exactly."""
    parts = ref.split(".")
    for n in range(len(parts), 1, -1):
        candidate = ".".join(parts[:n])
        if candidate in packages:
            return candidate
    return "socialaid" if ref == "socialaid" or ref.split(".")[1] in {"decision", "explanation", "batch"} else None


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle found by a depth-first search (each reported once, from where it was entered)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif not state.get(nxt):
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            visit(node, [node])
    return found


def test_the_graph_reader_sees_imports_references_and_cycles(tmp_path: Path) -> None:
    (tmp_path / "a.rego").write_text(
        "package socialaid.a\n\nimport data.socialaid.b\n\n# data.socialaid.c in a comment\nx := b.y\n",
        encoding="utf-8",
    )
    (tmp_path / "b.rego").write_text(
        'package socialaid.b\n\ny := data.socialaid.c.z\n\nw := "#"\n\nv := data.socialaid.rules\n', encoding="utf-8"
    )
    (tmp_path / "c.rego").write_text("package socialaid.c\n\nz := data.socialaid.a.x\n", encoding="utf-8")
    (tmp_path / "c_test.rego").write_text("package socialaid.c_test\n\nt := data.socialaid.c.z\n", encoding="utf-8")
    graph = package_graph(tmp_path)
    assert graph == {"socialaid.a": {"socialaid.b"}, "socialaid.b": {"socialaid.c"}, "socialaid.c": {"socialaid.a"}}
    assert cycles(graph) == [["socialaid.a", "socialaid.b", "socialaid.c", "socialaid.a"]]
    assert cycles({"p": {"q"}, "q": set()}) == []


def test_the_policy_package_graph_has_no_cycle() -> None:
    graph = package_graph()
    assert {"socialaid", "socialaid.facts", "socialaid.status", "socialaid.dibao", "socialaid.tekun"} <= set(graph)
    found = cycles(graph)
    assert not found, "package cycles: " + "; ".join(" -> ".join(c) for c in found)


def test_the_base_reads_no_program_and_nothing_reads_the_entrypoints() -> None:
    graph = package_graph()
    infrastructure = {"socialaid.lib", "socialaid.params", "socialaid.mode"}
    assert graph["socialaid.facts"] <= infrastructure, graph["socialaid.facts"]
    assert graph["socialaid.tekun"] <= infrastructure | {"socialaid.facts"}, graph["socialaid.tekun"]
    readers_of_root = sorted(p for p, reads in graph.items() if "socialaid" in reads)
    assert not readers_of_root, readers_of_root
    # the later programs read outcomes of clauses 5 and 6 through socialaid.status, not the programs
    later = ["price_subsidy", "medical", "education", "housing", "employment", "services"]
    direct = sorted(
        f"socialaid.{p} -> {q}" for p in later for q in graph[f"socialaid.{p}"] & {"socialaid.dibao", "socialaid.tekun"}
    )
    assert not direct, direct
