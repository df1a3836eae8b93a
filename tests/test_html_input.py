"""Web pages (.html/.htm) as input: a 决算公开 page read into lines and tables, its slips found, hostile
pages refused.

The page below is written in the style of a county unit's published 部门决算 page (a CMS template, Word's
exported table markup, &nbsp; and full-width indents); the unit and every figure are invented. It holds
two slips when asked: a sum in prose (S101) and, with ``income="150.60"``, a part of the 收入支出决算总表
that no longer adds up to its 本年收入合计 (S102).
"""

from __future__ import annotations

import codecs
import random
import socket
import threading
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from auditor.cli import main
from auditor.engine import analyse, check_paths, load
from auditor.loaders import read
from auditor.loaders.html import MAX_HTML_CELLS, collapse
from auditor.loaders.limits import MAX_TEXT_BYTES
from auditor.messages import ERROR_TEMPLATES, InputError
from auditor.model.document import TableBlock

PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>青禾县农业技术推广中心2023年度部门决算公开</title>
<link rel="stylesheet" type="text/css" href="/css/article.css" />
<style type="text/css">.zoom p {{ text-indent: 2em; line-height: 200%; }}</style>
<script type="text/javascript">var share = "2023年本年支出合计9999.99万元，其中：基本支出1.00万元，项目支出2.00万元";</script>
</head>
<body>
<div class="crumb">首页 &gt; 信息公开 &gt; 财政资金</div>
<div class="article">
<h1>青禾县农业技术推广中心2023年度部门决算</h1>
<div class="zoom">
<h2>一、收入支出决算总体情况</h2>
<p>&nbsp;&nbsp;2023年度收入总计1,985.44万元，支出总计<span style="font-family:宋体">1,985.44</span>万元。</p>
<p class="MsoNormal">　　2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，
项目支出525.24万元。</p>
<h2>二、财政拨款“三公”经费支出决算情况</h2>
<p>　　2023年度“三公”经费财政拨款支出15.00万元，其中：因公出国（境）费3.00万元，公务用车购置及运行费10.40万元，公务接待费1.60万元。</p>
<p align="center"><b>表1 收入支出决算总表</b></p>
<p align="right">单位：万元</p>
<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0">
<tr><td colspan="2"><p class="MsoNormal" align="center"><b>收入</b></p></td><td colspan="2"><p align="center"><b>支出</b></p></td></tr>
<tr><td>项目</td><td>决算数</td><td>项目</td><td>决算数</td></tr>
<tr><td>一、财政拨款收入</td><td><p align="right"><span lang="EN-US">1,702.30<o:p></o:p></span></p></td><td>一、一般公共服务支出</td><td>1,210.64</td></tr>
<tr><td>二、上级补助收入</td><td>&nbsp;</td><td>二、社会保障和就业支出</td><td>402.18</td></tr>
<tr><td>三、事业收入</td><td>{income}</td><td>三、卫生健康支出</td><td>88.40</td></tr>
<tr><td>四、经营收入</td><td></td><td>四、住房保障支出</td><td>184.22</td></tr>
<tr><td>五、附属单位上缴收入</td><td></td><td rowspan="2" colspan="2"></td></tr>
<tr><td>六、其他收入</td><td>20.50</td></tr>
<tr><td>本年收入合计</td><td>1,872.80</td><td>本年支出合计</td><td>1,885.44</td></tr>
<tr><td>年初结转和结余</td><td>112.64</td><td>年末结转和结余</td><td>100.00</td></tr>
<tr><td>收入总计</td><td>1,985.44</td><td>支出总计</td><td>1,985.44</td></tr>
</table>
<p align="center"><b>表2 财政拨款“三公”经费支出决算表</b></p>
<p align="right">单位：万元</p>
<table border="1">
<thead>
<tr><th rowspan="2">合计</th><th rowspan="2">因公出国（境）费</th><th colspan="3">公务用车购置及运行费</th><th rowspan="2">公务接待费</th></tr>
<tr><th>小计</th><th>购置费</th><th>运行费</th></tr>
</thead>
<tbody>
<tr><td>15.00</td><td>3.00</td><td>10.40</td><td></td><td>10.40</td><td>1.60</td></tr>
</tbody>
</table>
</div>
</div>
<div class="footer">主办单位：青禾县人民政府办公室<br/>网站标识码：0000000000</div>
<script type="text/javascript" src="/js/stat.js"></script>
</body>
</html>
"""

# The same two tables as a grid ("<": merged into the cell on its left, "^": into the cell above), for
# the Word document they must read like.
SUMMARY = [
    ["收入", "<", "支出", "<"],
    ["项目", "决算数", "项目", "决算数"],
    ["一、财政拨款收入", "1,702.30", "一、一般公共服务支出", "1,210.64"],
    ["二、上级补助收入", "", "二、社会保障和就业支出", "402.18"],
    ["三、事业收入", "150.00", "三、卫生健康支出", "88.40"],
    ["四、经营收入", "", "四、住房保障支出", "184.22"],
    ["五、附属单位上缴收入", "", "", "<"],
    ["六、其他收入", "20.50", "^", "^"],
    ["本年收入合计", "1,872.80", "本年支出合计", "1,885.44"],
    ["年初结转和结余", "112.64", "年末结转和结余", "100.00"],
    ["收入总计", "1,985.44", "支出总计", "1,985.44"],
]
THREE_PUBLIC = [
    ["合计", "因公出国（境）费", "公务用车购置及运行费", "<", "<", "公务接待费"],
    ["^", "^", "小计", "购置费", "运行费", "^"],
    ["15.00", "3.00", "10.40", "", "10.40", "1.60"],
]

S101_MESSAGE = "合计不符：1350.20 + 525.24 = 1875.44万元，文中写 1885.44万元"
S102_MESSAGE = (
    "表内合计不符（收入支出决算总表 本年收入合计 · 收入·决算数）："
    "1,702.30 + 150.60 + 20.50 = 1873.40万元，表中写 1,872.80万元"
)
PROSE = [
    "首页 > 信息公开 > 财政资金",
    "青禾县农业技术推广中心2023年度部门决算",
    "一、收入支出决算总体情况",
    "2023年度收入总计1,985.44万元，支出总计1,985.44万元。",
    "2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，项目支出525.24万元。",
    "二、财政拨款“三公”经费支出决算情况",
    "2023年度“三公”经费财政拨款支出15.00万元，其中：因公出国（境）费3.00万元，公务用车购置及运行费10.40万元，公务接待费1.60万元。",
    "表1 收入支出决算总表",
    "单位：万元",
    "表2 财政拨款“三公”经费支出决算表",
    "单位：万元",
    "主办单位：青禾县人民政府办公室",
    "网站标识码：0000000000",
]


def page(charset: str = "utf-8", income: str = "150.00") -> str:
    return PAGE.format(charset=charset, income=income)


def write(tmp_path: Path, text: str | bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def refusal(path: Path) -> InputError:
    with pytest.raises(InputError) as err:
        read(path)
    return err.value


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# ----------------------------------------------------------------------------- lines and tables


def test_page_reads_as_lines_in_document_order(tmp_path):
    doc = load(write(tmp_path, page()))
    assert doc.format == "html"
    assert [line.text for line in doc.lines if line.role != "cell"] == PROSE
    # title, style, scripts (inline and by src) and the head are not the page's text
    assert not any("9999.99" in line.text or "text-indent" in line.text for line in doc.lines)
    assert [(h.line, h.title) for h in doc.headings] == [
        (3, "收入支出决算总体情况"),
        (6, "财政拨款“三公”经费支出决算情况"),
    ]
    assert doc.report_year == 2023


def test_tables_with_their_titles_units_and_merged_cells(tmp_path):
    doc = load(write(tmp_path, page()))
    summary, three = doc.tables
    assert (summary.caption, summary.unit) == (three.caption, three.unit) == ("单位：万元", "万元")
    assert [c.text for c in summary.header.cells] == ["收入", "", "支出", ""]  # colspan: its columns stay
    assert [c.line for c in summary.header.cells] == [10, 11, 12, 13]  # one line per cell
    # the empty 2×2 cell of the 支出 side: its columns in both rows it covers
    assert [r.label for r in summary.rows][5:7] == ["五、附属单位上缴收入", "六、其他收入"]
    assert [c.text for c in summary.rows[6].cells] == ["六、其他收入", "20.50", "", ""]
    assert [c.text for c in summary.rows[1].cells] == [
        "一、财政拨款收入",
        "1,702.30",
        "一、一般公共服务支出",
        "1,210.64",
    ]
    # rowspan in the header: the cells below a spanning cell are empty
    assert [c.text for c in three.header.cells] == [
        "合计",
        "因公出国（境）费",
        "公务用车购置及运行费",
        "",
        "",
        "公务接待费",
    ]
    assert [c.text for c in three.rows[0].cells] == ["", "", "小计", "购置费", "运行费", ""]
    assert all(
        doc.lines[c.line - 1].role == "cell" for t in doc.tables for r in [t.header, *t.rows] for c in r.cells
    )


def _docx_with(tmp_path: Path, grids: list[list[list[str]]]) -> Path:
    """A Word document of the grids, merged cells merged (w:gridSpan, w:vMerge)."""
    import docx

    document = docx.Document()
    for grid in grids:
        table = document.add_table(rows=len(grid), cols=len(grid[0]))
        for r, row in enumerate(grid):
            for c, text in enumerate(row):
                if text in ("<", "^"):
                    continue
                table.cell(r, c).text = text
                right, down = c, r
                while right + 1 < len(row) and row[right + 1] == "<":
                    right += 1
                while down + 1 < len(grid) and grid[down + 1][c] == "^":
                    down += 1
                if (down, right) != (r, c):
                    table.cell(r, c).merge(table.cell(down, right))
    path = tmp_path / "tables.docx"
    document.save(str(path))
    return path


def test_merged_cells_read_as_the_docx_loader_reads_them(tmp_path):
    html_tables = [b for b in read(write(tmp_path, page())).blocks if isinstance(b, TableBlock)]
    docx_tables = [
        b for b in read(_docx_with(tmp_path, [SUMMARY, THREE_PUBLIC])).blocks if isinstance(b, TableBlock)
    ]
    assert [[[t for _, t in row] for row in b.rows] for b in html_tables] == [
        [[t for _, t in row] for row in b.rows] for b in docx_tables
    ]


def test_disclosure_model_of_the_page_tables(tmp_path):
    disclosure = analyse(write(tmp_path, page())).disclosure
    summary, three = disclosure.tables
    assert (summary.title, summary.kind, len(summary.panels)) == ("收入支出决算总表", "summary", 2)
    assert [c.path for p in summary.panels for c in p.columns] == [["收入", "决算数"], ["支出", "决算数"]]
    assert [r.name for r in summary.panels[0].rows if r.total] == ["本年收入合计", "收入总计"]
    assert three.kind == "three_public"
    assert [c.path for p in three.panels for c in p.columns] == [
        ["合计"],
        ["因公出国（境）费"],
        ["公务用车购置及运行费", "小计"],
        ["公务用车购置及运行费", "购置费"],
        ["公务用车购置及运行费", "运行费"],
        ["公务接待费"],
    ]


# ----------------------------------------------------------------------------- findings


def _findings(path: Path) -> list[tuple[str, int, str]]:
    report = check_paths([path])
    assert report.errors == []
    return sorted((f.rule, f.line, f.message) for f in report.findings)


def test_slips_in_prose_and_in_a_total_row_are_found_at_their_lines(tmp_path):
    assert _findings(write(tmp_path, page(), "consistent.html")) == [("S101", 5, S101_MESSAGE)]
    assert _findings(write(tmp_path, page(income="150.60"), "slip.html")) == [
        ("S101", 5, S101_MESSAGE),
        ("S102", 43, S102_MESSAGE),  # the 本年收入合计 cell
    ]
    assert load(tmp_path / "slip.html").line_text(43) == "1,872.80"


def test_cli_check_and_text(tmp_path):
    path = write(tmp_path, page(income="150.60"), "决算公开.htm")
    result = run("check", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{path}:5:12: S101 {S101_MESSAGE}"
    assert lines[1].startswith(f"{path}:43:") and S102_MESSAGE in lines[1]
    shown = run("text", str(path))
    assert shown.exit_code == 0
    assert f"# {path} (html); report year: 2023" in shown.stdout
    assert " 5   2023年本年支出合计1885.44万元" in shown.stdout
    assert "┌─ table 1: 11 rows × 4 columns; unit 万元" in shown.stdout
    assert "43  │   [2] 1,872.80" in shown.stdout


def test_html_files_in_a_directory_are_checked(tmp_path):
    write(tmp_path, page(), "a.html")
    write(tmp_path, page(), "b.HTM")
    report = check_paths([tmp_path])
    assert sorted(Path(f.path).name for f in report.findings) == ["a.html", "b.HTM"]


# ----------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("GB2312 declared", page("gb2312").encode("gbk")),
        ("GBK undeclared", regex.sub(r"<meta[^>]*>", "", page()).encode("gbk")),
        ("GB18030 declared", page("GB18030").encode("gb18030")),
        ("UTF-8 declared as GBK", page("gbk").encode("utf-8")),
        ("UTF-8 with BOM", codecs.BOM_UTF8 + page("gbk").encode("utf-8")),
        ("UTF-16 with BOM", page("utf-8").encode("utf-16")),
        (
            "meta charset",
            page()
            .replace('http-equiv="Content-Type" content="text/html; charset=utf-8"', 'charset="gbk"')
            .encode("gbk"),
        ),
        ("XML declaration", ('<?xml version="1.0" encoding="gb2312"?>\n' + page("gb2312")).encode("gbk")),
    ],
)
def test_encodings(tmp_path, label, data):
    doc = load(write(tmp_path, data))
    assert [line.text for line in doc.lines if line.role != "cell"] == PROSE, label


def test_undecodable_page(tmp_path):
    err = refusal(write(tmp_path, b"<html><body><p>\x80\xff\x80</p></body></html>"))
    assert err.key == "html_undecodable"
    assert err.message("en") == "cannot decode the page's text (tried UTF-8, GB18030)"


# ----------------------------------------------------------------------------- what a reader sees


def test_whitespace_breaks_and_hidden_content(tmp_path):
    markup = """<html><head><style>p { color: red }</style></head><body>
<noscript>请启用脚本</noscript><template><p>模板2023年1万元</p></template>
<p>第一行<br>第二行<br/>  第三行  </p>
<p>本年支出
  合计1,885.44&nbsp;万元，其中：基本支出&#12288;1,350.20万元</p>
<p>Total&nbsp;&nbsp; expenses<span>支出</span><b>合计</b><sup>1</sup></p>
<div>块一<div>块二</div>块三</div>
<ul><li>项目甲</li><li>项目乙<ol><li>子项</li></ol></li></ul>
<p>可见<span hidden>隐藏</span><span style="color:red; display : none">也隐藏</span>文字</p>
<pre>  行一   a
行二</pre>
<table><tr><td>单格表</td></tr><tr><td>也是段落</td></tr></table>
<p>\u200b零宽\u00ad字符</p><p>&nbsp;</p><p>　　</p>
</body></html>"""
    lines = [line.text for line in read(write(tmp_path, markup)).lines]
    assert (
        lines
        == [
            "第一行",
            "第二行",
            "第三行",
            "本年支出合计1,885.44 万元，其中：基本支出 1,350.20万元",  # a source line break inside Chinese text is no space
            "Total expenses支出合计1",
            "块一",
            "块二",
            "块三",
            "项目甲",
            "项目乙",
            "子项",
            "可见文字",
            "行一 a",
            "行二",
            "单格表",  # a one-column table lays text out: its cells are paragraphs
            "也是段落",
            "零宽字符",
        ]
    )


def test_collapse():
    assert collapse("  a \t\n b\u00a0\u00a0c\u3000d  ") == "a b c d"
    assert collapse("收入\n  总计") == "收入总计"
    assert (
        collapse("收入 总计") == "收入 总计"
    )  # a space the author typed stays (the extract layer judges it)
    assert collapse("2023\n年") == "2023 年"


def test_layout_tables_are_read_as_the_page_and_their_data_tables_as_tables(tmp_path):
    markup = """<html><body>
<table width="100%"><tr><td class="logo">青禾县人民政府</td><td class="nav">首页 | 信息公开</td></tr>
<tr><td class="side">栏目导航</td><td class="main">
  <h3>一、基本支出情况</h3>
  <p>2023年基本支出1,350.20万元，其中：人员经费1,100.20万元，公用经费250.00万元。</p>
  <table border="1"><caption>基本支出明细</caption>
    <tr><th>项目</th><th>金额</th></tr>
    <tr><td>人员经费</td><td>1,100.20</td></tr>
    <tr><td>公用经费</td><td>250.00</td></tr>
    <tr><td>合计</td><td>1,350.20</td></tr>
  </table>
  <p>以上数据为决算数。</p>
</td></tr></table>
</body></html>"""
    source = read(write(tmp_path, markup))
    texts = [line.text for line in source.lines]
    assert texts[:6] == [
        "青禾县人民政府",
        "首页 | 信息公开",
        "栏目导航",
        "一、基本支出情况",
        "2023年基本支出1,350.20万元，其中：人员经费1,100.20万元，公用经费250.00万元。",
        "基本支出明细",
    ]
    (table,) = [b for b in source.blocks if isinstance(b, TableBlock)]
    assert [[t for _, t in row] for row in table.rows] == [
        ["项目", "金额"],
        ["人员经费", "1,100.20"],
        ["公用经费", "250.00"],
        ["合计", "1,350.20"],
    ]
    assert texts[-1] == "以上数据为决算数。"
    assert _findings(tmp_path / "page.html") == []


def test_cells_with_paragraphs_and_breaks_are_one_line(tmp_path):
    markup = """<table>
<tr><td><p>本年收入</p><p>合计</p></td><td>年初结转<br>和结余</td></tr>
<tr><td>1,872.80</td><td>112.64</td></tr></table>"""
    table = next(b for b in read(write(tmp_path, markup)).blocks if isinstance(b, TableBlock))
    assert [t for _, t in table.rows[0]] == ["本年收入 合计", "年初结转 和结余"]


def test_a_page_with_only_scripts_has_no_text(tmp_path):
    markup = "<html><head><title>决算公开</title><script>render('2023年1万元')</script></head><body><div id='app'></div></body></html>"
    err = refusal(write(tmp_path, markup))
    assert err.key == "html_no_text"
    assert "另存为" in err.message()


# ----------------------------------------------------------------------------- hostile input


def test_random_bytes_are_not_a_page(tmp_path):
    err = refusal(write(tmp_path, random.Random(20240820).randbytes(8192), "download.html"))
    assert err.key == "html_binary"
    assert err.message() == "不是有效的 HTML 文件（含有二进制内容）"
    assert err.message("en") == "not a valid HTML file (binary content)"
    result = run("check", str(tmp_path / "download.html"))
    assert result.exit_code == 2
    assert "不是有效的 HTML 文件" in result.stderr


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP (.docx)"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_other_formats_named_html(tmp_path, head, kind):
    err = refusal(write(tmp_path, head + bytes(range(256)) * 8))
    assert (err.key, err.args_) == ("html_other_format", {"kind": kind})


def test_plain_text_named_html(tmp_path):
    err = refusal(write(tmp_path, "2023年本年支出合计1885.44万元。\n第二段。\n"))
    assert err.key == "html_no_markup"


def test_a_page_over_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as f:
        f.write(b"<html><body><p>")
        f.truncate(MAX_TEXT_BYTES + 1)  # sparse: refused by its size, before a byte is read
    err = refusal(path)
    assert (err.key, err.args_) == ("too_large", {"limit": 64})


def test_nesting_beyond_the_parser_limit_is_refused_not_cut(tmp_path):
    markup = "<p>前文</p>" + "<div>" * 5000 + "深处的2023年支出1万元" + "</div>" * 5000 + "<p>后文</p>"
    err = refusal(write(tmp_path, markup))
    assert err.key == "html_limit"
    assert "depth" in err.message("en")


def test_merged_cells_cannot_blow_up_into_millions_of_lines(tmp_path):
    row = "<tr>" + '<td colspan="1000">x</td>' * 100 + "</tr>"
    err = refusal(write(tmp_path, "<table>" + row * 20 + "</table>"))
    assert (err.key, err.args_) == ("html_too_many_cells", {"limit": MAX_HTML_CELLS})


class _Listener:
    """A TCP port on 127.0.0.1 that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> int:
        self.stop.set()
        self.thread.join()
        self.sock.setblocking(False)
        while True:  # connections still waiting in the backlog count too
            try:
                conn, _ = self.sock.accept()
            except OSError:
                break
            self.connections += 1
            conn.close()
        self.sock.close()
        return self.connections


def test_nothing_is_fetched_and_no_entity_is_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    listener = _Listener()
    url = f"http://127.0.0.1:{listener.port}"
    markup = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html SYSTEM "{url}/xhtml.dtd" [
  <!ENTITY secret SYSTEM "file://{secret}">
  <!ENTITY remote SYSTEM "{url}/entity">
  <!ENTITY lol "lollollollollollollollollollol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
]>
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head>
<link rel="stylesheet" href="{url}/a.css"><script src="{url}/a.js"></script>
<meta http-equiv="refresh" content="0; url={url}/next">
</head><body>
<p>正文&secret;&remote;&lol2;</p>
<img src="{url}/a.png"><iframe src="{url}/frame"></iframe><xi:include href="{url}/include"/>
<xi:include href="file://{secret}" parse="text"/>
</body></html>"""
    try:
        lines = [line.text for line in read(write(tmp_path, markup)).lines]
        socket.create_connection(("127.0.0.1", listener.port)).close()  # the listener does count
    finally:
        connections = listener.close()
    assert connections == 1
    assert not any("机密" in t or "lollol" in t for t in lines)
    assert "正文&secret;&remote;&lol2;" in lines  # declared entities stay unexpanded, as browsers show them


def test_the_auditors_own_html_report_is_not_checked_as_a_report(tmp_path):
    source = write(tmp_path, page(), "page.html")
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.html"
    assert run("check", "--format", "html", "-o", str(report), str(source)).exit_code == 1
    err = refusal(report)
    assert err.key == "html_auditor_report"


def test_every_html_message_has_both_languages():
    args = {"kind": "PDF", "tried": "UTF-8", "detail": "x", "limit": 1}
    keys = [k for k in ERROR_TEMPLATES if "html" in k]
    assert len(keys) >= 8
    for key in keys:
        zh, en = (InputError("p.html", key, **args).message(lang) for lang in ("zh", "en"))
        assert zh != en and "{" not in zh + en


def test_an_earlier_html_report_in_a_checked_folder_is_skipped(tmp_path):
    """`auditor check --format html -o reports/report.html reports` twice: the report is not a report to
    check (the second run would refuse it as an error)."""
    from auditor.engine import check_paths
    from auditor.report.html import format_html

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.txt").write_text(
        "2023年本年支出合计1885.44万元，其中：基本支出1350.20万元，项目支出525.24万元。\n", encoding="utf-8"
    )
    first = check_paths([folder], keep_text=True)
    (folder / "report.html").write_text(format_html(first, "zh"), encoding="utf-8")
    second = check_paths([folder])
    assert second.errors == [] and second.summary.files == 1 and second.summary.skipped == 1
