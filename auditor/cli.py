"""Command line: ``auditor check``, ``auditor annotate``, ``auditor text``, ``auditor rules``, ``auditor rule CODE``.

Exit status of ``check``: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.
Heavy modules (pydantic, python-docx, tabulate) are imported inside commands, so that
``auditor --version`` and ``--help`` start instantly.
"""

from __future__ import annotations

import sys

import click

from auditor.version import __version__

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


FORMATS = ["text", "json", "sarif", "junit", "github", "html"]


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
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
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Parallel processes [default: CPUs]."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline."
)
@click.option(
    "--write-baseline", type=click.Path(dir_okay=False), help="Write today's findings as a baseline."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=300.0,
    show_default=True,
    help="Seconds one file may take before it is reported as timed out (0: no limit).",
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
    jobs: int | None,
    quiet: bool,
    baseline: str | None,
    write_baseline: str | None,
    timeout: float,
) -> None:
    """Check report files (.txt .md .docx .pdf .doc .wps .html) and directories."""
    import gc
    import os
    from pathlib import Path

    from auditor.config import Config, ConfigError, config_for
    from auditor.engine import check_paths, collect_files, fails
    from auditor.report.baseline import BaselineError, load_baseline
    from auditor.rule import RuleError

    # A batch makes millions of short-lived objects and few reference cycles: keep what is loaded
    # out of the collector's sight and let it run less often (about a tenth of the time otherwise).
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)

    overrides = {
        "select": _codes(select),
        "ignore": _codes(ignore),
        "fail_on": fail_on,
        "lang": lang,
        "report_year": report_year,
    }
    jobs = jobs or os.cpu_count() or 1
    try:
        base = config_for(Path(paths[0])).merged(**overrides)
    except ConfigError:
        base = Config().merged(**overrides)  # that folder's error is reported with its files
    run_lang = base.lang
    for target in (output, write_baseline):
        if target and not Path(target).resolve().parent.is_dir():
            _error(_NO_FOLDER[run_lang].format(path=target))
            sys.exit(EXIT_ERROR)
    try:
        known = load_baseline(baseline) if baseline else None
        collected = collect_files(paths)
        total = len(collected.files)
        show_bar = not quiet and total > 1 and sys.stderr.isatty()
        if show_bar:
            with click.progressbar(
                length=total, label="检查中" if base.lang != "en" else "checking", file=sys.stderr
            ) as bar:
                report = check_paths(
                    paths,
                    overrides=overrides,
                    jobs=jobs,
                    keep_text=fmt == "html",
                    progress=bar.update,
                    baseline=known,
                    timeout=timeout or None,
                    collected=collected,
                )
        else:
            report = check_paths(
                paths,
                overrides=overrides,
                jobs=jobs,
                keep_text=fmt == "html",
                baseline=known,
                timeout=timeout or None,
                collected=collected,
            )
    except (ConfigError, RuleError, BaselineError) as exc:
        _error(exc.message(run_lang))
        sys.exit(EXIT_ERROR)
    for error in report.errors:
        _error(f"{error.path}: {error.message}")
    if known is not None and known.entries and not known.matched:
        _error(_UNMATCHED[run_lang].format(path=baseline, count=len(known.entries)))
    if write_baseline:
        from auditor.report.baseline import write_baseline as write

        try:
            count = write(report, write_baseline)
        except BaselineError as exc:
            _error(exc.message(run_lang))
            sys.exit(EXIT_ERROR)
        _error(_WROTE[run_lang].format(count=count, path=write_baseline))
    text = render(report, fmt, run_lang)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            _error(f"{output}: {exc.strerror or type(exc).__name__}")
            sys.exit(EXIT_ERROR)
    else:
        click.echo(text, nl=False)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if write_baseline:
        sys.exit(EXIT_OK)  # the baseline now holds every finding
    sys.exit(EXIT_FINDINGS if fails(report, base.fail_on) else EXIT_OK)


_NO_FOLDER = {
    "zh": "{path}：所在目录不存在，请先创建该目录",
    "en": "{path}: its folder does not exist; create it first",
}
_UNMATCHED = {
    "zh": "基线 {path} 中的 {count} 条记录都没有对上本次的问题：文件路径或内容是否已改动？（路径相对于基线文件所在目录）",
    "en": "none of the {count} entries of baseline {path} matched a finding of this run: did the files move or"
    " change? (paths are relative to the baseline's folder)",
}
_WROTE = {"zh": "已将 {count} 条问题写入基线 {path}", "en": "wrote {count} findings to {path}"}


def render(report, fmt: str, lang: str) -> str:
    from auditor.report import output

    if fmt == "json":
        return output.format_json(report)
    if fmt == "sarif":
        return output.format_sarif(report)
    if fmt == "junit":
        return output.format_junit(report)
    if fmt == "github":
        return output.format_github(report, lang)
    if fmt == "html":
        from auditor.report.html import format_html

        return format_html(report, lang)
    return output.format_text(report, lang)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Where to write the annotated copy (one input only) [default: NAME.审核.docx beside it].",
)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Comment language [default: zh].")
@click.option("--select", multiple=True, help="Rule codes or prefixes to run (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes or prefixes to skip (comma-separated).")
def annotate(paths: tuple[str, ...], output: str | None, lang: str | None, select, ignore) -> None:
    """Write a copy of each .docx / .pdf with a comment (批注) or highlight on every finding."""
    from pathlib import Path

    from auditor.engine import check_paths
    from auditor.messages import InputError
    from auditor.report.annotate import AnnotateError, annotate_file, default_output
    from auditor.rule import RuleError

    run_lang = lang or "zh"
    if output and len(paths) > 1:
        _error("-o 只能用于一个文件" if run_lang != "en" else "-o takes one input file")
        sys.exit(EXIT_ERROR)
    if output and not Path(output).resolve().parent.is_dir():
        _error(_NO_FOLDER[run_lang].format(path=output))
        sys.exit(EXIT_ERROR)
    overrides = {"lang": lang, "select": _codes(select), "ignore": _codes(ignore)}
    failed = False
    for raw in paths:
        path = Path(raw)
        try:
            report = check_paths([path], overrides=overrides)
        except RuleError as exc:
            _error(exc.message(run_lang))
            sys.exit(EXIT_ERROR)
        if report.errors:
            for error in report.errors:
                _error(f"{error.path}: {error.message}")
            failed = True
            continue
        target = Path(output) if output else default_output(path)
        try:
            result = annotate_file(path, report.findings, target, run_lang)
        except InputError as exc:  # AnnotateError is one: an output over the input, an unsupported type
            _error(
                exc.message(run_lang)
                if isinstance(exc, AnnotateError)
                else f"{exc.path}: {exc.message(run_lang)}"
            )
            failed = True
            continue
        if run_lang == "en":
            click.echo(
                f"{result.output}: {result.anchored} findings marked, {result.summarized} in the summary note"
            )
        else:
            click.echo(
                f"{result.output}：已标注 {result.anchored} 处，另有 {result.summarized} 条列在开头的汇总批注中"
            )
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


@main.command()
@click.argument("path", type=click.Path())
@click.option("--figures", is_flag=True, help="Also list every figure extracted from each line.")
def text(path: str, figures: bool) -> None:
    """Print a document as the auditor sees it, with line numbers and tables."""
    from auditor.engine import load
    from auditor.messages import InputError
    from auditor.report.textview import render

    try:
        doc = load(path)
    except InputError as exc:
        _error(f"{exc.path}: {exc.message()}")
        sys.exit(EXIT_ERROR)
    click.echo(render(doc, show_figures=figures), nl=False)


@main.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def list_rules(fmt: str, lang: str) -> None:
    """List the installed rules."""
    from auditor.rule import all_rules

    if fmt == "markdown":
        from auditor.report.ruledocs import markdown

        click.echo(markdown(), nl=False)
        return
    from auditor.report.rulehelp import table

    click.echo(table(all_rules(), lang))


@main.command(name="rule")
@click.argument("code")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def show_rule(code: str, lang: str) -> None:
    """Show one rule's documentation (in Chinese by default)."""
    from auditor.report.rulehelp import explain
    from auditor.rule import all_rules

    rule = all_rules().get(code.upper())
    if rule is None:
        _error(
            f"没有规则 {code}，可用 `auditor rules` 查看全部规则"
            if lang != "en"
            else f"unknown rule {code}; see `auditor rules`"
        )
        sys.exit(EXIT_ERROR)
    click.echo(explain(rule, lang), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
