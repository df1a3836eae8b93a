"""User-facing wording in one place: Chinese by default, English on request.

Findings carry a Message subclass (pyflakes style: the template lives on the class, tests
assert on the class); input errors carry a key into ERROR_TEMPLATES.
"""

from __future__ import annotations

from typing import ClassVar

LANGS = ("zh", "en")


class Message:
    """A finding's message: ``zh`` and ``en`` templates formatted with the finding's arguments."""

    zh: ClassVar[str] = ""
    en: ClassVar[str] = ""

    def __init__(self, **args: object) -> None:
        self.args = args

    def render(self, lang: str = "zh") -> str:
        template = self.en if lang == "en" else self.zh
        args = {k: v.render(lang) if isinstance(v, Message) else v for k, v in self.args.items()}
        return template.format(**args)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.args!r})"


ERROR_TEMPLATES: dict[str, tuple[str, str]] = {
    "missing": ("文件不存在", "no such file"),
    "is_directory": ("是目录，不是文件", "is a directory, not a file"),
    "unsupported": (
        "不支持的文件类型 {suffix}（支持 .txt .md .docx .pdf .doc .wps .html .htm）",
        "unsupported file type {suffix} (.txt .md .docx .pdf .doc .wps .html .htm)",
    ),
    "annotate_same_file": ("输出文件不能是输入文件本身", "the output must not be the input file itself"),
    "annotate_unsupported": (
        "只能为 .docx 和 .pdf 文件加批注，不支持 {suffix}",
        "only .docx and .pdf files can be annotated, not {suffix}",
    ),
    "annotate_suffix_mismatch": (
        "输出文件应与输入同为 {suffix} 文件",
        "the output must be a {suffix} file, like the input",
    ),
    "corrupt_legacy": (
        "不是有效的 {suffix} 文件（文件头不是 Word/WPS 格式）",
        "not a valid {suffix} file (its header is not Word/WPS)",
    ),
    "empty": ("文件为空，没有可检查的文字", "the file is empty: nothing to check"),
    "unreadable": ("没有读取权限", "permission denied"),
    "binary": ("不是文本文件（含有二进制内容）", "not a text file (binary content)"),
    "undecodable": (
        "无法识别文字编码（已尝试 UTF-8、UTF-16、GB18030）",
        "cannot decode the text (tried UTF-8, UTF-16, GB18030)",
    ),
    "too_large": ("文件超过 {limit} MB，拒绝读取", "file larger than {limit} MB, refused"),
    "corrupt_docx": (
        "不是有效的 .docx 文件（无法解压或缺少正文）",
        "not a valid .docx file (bad zip or no document body)",
    ),
    "corrupt_docx_detail": ("不是有效的 .docx 文件（{detail}）", "not a valid .docx file ({detail})"),
    "docx_too_many_members": (
        ".docx 内含 {count} 个部件，超过安全上限，拒绝读取",
        ".docx has {count} parts, over the safety limit: refused",
    ),
    "docx_bomb": (
        ".docx 解压后约 {size} MB，超过安全上限，拒绝读取",
        ".docx expands to about {size} MB, over the safety limit: refused",
    ),
    "docx_entities": (
        ".docx 含 XML 实体声明（可能是实体扩展攻击），拒绝读取",
        ".docx declares XML entities (possible entity-expansion attack): refused",
    ),
    "internal": ("规则 {rule} 内部错误：{detail}", "internal error in rule {rule}: {detail}"),
    "line_too_long": (
        "第 {line} 行有 {chars} 个字符，超过 {limit} 的上限，不像是报告文稿，拒绝检查",
        "line {line} has {chars} characters, over the limit of {limit}: not a report's layout, refused",
    ),
    "timeout": ("检查超时（超过 {seconds} 秒），已跳过该文件", "timed out after {seconds} s: file skipped"),
    "corrupt_pdf": ("不是有效的 PDF 文件", "not a valid PDF file"),
    "corrupt_pdf_detail": ("不是有效的 PDF 文件（{detail}）", "not a valid PDF file ({detail})"),
    "encrypted_pdf": (
        "PDF 已加密，无法读取文字（请提供未加密的文件）",
        "the PDF is encrypted: provide an unencrypted file",
    ),
    "pdf_no_text": (
        "PDF 没有文字层（可能是扫描件），无法检查：请提供 Word 原稿，或先做文字识别（OCR）",
        "the PDF has no text layer (a scan?): provide the Word original, or run OCR first",
    ),
    "pdf_unavailable": (
        "读取 PDF 需要 pypdfium2：pip install pypdfium2",
        "reading PDF needs pypdfium2: pip install pypdfium2",
    ),
    "legacy_needs_soffice": (
        "无法直接读取 {suffix} 文件：请在 Word/WPS 中“另存为” .docx，或安装 LibreOffice（soffice）后重试",
        "cannot read {suffix} directly: save it as .docx in Word/WPS, or install LibreOffice (soffice) and retry",
    ),
    "html_binary": ("不是有效的 HTML 文件（含有二进制内容）", "not a valid HTML file (binary content)"),
    "html_other_format": (
        "不是有效的 HTML 文件：内容是 {kind} 文件，请按实际格式改名后再检查",
        "not a valid HTML file: its content is a {kind} file; rename it to its real format and check again",
    ),
    "html_no_markup": (
        "不是有效的 HTML 文件（没有 HTML 标记）：纯文本请用 .txt 扩展名",
        "not a valid HTML file (no HTML markup): name a plain-text file .txt",
    ),
    "html_undecodable": (
        "无法识别网页的文字编码（已尝试 {tried}）",
        "cannot decode the page's text (tried {tried})",
    ),
    "corrupt_html": ("不是有效的 HTML 文件（{detail}）", "not a valid HTML file ({detail})"),
    "html_no_text": (
        "网页中没有可检查的文字（正文可能由脚本加载）：请在浏览器中打开后“另存为”完整网页，或下载原文件检查",
        "the page has no text to check (loaded by scripts?): save the page from a browser, or check the original file",
    ),
    "html_limit": (
        "网页超出解析器的安全上限（{detail}），拒绝读取",
        "the page exceeds the parser's safety limits ({detail}): refused",
    ),
    "html_too_many_cells": (
        "网页表格展开后超过 {limit} 个单元格（合并单元格跨度异常），拒绝读取",
        "the page's tables expand to more than {limit} cells (abnormal colspan/rowspan): refused",
    ),
    "html_auditor_report": (
        "这是 auditor 生成的检查报告，不是被检查的报告",
        "this is a report written by auditor, not a report to check",
    ),
    "legacy_conversion_failed": (
        "LibreOffice 转换失败：请在 Word/WPS 中“另存为” .docx 后重试",
        "LibreOffice could not convert the file: save it as .docx in Word/WPS and retry",
    ),
}


class InputError(Exception):
    """A file that cannot be checked. ``render`` gives the one-line message naming the file."""

    def __init__(self, path: str, key: str, **args: object) -> None:
        super().__init__(f"{path}: {key}")
        self.path = path
        self.key = key
        self.args_ = args

    def message(self, lang: str = "zh") -> str:
        zh, en = ERROR_TEMPLATES[self.key]
        return (en if lang == "en" else zh).format(**self.args_)
