"""Command line: ``auditor check``, ``auditor text``, ``auditor rules``, ``auditor rule CODE``.

Exit status of ``check``: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.
Heavy modules (pydantic, python-docx, tabulate) are imported inside commands, so that
``auditor --version`` and ``--help`` start instantly.
"""

from __future__ import annotations

import sys

import click

from auditor import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(values: tuple[str, ...]) -> tuple[str, ...] | None:
    codes = tuple(c.strip() for v in values for c in v.split(",") if c.strip())
    return codes or None


def _error(message: str) -> None:
    click.echo(f"auditor: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="auditor")
def main() -> None:
    """Consistency-audit linter for Chinese public fiscal reports.

    审计财政绩效报告中前后矛盾的数字：合计、占比、同比、完成率、得分等。
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--select", multiple=True, help="Rule codes or prefixes to run (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to skip (comma-separated).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Lowest severity that makes the exit status 1 [default: error].",
)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Message language [default: zh].")
@click.option(
    "--report-year", type=int, default=None, help="The year the report is about (default: inferred)."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file."
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    lang: str | None,
    report_year: int | None,
    output: str | None,
) -> None:
    """Check report files (.txt .md .docx) and directories."""
    from pathlib import Path

    from auditor.config import ConfigError, config_for
    from auditor.engine import check_paths, fails
    from auditor.rule import RuleError

    overrides = {
        "select": _codes(select),
        "ignore": _codes(ignore),
        "fail_on": fail_on,
        "lang": lang,
        "report_year": report_year,
    }
    try:
        base = config_for(Path(paths[0])).merged(**overrides)
        report = check_paths(paths, overrides=overrides)
    except (ConfigError, RuleError) as exc:
        _error(str(exc))
        sys.exit(EXIT_ERROR)
    for error in report.errors:
        _error(f"{error.path}: {error.message}")
    if fmt == "json":
        from auditor.output import format_json

        text = format_json(report)
    else:
        from auditor.output import format_text

        text = format_text(report, base.lang)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    if report.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if fails(report, base.fail_on) else EXIT_OK)


@main.command()
@click.argument("path", type=click.Path())
@click.option("--figures", is_flag=True, help="Also list every figure extracted from each line.")
def text(path: str, figures: bool) -> None:
    """Print a document as the auditor sees it, with line numbers and tables."""
    from auditor.loaders import load
    from auditor.messages import InputError
    from auditor.textview import render

    try:
        doc = load(path)
    except InputError as exc:
        _error(f"{exc.path}: {exc.message()}")
        sys.exit(EXIT_ERROR)
    click.echo(render(doc, show_figures=figures), nl=False)


@main.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def list_rules(fmt: str) -> None:
    """List the installed rules."""
    from auditor.rule import all_rules

    rules = all_rules()
    if fmt == "markdown":
        from auditor.ruledocs import markdown

        click.echo(markdown(), nl=False)
        return
    from tabulate import tabulate

    rows = [[r.code, r.name, r.category, r.severity.value, r.summary()] for r in rules.values()]
    click.echo(tabulate(rows, headers=["code", "name", "category", "severity", "summary"]))


@main.command(name="rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Show one rule's documentation."""
    from auditor.rule import all_rules

    rule = all_rules().get(code.upper())
    if rule is None:
        _error(f"unknown rule {code}; see `auditor rules`")
        sys.exit(EXIT_ERROR)
    click.echo(f"{rule.code} ({rule.name}) — category {rule.category}, severity {rule.severity.value}\n")
    click.echo(rule.documentation())


if __name__ == "__main__":  # pragma: no cover
    main()
