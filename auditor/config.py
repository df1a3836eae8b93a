"""Configuration: ``[tool.auditor]`` in pyproject.toml, or an auditor.toml, found upward from a checked path.

    [tool.auditor]
    select = ["S", "P"]          # codes or prefixes; default: all rules
    ignore = ["P101"]
    fail-on = "warning"          # error (default) | warning | info | never
    lang = "en"                  # zh (default) | en
    report-year = 2023           # otherwise inferred from the report's title
    [tool.auditor.grades]        # grade bands: the lowest total that earns each grade
    "优秀" = 90
    "良好" = 75
    "合格" = 60
    "不合格" = 0
    [tool.auditor.tolerance]
    percent = "0.01"             # extra slack for percentages, in percentage points
    amount = "0"                 # extra slack for amounts, in the stated figure's unit

Command-line options override the file. In auditor.toml the keys may stand at the top level
or under [tool.auditor].
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(Exception):
    """A configuration that cannot be used; ``message(lang)`` says why in the run's language."""

    def __init__(self, source: object, zh: str, en: str) -> None:
        super().__init__(f"{source}: {en}")
        self.source, self.zh, self.en = str(source), zh, en

    def message(self, lang: str) -> str:
        return f"{self.source}：{self.zh}" if lang != "en" else f"{self.source}: {self.en}"


@dataclass(frozen=True)
class Config:
    """The effective settings of one run: defaults, then the configuration file, then the command line."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    lang: str = "zh"
    report_year: int | None = None
    tolerance_percent: Decimal = Decimal(0)
    tolerance_amount: Decimal = Decimal(0)
    source: str | None = None  # the file this configuration came from
    extra: dict[str, object] = field(default_factory=dict, hash=False, compare=False)

    def merged(self, **overrides: object) -> Config:
        """This configuration with command-line values (those not None) on top."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def _as_list(value: object, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(source, f"{key} 须为规则代码的列表", f"{key} must be a list of rule codes")


def _decimal(value: object, key: str, source: str) -> Decimal:
    try:
        result = Decimal(str(value))
    except InvalidOperation:
        raise ConfigError(source, f"{key} 须为数字", f"{key} must be a number") from None
    if result < 0:
        raise ConfigError(source, f"{key} 不能为负数", f"{key} must not be negative")
    return result


def _grades(value: object, source: str) -> dict[str, Decimal]:
    """[tool.auditor.grades]: each grade word with the lowest total score that earns it."""
    if not isinstance(value, dict) or len(value) < 2:
        example = '{"优" = 90, "良" = 80, "中" = 60, "差" = 0}'
        raise ConfigError(
            source,
            f"grades 须列出至少两个等级及各自所需的最低总分，如 {example}",
            f"grades must give at least two grades, each with the lowest total score that earns it, e.g. {example}",
        )
    return {str(word): _decimal(lower, f"grades.{word}", source) for word, lower in value.items()}


def _disclosure(value: object, source: str) -> dict[str, tuple[str, ...]]:
    """[tool.auditor.disclosure]: the titles of the tables a 部门决算 (final-tables) or 部门预算
    (budget-tables) must hold."""
    keys = ("final-tables", "budget-tables")
    if not isinstance(value, dict) or set(value) - set(keys):
        raise ConfigError(
            source,
            "disclosure 只接受 final-tables 和 budget-tables 两项，各为表名的列表",
            "disclosure takes final-tables and budget-tables, lists of table titles",
        )
    out = {}
    for key, titles in value.items():
        if (
            not isinstance(titles, list)
            or not titles
            or not all(isinstance(t, str) and t.strip() for t in titles)
        ):
            raise ConfigError(
                source, f"disclosure.{key} 须为表名的列表", f"disclosure.{key} must be a list of table titles"
            )
        out[key] = tuple(t.strip() for t in titles)
    return out


def parse_table(table: dict, source: str) -> Config:
    known = {
        "select",
        "ignore",
        "fail-on",
        "fail_on",
        "lang",
        "report-year",
        "report_year",
        "tolerance",
        "grades",
        "disclosure",
    }
    extra = {k: v for k, v in table.items() if k not in known}
    if "grades" in table:
        extra["grades"] = _grades(table["grades"], source)
    if "disclosure" in table:
        extra["disclosure"] = _disclosure(table["disclosure"], source)
    config = Config(source=source, extra=extra)
    if "select" in table:
        config = replace(config, select=_as_list(table["select"], "select", source))
    if "ignore" in table:
        config = replace(config, ignore=_as_list(table["ignore"], "ignore", source))
    fail_on = table.get("fail-on", table.get("fail_on"))
    if fail_on is not None:
        if fail_on not in FAIL_ON:
            raise ConfigError(
                source,
                f"fail-on 须为 {'、'.join(FAIL_ON)} 之一",
                f"fail-on must be one of {', '.join(FAIL_ON)}",
            )
        config = replace(config, fail_on=fail_on)
    lang = table.get("lang")
    if lang is not None:
        if lang not in ("zh", "en"):
            raise ConfigError(source, "lang 须为 zh 或 en", "lang must be zh or en")
        config = replace(config, lang=lang)
    year = table.get("report-year", table.get("report_year"))
    if year is not None:
        if not isinstance(year, int) or not 1990 <= year <= 2100:
            raise ConfigError(
                source, "report-year 须为年份，如 2023", "report-year must be a year such as 2023"
            )
        config = replace(config, report_year=year)
    tolerance = table.get("tolerance", {})
    if not isinstance(tolerance, dict):
        raise ConfigError(source, "tolerance 须为表（[tool.auditor.tolerance]）", "tolerance must be a table")
    if "percent" in tolerance:
        config = replace(
            config, tolerance_percent=_decimal(tolerance["percent"], "tolerance.percent", source)
        )
    if "amount" in tolerance:
        config = replace(config, tolerance_amount=_decimal(tolerance["amount"], "tolerance.amount", source))
    return config


def load_file(path: Path) -> Config | None:
    """The [tool.auditor] table of a pyproject.toml / auditor.toml (None when it has none)."""
    if sys.version_info >= (3, 11):  # imported here: most runs find no configuration file (3 ms)
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(path, f"无法读取配置：{exc}", f"cannot read configuration: {exc}") from None
    table = data.get("tool", {}).get("auditor")
    if table is None and path.name == "auditor.toml":
        table = {k: v for k, v in data.items() if k != "tool"}
    if table is None:
        return None
    return parse_table(table, str(path))


@lru_cache(maxsize=256)
def find_config(start: Path) -> Config:
    """The nearest configuration at or above ``start`` (a directory); defaults when none."""
    for directory in [start, *start.parents]:
        for name in ("auditor.toml", "pyproject.toml"):
            candidate = directory / name
            if candidate.is_file():
                found = load_file(candidate)
                if found is not None:
                    return found
    return Config()


def config_for(path: Path) -> Config:
    target = path.resolve()
    return find_config(target if target.is_dir() else target.parent)
