"""The package's layers, read from its imports: no module reaches up (docs/library.md, Layout)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import ROOT

PACKAGE = ROOT / "python" / "socialaid"

# lowest first; a module may import its own layer and the layers before it
LAYERS: list[set[str]] = [
    {"errors", "paths", "models"},
    {"words"},
    {"validation", "client", "verify"},
    {"server"},
    {"engine", "decide"},
    {"analysis"},
    {"population"},
    {"render"},
    {"cli", "web"},
]


def _layer(module: str) -> int:
    top = module.split(".")[1] if module.count(".") else ""
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    raise AssertionError(f"{module} is in no layer of tests/core/test_layers.py")


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("socialaid.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("socialaid"):
            if node.module == "socialaid":
                found |= {f"socialaid.{a.name}" for a in node.names}
            else:
                found.add(node.module)
    return found


def test_no_module_reaches_up() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _name(path)
        if module == "socialaid":  # the package's face names the public API of every layer
            continue
        mine = _layer(module)
        wrong += [f"{module} imports {m}" for m in sorted(_imports(path)) if _layer(m) > mine]
    assert not wrong, "\n".join(wrong)


def test_the_layer_test_can_fail(tmp_path: Path) -> None:
    module = tmp_path / "socialaid" / "words" / "bad.py"
    module.parent.mkdir(parents=True)
    module.write_text("from socialaid.engine import Engine\n", "utf-8")
    assert _layer("socialaid.words.bad") < max(_layer(m) for m in _imports(module))
