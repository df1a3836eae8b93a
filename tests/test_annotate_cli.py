"""`auditor annotate` on the command line: the copy, its place, and the errors a user meets."""

from __future__ import annotations

from click.testing import CliRunner

from auditor.cli import main

SLIP = "2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，项目支出525.24万元。"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def draft(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某区档案局2023年度部门决算")
    document.add_paragraph(SLIP)
    path = tmp_path / "draft.docx"
    document.save(path)
    return path


def test_annotate_writes_a_commented_copy_beside_the_input(tmp_path):
    import docx

    path = draft(tmp_path)
    before = path.read_bytes()
    result = run("annotate", str(path))
    assert result.exit_code == 0, result.output
    copy = tmp_path / "draft.审核.docx"
    assert "已标注 1 处" in result.stdout and str(copy) in result.stdout
    (comment,) = docx.Document(copy).comments
    assert comment.author == "auditor" and comment.text.startswith("[S101 合计与分项不符] 合计不符")
    assert path.read_bytes() == before  # the input is never modified


def test_annotate_in_english_to_a_chosen_file(tmp_path):
    import docx

    path = draft(tmp_path)
    result = run("annotate", "--lang", "en", str(path), "-o", str(tmp_path / "checked.docx"))
    assert result.exit_code == 0 and "1 findings marked" in result.stdout
    (comment,) = docx.Document(tmp_path / "checked.docx").comments
    assert comment.text.startswith("[S101 sum-of-parts]")


def test_annotate_errors_are_one_line_and_exit_2(tmp_path):
    path = draft(tmp_path)
    text = tmp_path / "notes.txt"
    text.write_text(SLIP + "\n", encoding="utf-8")
    for args, words in [
        ([str(text)], "只能为 .docx 和 .pdf 文件加批注"),
        ([str(path), "-o", str(tmp_path / "no" / "x.docx")], "所在目录不存在"),
        ([str(path), "-o", str(path)], ""),
        ([str(path), str(path), "-o", str(tmp_path / "x.docx")], "-o 只能用于一个文件"),
        ([str(tmp_path / "missing.docx")], "文件不存在"),
    ]:
        result = run("annotate", *args)
        assert result.exit_code == 2, args
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "Traceback" not in result.stderr and words in lines[0], (
            args,
            result.stderr,
        )
