"""The rule plugin API: what a rule is, how rules are found, selected and documented.

A rule is a class with a stable code (family letter + number), a kebab-case name, a
category from CATEGORIES, a default severity and a docstring in three parts (What it does,
Why is this bad?, Example) with a real bad and good example. Rules are registered through the
``auditor.rules`` entry-point group, built-in and third-party alike, and loaded only when a
command needs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import field
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, ClassVar

from auditor.messages import Message
from auditor.model.record import record
from auditor.usercache import cache_folder, mark_used, write_atomically

if TYPE_CHECKING:
    from auditor.model.document import Document

ENTRY_POINT_GROUP = "auditor.rules"

CATEGORIES = (
    "sum_total",
    "percent_share",
    "yoy_change",
    "completion_rate",
    "ratio_other",
    "score_sum",
    "score_rate",
    "score_rule",
    "grade_band",
    "count_items",
    "restatement_conflict",
    "duplicate_paragraph",
    "near_duplicate_conflict",
    "year_mismatch",
    "template_residue",
    "numbering",
    "entity_name",
    "identity",
    "survey_tally",
    "subject_name",
    "wording",
    "table_relation",
    "completeness",
    "other",
)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@record
class Context:
    """What a rule may know besides the document: settings from config and the command line."""

    report_year: int | None = None
    tolerance_percent: Decimal = Decimal(0)  # extra slack, in percentage points
    tolerance_amount: Decimal = Decimal(0)  # extra slack, in the stated figure's written unit
    options: dict[str, object] = field(default_factory=dict)


@record
class Violation:
    """What a rule reports; the engine turns it into a Finding (path, fingerprint, wording)."""

    rule: type[Rule]
    message: Message
    line: int
    column: int
    lines: list[int]
    stated: str | None
    expected: str | None
    severity: Severity
    page: int | None = None


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    title: ClassVar[str] = ""  # a short Chinese title for people: 合计与分项不符
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR

    def check(self, doc: Document, ctx: Context) -> Iterable[Violation]:
        raise NotImplementedError

    def violation(
        self,
        message: Message,
        *,
        line: int,
        column: int,
        lines: Iterable[int] = (),
        stated: str | None = None,
        expected: str | None = None,
        severity: Severity | None = None,
    ) -> Violation:
        ordered = [line]
        for other in lines:
            if other not in ordered:
                ordered.append(other)
        return Violation(
            rule=type(self),
            message=message,
            line=line,
            column=column,
            lines=ordered,
            stated=stated,
            expected=expected,
            severity=severity or self.severity,
        )

    @classmethod
    def documentation(cls) -> str:
        # Like inspect.cleandoc, but keeps TABs: examples of flattened tables start cells with one.
        first, _, rest = (cls.__doc__ or "").partition("\n")
        import textwrap

        return (first.strip() + "\n" + textwrap.dedent(rest)).strip()

    @classmethod
    def summary(cls) -> str:
        doc = cls.documentation()
        return doc.splitlines()[0] if doc else ""


class RuleError(Exception):
    """A rule that cannot be loaded or chosen; ``message(lang)`` in the run's language."""

    def __init__(self, en: str, zh: str | None = None) -> None:
        super().__init__(en)
        self.en, self.zh = en, zh or en

    def message(self, lang: str) -> str:
        return self.zh if lang != "en" else self.en


def _validate(rule: type, source: str) -> type[Rule]:
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        raise RuleError(f"{source}: not a Rule subclass")
    for attr in ("code", "name", "category"):
        if not getattr(rule, attr, None):
            raise RuleError(f"{source}: rule has no {attr}")
    if rule.category not in CATEGORIES:
        raise RuleError(f"{source}: unknown category {rule.category!r}")
    if not rule.__doc__:
        raise RuleError(f"{source}: rule {rule.code} has no documentation")
    return rule


_registry: dict[str, type[Rule]] | None = None


def _entry_point_specs() -> list[tuple[str, str]]:
    """(name, "module:attribute") of each ``auditor.rules`` entry point.

    Finding them reads the metadata of every installed distribution (30-50 ms, the largest part of a small
    check's start-up), so the list is kept in the user's cache, keyed by the metadata folders found on
    ``sys.path`` (``*.dist-info``, ``*.egg-info``, ``*.egg``) with their modification times: installing,
    upgrading or removing a package adds, renames or replaces one. An ``*.egg-info`` of a checkout installed
    in development mode is rewritten in place, file by file, so its ``entry_points.txt`` is stamped too.
    Not by the path folders' own times: ``python -m auditor`` puts the working folder on the path, and a
    folder where reports and outputs are written would have missed the cache on every run. The file is
    named by the environment (its Python and ``sys.prefix``) and holds the whole stamp: a new stamp
    overwrites its environment's list instead of adding a file.
    """
    import json
    import os
    import sys
    import zlib

    stamps = []
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                names = sorted(e.name for e in found if e.name.endswith((".dist-info", ".egg-info", ".egg")))
        except NotADirectoryError:  # a zip file: its own time
            names = [""]
        except OSError:  # a folder gone or unreadable: nothing is installed there
            continue
        for name in names:
            place = os.path.join(entry or ".", name) if name else entry
            try:
                stamps.append(f"{place}:{os.stat(place).st_mtime_ns}")
                if name.endswith(".egg-info") and os.path.isdir(place):
                    points = os.path.join(place, "entry_points.txt")
                    stamps.append(f"{points}:{os.stat(points).st_mtime_ns}")
            except OSError:  # a dangling link, a file without entry points: stamped by what it lacks
                stamps.append(f"{place}:-")
    stamp = "\n".join([sys.version, *stamps])
    # the file is named by a cheap checksum of the environment and holds the whole stamp, which is compared
    # (hashlib's OpenSSL set-up took longer than the cached read)
    here = f"{sys.version}|{sys.prefix}"
    cached = os.path.join(cache_folder(), f"rules-{zlib.crc32(here.encode()):08x}.json")
    try:
        with open(cached, encoding="utf-8") as f:
            saved = json.load(f)
        if saved["stamp"] == stamp:
            mark_used(cached)
            return [tuple(pair) for pair in saved["rules"]]
    except (OSError, ValueError, TypeError, KeyError):
        pass
    from importlib.metadata import entry_points

    specs = [(ep.name, ep.value) for ep in entry_points(group=ENTRY_POINT_GROUP)]
    try:  # a read-only or missing cache only costs the scan
        write_atomically(cached, json.dumps({"stamp": stamp, "rules": specs}).encode("utf-8"))
    except OSError:
        pass
    return specs


def _load(value: str) -> object:
    import importlib

    module, _, attribute = value.partition(":")
    target: object = importlib.import_module(module.strip())
    for part in attribute.strip().split(".") if attribute.strip() else ():
        target = getattr(target, part)
    return target


def all_rules() -> dict[str, type[Rule]]:
    """Every installed rule by code, loaded through the ``auditor.rules`` entry points."""
    global _registry
    if _registry is None:
        found: dict[str, type[Rule]] = {}
        for name, value in _entry_point_specs():
            try:
                loaded = _load(value)
            except (ImportError, AttributeError) as exc:
                raise RuleError(f"entry point {name} = {value}: {exc}") from None
            rule = _validate(loaded, f"entry point {name} = {value}")
            if rule.code in found and found[rule.code] is not rule:
                raise RuleError(
                    f"two rules claim code {rule.code}: {found[rule.code].__module__}, {rule.__module__}"
                )
            found[rule.code] = rule
        _registry = dict(sorted(found.items()))
    return _registry


def register(rule: type[Rule]) -> type[Rule]:
    """Add a rule by hand (tests, notebooks); packages should use the entry-point group."""
    all_rules()[rule.code] = _validate(rule, rule.__module__)
    return rule


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in patterns)


def select_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[type[Rule]]:
    """Rules chosen by code or prefix (``P``, ``P1``, ``P101``); ``ALL`` selects everything."""
    select = [s.strip().upper() for s in select if s.strip()]
    ignore = [s.strip().upper() for s in ignore if s.strip()]
    rules = all_rules()
    unknown = [p for p in [*select, *ignore] if p != "ALL" and not any(c.startswith(p) for c in rules)]
    if unknown:
        raise RuleError(
            "unknown rule code or prefix: " + ", ".join(unknown) + " (see `auditor rules`)",
            "没有这个规则代码或前缀：" + "、".join(unknown) + "（可用 `auditor rules` 查看全部规则）",
        )
    chosen = [r for c, r in rules.items() if (not select or _matches(c, select)) and not _matches(c, ignore)]
    return chosen


def iter_rule_docs() -> Iterator[tuple[type[Rule], str]]:
    for rule in all_rules().values():
        yield rule, rule.documentation()
