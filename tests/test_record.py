"""The auditor's records: dataclasses compared by identity, each with a docstring (start-up cost)."""

import ast
import dataclasses
import subprocess
import sys
from pathlib import Path

from auditor.model.record import record

ROOT = Path(__file__).resolve().parents[1]


@record
class _Node:
    """A test record that can point at itself."""

    name: str
    children: list = dataclasses.field(default_factory=list)
    hidden: int = dataclasses.field(default=0, repr=False)


@record(slots=True)
class _Slim:
    """A test record with slots."""

    value: int


def test_a_record_is_a_dataclass_compared_by_identity_and_hashable():
    a, b = _Node("a"), _Node("a")
    assert dataclasses.is_dataclass(a)
    assert a == a and a != b  # two figures with the same fields are still two figures
    assert len({a, b}) == 2
    assert _Slim(1) != _Slim(1) and not hasattr(_Slim(1), "__dict__")


def test_a_record_prints_its_shown_fields_and_survives_a_cycle():
    a = _Node("a", hidden=7)
    a.children.append(a)
    assert repr(a) == "_Node(name='a', children=[...])"
    assert repr(_Slim(3)) == "_Slim(value=3)"


def _classes_without_docstring() -> list[str]:
    missing = []
    for path in sorted([*(ROOT / "auditor").rglob("*.py"), *(ROOT / "rules").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            decorated = isinstance(node, ast.ClassDef) and any(
                "dataclass" in ast.unparse(d) or "record" in ast.unparse(d) for d in node.decorator_list
            )
            if decorated and not ast.get_docstring(node):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    return missing


def test_every_dataclass_has_a_docstring():
    # without one, the dataclass decorator builds one from inspect.signature: 0.1 ms a class at start-up
    assert _classes_without_docstring() == []


def test_a_check_generates_no_repr_nor_eq_for_the_records():
    code = (
        "import dataclasses, sys\n"
        "made = []\n"
        "orig = dataclasses._process_class\n"
        "def spy(cls, init, repr, eq, *rest):\n"
        "    made.append((cls.__module__, cls.__qualname__, repr, eq, rest[2]))\n"
        "    return orig(cls, init, repr, eq, *rest)\n"
        "dataclasses._process_class = spy\n"
        "from auditor.cli import main\n"
        "sys.argv = ['auditor', 'check', '--quiet', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print([m for m in made if m[0].startswith(('auditor', 'rules')) and (m[2] or m[3]) and not m[4]])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "samples" / "final-accounts-2023.txt")],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert out.strip().splitlines()[-1] == "[]", out
