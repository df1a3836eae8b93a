"""PDF pages through PDFium (pypdfium2): text lines and ruled tables, fast enough for a batch.

Everything comes from PDFium, a compiled library; nothing is parsed in Python but the geometry:
- ruling lines are the page's painted paths (stroked lines and thin filled rectangles, also inside
  form XObjects); cells are rebuilt from them the way pdfplumber does (snap, join, intersections,
  smallest cell per corner, tables = cells sharing corners), indexed instead of quadratic;
- every character is read and lines are grouped by **baseline**, not by the
  top of the glyph box: fonts whose descriptors carry a wrong ascent put digits several points "lower"
  than the Chinese on the same baseline, which splits every figure off its sentence;
- characters placed off the page are dropped (WPS prints an overflowing cell on both pages);
- a one-column "table" (a box drawn round a 目录 or a text block) is read as text lines.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import field

from auditor.model.record import record


class FS_MATRIX(ctypes.Structure):
    _fields_ = [(name, ctypes.c_float) for name in "abcdef"]


class FS_RECTF(ctypes.Structure):
    _fields_ = [(name, ctypes.c_float) for name in ("left", "top", "right", "bottom")]


_P, _I, _U, _F, _D = ctypes.c_void_p, ctypes.c_int, ctypes.c_ulong, ctypes.c_float, ctypes.c_double
# The functions this module calls, as fpdfview.h, fpdf_edit.h and fpdf_text.h declare them; handles and
# out-parameters are plain addresses. pypdfium2's own bindings (pypdfium2_raw) declare all ~1000 functions
# of the library with typed pointers: importing them took 6 ms, and converting the typed arguments made
# every call 30-40 % slower, in loops that call PDFium for every character and path segment of a page.
_PROTOTYPES: dict[str, tuple[object, tuple]] = {
    "FPDF_InitLibrary": (None, ()),
    "FPDF_LoadMemDocument64": (_P, (_P, ctypes.c_size_t, ctypes.c_char_p)),
    "FPDF_GetLastError": (_U, ()),
    "FPDF_GetPageCount": (_I, (_P,)),
    "FPDF_CloseDocument": (None, (_P,)),
    "FPDF_LoadPage": (_P, (_P, _I)),
    "FPDF_ClosePage": (None, (_P,)),
    "FPDF_GetPageWidthF": (_F, (_P,)),
    "FPDF_GetPageHeightF": (_F, (_P,)),
    "FPDFPage_GetCropBox": (_I, (_P, _P, _P, _P, _P)),
    "FPDFPage_GetMediaBox": (_I, (_P, _P, _P, _P, _P)),
    "FPDFPage_GetRotation": (_I, (_P,)),
    "FPDFPage_CountObjects": (_I, (_P,)),
    "FPDFPage_GetObject": (_P, (_P, _I)),
    "FPDFPageObj_GetType": (_I, (_P,)),
    "FPDFPageObj_GetMatrix": (_I, (_P, _P)),
    "FPDFPath_GetDrawMode": (_I, (_P, _P, _P)),
    "FPDFPath_CountSegments": (_I, (_P,)),
    "FPDFPath_GetPathSegment": (_P, (_P, _I)),
    "FPDFPathSegment_GetPoint": (_I, (_P, _P, _P)),
    "FPDFPathSegment_GetType": (_I, (_P,)),
    "FPDFPathSegment_GetClose": (_I, (_P,)),
    "FPDFFormObj_CountObjects": (_I, (_P,)),
    "FPDFFormObj_GetObject": (_P, (_P, _U)),
    "FPDFText_LoadPage": (_P, (_P,)),
    "FPDFText_ClosePage": (None, (_P,)),
    "FPDFText_CountChars": (_I, (_P,)),
    "FPDFText_GetText": (_I, (_P, _I, _I, _P)),
    "FPDFText_GetLooseCharBox": (_I, (_P, _I, _P)),
    "FPDFText_GetMatrix": (_I, (_P, _I, _P)),
    "FPDFText_GetFontSize": (_D, (_P, _I)),
}
# constants of fpdfview.h and fpdf_edit.h
FPDF_ERR_FILE, FPDF_ERR_FORMAT, FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY, FPDF_ERR_PAGE = 2, 3, 4, 5, 6
FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_FORM = 2, 5
FPDF_SEGMENT_LINETO, FPDF_SEGMENT_MOVETO = 0, 2


class _Library:
    """The PDFium library that the pypdfium2 wheel ships (its package folder), with the functions above."""

    def __init__(self) -> None:
        import sys
        from importlib.util import find_spec

        spec = find_spec("pypdfium2_raw")  # found, not imported
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("pypdfium2 is not installed")
        if sys.platform.startswith(("win32", "cygwin", "msys")):
            name = "pdfium.dll"
        elif sys.platform.startswith(("darwin", "ios")):
            name = "libpdfium.dylib"
        else:
            name = "libpdfium.so"
        import os

        path = os.path.join(next(iter(spec.submodule_search_locations)), name)
        if not os.path.exists(path):  # a pypdfium2 built against the system's PDFium
            from ctypes.util import find_library

            path = find_library("pdfium") or path
        try:
            lib = ctypes.CDLL(path)
        except OSError as exc:
            raise ImportError(f"PDFium could not be loaded: {exc}") from None
        for function, (restype, argtypes) in _PROTOTYPES.items():
            f = getattr(lib, function)
            f.restype, f.argtypes = restype, argtypes
            setattr(self, function, f)
        self.FPDF_InitLibrary()  # PDFium ignores a second initialisation (pypdfium2's own, if imported)


_lib: _Library | None = None


def load_library() -> _Library:
    """PDFium, loaded on first use; ImportError when it cannot be."""
    global _lib
    if _lib is None:
        _lib = _Library()
    return _lib


SNAP = 3.0  # pdfplumber's defaults, kept so that the cells match pdfplumber's
JOIN = 3.0
MIN_EDGE = 3.0
INTERSECT = 3.0


@record
class TextLine:
    """A line of text on a PDF page, with its box in points."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@record
class Table:
    """A ruled table on a PDF page: each cell's text and box, None where a merged cell continues."""

    bbox: tuple[float, float, float, float]
    rows: list[list[str | None]]
    cells: list[list[tuple[float, float, float, float] | None]]


@record
class Page:
    """A PDF page: its size, its lines of text outside tables, and its tables."""

    number: int
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


# ----------------------------------------------------------------------------- coordinates


def _view(page) -> tuple[float, float, Callable[[float, float], tuple[float, float]]]:
    """Page width, height (as displayed) and a map from PDF user space to top-left 'view' space."""
    R = load_library()
    lft, b, r, t = (ctypes.c_float() for _ in range(4))
    box = [ctypes.byref(v) for v in (lft, b, r, t)]
    if not R.FPDFPage_GetCropBox(page, *box):
        if not R.FPDFPage_GetMediaBox(page, *box):
            lft.value, b.value = 0.0, 0.0
            r.value, t.value = R.FPDF_GetPageWidthF(page), R.FPDF_GetPageHeightF(page)
    x0, y0, x1, y1 = (
        min(lft.value, r.value),
        min(b.value, t.value),
        max(lft.value, r.value),
        max(b.value, t.value),
    )
    rot = R.FPDFPage_GetRotation(page) % 4  # 0, 1 (90° cw), 2, 3
    if rot == 0:
        return x1 - x0, y1 - y0, lambda x, y: (x - x0, y1 - y)
    if rot == 1:
        return y1 - y0, x1 - x0, lambda x, y: (y - y0, x - x0)
    if rot == 2:
        return x1 - x0, y1 - y0, lambda x, y: (x1 - x, y - y0)
    return y1 - y0, x1 - x0, lambda x, y: (y1 - y, x1 - x)


# ----------------------------------------------------------------------------- rulings


Matrix = tuple[float, float, float, float, float, float]


def _compose(inner: Matrix, outer: Matrix | None) -> Matrix:
    """An object's matrix within the form XObject that holds it (PDF matrices compose inner × outer)."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _edges(page, view) -> tuple[list[list[float]], list[list[float]]]:
    """Horizontal [y, x0, x1] and vertical [x, top, bottom] segments of the page's painted paths."""
    hs: list[list[float]] = []
    vs: list[list[float]] = []
    R = load_library()
    m = FS_MATRIX()
    fx, fy = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    m_at, fx_at, fy_at = ctypes.addressof(m), ctypes.addressof(fx), ctypes.addressof(fy)
    fill_at, stroke_at = ctypes.addressof(fill), ctypes.addressof(stroke)
    PATH, FORM = FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_FORM
    MOVETO, LINETO = FPDF_SEGMENT_MOVETO, FPDF_SEGMENT_LINETO
    get_type, draw_mode, matrix = R.FPDFPageObj_GetType, R.FPDFPath_GetDrawMode, R.FPDFPageObj_GetMatrix
    count_segments, segment, point = (
        R.FPDFPath_CountSegments,
        R.FPDFPath_GetPathSegment,
        R.FPDFPathSegment_GetPoint,
    )
    segment_type, closes = R.FPDFPathSegment_GetType, R.FPDFPathSegment_GetClose

    def add(p, q):
        (ax, ay), (bx, by) = view(*p), view(*q)
        if abs(ay - by) < 0.5 and abs(ax - bx) >= 1:
            hs.append([(ay + by) / 2, min(ax, bx), max(ax, bx)])
        elif abs(ax - bx) < 0.5 and abs(ay - by) >= 1:
            vs.append([(ax + bx) / 2, min(ay, by), max(ay, by)])

    def walk(count, get, parent, outer):
        for i in range(count(parent)):
            obj = get(parent, i)
            kind = get_type(obj)
            if kind == PATH:
                draw_mode(obj, fill_at, stroke_at)
                if not fill.value and not stroke.value:
                    continue
                matrix(obj, m_at)
                a, b, c, d, e, f = _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)
                start = cur = None
                for s in range(count_segments(obj)):
                    seg = segment(obj, s)
                    point(seg, fx_at, fy_at)
                    pt = (a * fx.value + c * fy.value + e, b * fx.value + d * fy.value + f)
                    kind_s = segment_type(seg)
                    if kind_s == MOVETO:
                        start = pt
                    elif kind_s == LINETO and cur is not None:
                        add(cur, pt)
                    cur = pt  # a Bézier's control points only move the current point
                    if closes(seg) and start is not None:
                        add(cur, start)
                        cur = start
            elif kind == FORM:
                matrix(obj, m_at)
                mine = _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)
                walk(R.FPDFFormObj_CountObjects, R.FPDFFormObj_GetObject, obj, mine)

    walk(R.FPDFPage_CountObjects, R.FPDFPage_GetObject, page, None)
    return hs, vs


def _snap(segs: list[list[float]]) -> None:
    """Move positions (index 0) that chain within SNAP of each other to their mean (pdfplumber)."""
    if not segs:
        return
    segs.sort(key=lambda s: s[0])
    group = [segs[0]]
    for s in segs[1:]:
        if s[0] <= group[-1][0] + SNAP:
            group.append(s)
        else:
            mean = sum(g[0] for g in group) / len(group)
            for g in group:
                g[0] = mean
            group = [s]
    mean = sum(g[0] for g in group) / len(group)
    for g in group:
        g[0] = mean


def _join(segs: list[list[float]]) -> list[list[float]]:
    segs.sort(key=lambda s: (s[0], s[1]))
    out: list[list[float]] = []
    for s in segs:
        last = out[-1] if out else None
        if last is not None and last[0] == s[0] and s[1] <= last[2] + JOIN:
            last[2] = max(last[2], s[2])
        else:
            out.append(list(s))
    return [s for s in out if s[2] - s[1] >= MIN_EDGE]


def _tables_from_edges(hs, vs) -> list[list[tuple[float, float, float, float]]]:
    """pdfplumber's intersections -> smallest cells -> tables, indexed instead of quadratic."""
    _snap(hs)
    _snap(vs)
    hs, vs = _join(hs), _join(vs)
    if not hs or not vs:
        return []
    inter: dict[tuple[float, float], tuple[set[int], set[int]]] = {}
    for vi, (x, top, bottom) in enumerate(vs):
        for hi, (y, x0, x1) in enumerate(hs):
            if top <= y + INTERSECT and bottom >= y - INTERSECT and x0 - INTERSECT <= x <= x1 + INTERSECT:
                key = (x, y)
                entry = inter.get(key)
                if entry is None:
                    inter[key] = entry = (set(), set())
                entry[0].add(vi)
                entry[1].add(hi)
    by_x: dict[float, list[float]] = {}
    by_y: dict[float, list[float]] = {}
    for x, y in inter:
        by_x.setdefault(x, []).append(y)
        by_y.setdefault(y, []).append(x)
    for lst in (*by_x.values(), *by_y.values()):
        lst.sort()
    cells = []
    for x, y in sorted(inter):
        v_here, h_here = inter[(x, y)]
        found = None
        for y2 in by_x[x]:
            if y2 <= y or not (v_here & inter[(x, y2)][0]):
                continue
            for x2 in by_y[y]:
                if x2 <= x or not (h_here & inter[(x2, y)][1]):
                    continue
                corner = inter.get((x2, y2))
                if corner and corner[0] & inter[(x2, y)][0] and corner[1] & inter[(x, y2)][1]:
                    found = (x, y, x2, y2)
                    break
            if found:
                break
        if found:
            cells.append(found)
    # tables: cells connected through shared corners (union-find instead of pdfplumber's repeated scans)
    parent = list(range(len(cells)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for i, (x0, t, x1, b) in enumerate(cells):
        for corner in ((x0, t), (x0, b), (x1, t), (x1, b)):
            j = owner.setdefault(corner, i)
            if j != i:
                parent[root(i)] = root(j)
    groups: dict[int, list] = {}
    for i, c in enumerate(cells):
        groups.setdefault(root(i), []).append(c)
    tables = [g for g in groups.values() if len(g) > 1]
    tables.sort(key=lambda g: min((c[1], c[0]) for c in g))
    return tables


# ----------------------------------------------------------------------------- characters and lines


def _text(textpage) -> str:
    R = load_library()
    n = R.FPDFText_CountChars(textpage)
    if n <= 0:
        return ""
    buf = ctypes.create_string_buffer((n + 1) * 2)
    R.FPDFText_GetText(textpage, 0, n, ctypes.addressof(buf))
    return buf.raw[: n * 2].decode("utf-16-le", errors="replace")


def _join_chars(chars: list[tuple]) -> str:
    """chars: (text, x0, x1, size) sorted by x; a space where the gap exceeds half a character."""
    out = []
    prev_x1 = None
    for ch, x0, x1, size in chars:
        if prev_x1 is not None and x0 - prev_x1 > 0.5 * size:
            out.append(" ")
        if prev_x1 is not None and x1 <= prev_x1 + 0.1 and out and out[-1] == ch:
            continue  # the same glyph painted again over itself (fake bold)
        out.append(ch)
        prev_x1 = x1 if prev_x1 is None else max(prev_x1, x1)
    return "".join(out)


def _group_lines(chars: list[tuple]) -> list[tuple[float, list[tuple]]]:
    """chars: (text, x0, x1, baseline, size); clustered by baseline (chained within 0.4 em)."""
    chars.sort(key=lambda c: c[3])
    lines: list[tuple[float, list[tuple]]] = []
    current: list[tuple] = []
    last = None
    for c in chars:
        if last is not None and c[3] - last > 0.4 * max(c[4], 1.0):
            lines.append((current[0][3], current))
            current = []
        current.append(c)
        last = c[3]
    if current:
        lines.append((current[0][3], current))
    return lines


def _page_chars(textpage, text: str, view, width: float, height: float) -> list[tuple]:
    """Every character on the page: (text, x0, x1, baseline, size), off-page ones dropped."""
    R = load_library()
    rect = FS_RECTF()
    m = FS_MATRIX()
    rect_at, m_at = ctypes.addressof(rect), ctypes.addressof(m)
    loose, matrix, size_of = R.FPDFText_GetLooseCharBox, R.FPDFText_GetMatrix, R.FPDFText_GetFontSize
    # the view map is affine: its coefficients once, instead of two calls for every character
    ox, oy = view(0.0, 0.0)
    (ax, ay), (cx_, cy_) = view(1.0, 0.0), view(0.0, 1.0)
    a, b, c, d = ax - ox, ay - oy, cx_ - ox, cy_ - oy
    out = []
    append = out.append
    for i, ch in enumerate(text):
        if ch.isspace() or ch == "\ufffe":
            continue
        loose(textpage, i, rect_at)
        matrix(textpage, i, m_at)  # e, f: the origin; the scale turns the Tf size into points
        size = size_of(textpage, i) * abs(m.a * m.d - m.b * m.c) ** 0.5
        left, right, y = rect.left, rect.right, m.f
        x0, x1 = ox + a * left + c * y, ox + a * right + c * y
        if x1 < x0:
            x0, x1 = x1, x0
        base = oy + b * (left + right) / 2 + d * y
        if not (0 <= (x0 + x1) / 2 <= width and 0 <= base - 0.3 * size <= height):
            continue
        append((ch, x0, x1, base, size))
    return out


def _table(cells: list[tuple], chars_in: list[list[tuple]]) -> Table:
    xs = sorted({c[0] for c in cells})
    tops = sorted({c[1] for c in cells})
    col = {x: i for i, x in enumerate(xs)}
    row_of = {t: i for i, t in enumerate(tops)}
    boxes: list[list[tuple | None]] = [[None] * len(xs) for _ in tops]
    texts: list[list[str | None]] = [[None] * len(xs) for _ in tops]
    for c, chars in zip(cells, chars_in, strict=True):
        r, k = row_of[c[1]], col[c[0]]
        boxes[r][k] = c
        parts = [
            _join_chars(sorted(((t, x0, x1, s) for t, x0, x1, _, s in line), key=lambda q: q[1]))
            for _, line in _group_lines(chars)
        ]
        texts[r][k] = "".join(parts).strip()
    bbox = (
        min(c[0] for c in cells),
        min(c[1] for c in cells),
        max(c[2] for c in cells),
        max(c[3] for c in cells),
    )
    return Table(bbox, texts, boxes)


_BAND = 12.0  # points: cells are looked up in horizontal bands, not scanned for every character


def _bands(grids: list[list[tuple[float, float, float, float]]]) -> dict[int, list[tuple[int, int]]]:
    """(table, cell) indexes by the bands of height _BAND that each cell overlaps, in table order."""
    bands: dict[int, list[tuple[int, int]]] = {}
    for k, grid in enumerate(grids):
        for i, (_, top, _, bottom) in enumerate(grid):
            for band in range(int(top // _BAND), int(bottom // _BAND) + 1):
                bands.setdefault(band, []).append((k, i))
    return bands


def _read_page(doc, index: int) -> Page:
    R = load_library()
    page = R.FPDF_LoadPage(doc, index)
    if not page:
        raise PdfError(FPDF_ERR_PAGE)
    try:
        width, height, view = _view(page)
        result = Page(index + 1, width, height)
        textpage = R.FPDFText_LoadPage(page)
        try:
            text = _text(textpage)
            grids = [g for g in _tables_from_edges(*_edges(page, view)) if len({c[0] for c in g}) > 1]
            # every page is read character by character and grouped by baseline, sorted by x: PDFium's
            # own line text follows the content stream, where a fallback font's glyphs (“ ” in some
            # exports) come after the line they belong to
            chars = _page_chars(textpage, text, view, width, height)
            tabled = [[[] for _ in g] for g in grids]
            bands = _bands(grids)
            loose = [] if grids else chars
            for ch in chars if grids else ():
                cx, cy = (ch[1] + ch[2]) / 2, ch[3] - 0.35 * ch[4]  # the glyph's centre
                for k, i in bands.get(int(cy // _BAND), ()):
                    x0, t, x1, b = grids[k][i]
                    if x0 <= cx < x1 and t <= cy < b:
                        tabled[k][i].append(ch)
                        break
                else:
                    loose.append(ch)
            result.tables = [_table(g, store) for g, store in zip(grids, tabled, strict=True)]
            for base, line in _group_lines(loose):
                line.sort(key=lambda c: c[1])
                size = max(c[4] for c in line)
                result.lines.append(
                    TextLine(
                        _join_chars([(c[0], c[1], c[2], c[4]) for c in line]),
                        line[0][1],
                        base - size,
                        max(c[2] for c in line),
                        base,
                    )
                )
            result.lines.sort(key=lambda t: (round(t.bottom, 1), t.x0))
            return result
        finally:
            R.FPDFText_ClosePage(textpage)
    finally:
        R.FPDF_ClosePage(page)


class PdfError(Exception):
    """PDFium could not open the document; ``encrypted`` when it needs a password."""

    def __init__(self, code: int) -> None:
        self.code = code
        self.encrypted = code in (FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY)
        reason = {
            FPDF_ERR_FILE: "file not found or not readable",
            FPDF_ERR_FORMAT: "damaged or not a PDF",
            FPDF_ERR_PASSWORD: "password required",
            FPDF_ERR_SECURITY: "unsupported security scheme",
            FPDF_ERR_PAGE: "page not found or damaged",
        }.get(code, "unknown error")
        super().__init__(f"PDFium: {reason} ({code})")


def extract(path: str) -> list[Page]:
    """Every page of the PDF: its text lines (top-left coordinates, points) and ruled tables."""
    R = load_library()
    with open(path, "rb") as fh:
        data = fh.read()  # PDFium reads the bytes in place: they must outlive the document
    doc = R.FPDF_LoadMemDocument64(data, len(data), None)
    if not doc:
        raise PdfError(R.FPDF_GetLastError())
    try:
        return [_read_page(doc, i) for i in range(R.FPDF_GetPageCount(doc))]
    finally:
        R.FPDF_CloseDocument(doc)
