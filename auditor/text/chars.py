"""Character-level normalisation shared by every stage: full-width digits and signs folded to ASCII."""

from __future__ import annotations

import re
from functools import lru_cache

# Length-preserving normalisation, so that columns computed on the normalised text are the
# columns of the original line. NFKC would also fold ① into 1 and change lengths.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％＋－，／～＜＞＝",
    "0123456789.%+-,/~<>=",
)
# The full-width comma is punctuation in Chinese text, never a thousands separator: keep it.
_FULLWIDTH = {k: v for k, v in _FULLWIDTH.items() if k != ord("，")}


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Fold full-width digits and signs to ASCII, and traditional characters to simplified ones, without
    changing the text's length (cached: the same paragraphs are read by many rules)."""
    return simplified(text.translate(_FULLWIDTH))


def simplified(text: str) -> str:
    """``text`` with its traditional characters in simplified ones, one character for one."""
    return _simplified(text) if _TRADITIONAL.search(text) else text


# Traditional characters of the reports' vocabulary (the traditional forms of the characters of real
# 预算/决算/绩效 reports, by OpenCC): a text holding one is converted by OpenCC ("比上年減少" reads as
# "比上年减少"). Web mirrors republish many reports in traditional characters.
_TRADITIONAL_FORMS = (
    "並亂佈佔來倉個們偉側備傳債傷傾僅價儀億儉償優儲兌兒內兩冊凈凱別刪則剛剝創劃劇劉劑動務勞勢勵勸匯匱區協厲參員問啓喪單噸嚴國圍園圓圖團執堅報場塊壇壓壽夠夥夾奮娛嬰學實寧審寫寬將專尋對導屆層屬崗嵐嶽師帶幟幣"
    "幫幹幾庫廁廚廠廢廣廳張強彌彥後徑從復徵徹恆愛態慮慶憂憑應懲懸戰戶掃掛採揚換揮損撐撥撫擇擊擔據擠擬擴擺擾攤敗數斷於時晉暢暫曉曠曬書會東條棄楊業極榮構槓樂樓標樣樹橋機橫檔檢欄權歲歷歸殘殺氣決沒況淨減測準溝"
    "溫滄滬滯滾滿漁漢漸潔潤濟濫濱瀏灑灘災為烏無煉煙熱燈營爭爲爾牽犧狀獎獨獲獻現環產産畢異當療發盞盡監盤矯碩確碼礎礙祕禍稅種稱積穩競筆節範築篤篩簡簽籌籤粵糞糧糾紀約紅紉納紙級紛細紹終組結絕絡給統經綜綠維網綿"
    "緊線緣編緩練縣縫縮總績織繕繞繪繳繼續罰羅羣義習聖聞聯聲職聽肅脫腦腳臨臺與興舉舊艱莊華萬蓋蓮薈薦藍藝藥蘇蘭處虛號虧螞蟻衆術衛衝裏補裝見規視親覺覽觀訂計訊討訓託記訟訪設許訴詐評詞詢試話該詳認語誠誤說誰課誼"
    "調談請論諧諮諸謀講謝謹證識譜議護讀變讓豐負財貢貧貨貫責貴買貸費貼貿賃資賓賞賠賣質賬賴購賽趕趨跡踐蹤躍車軍軟較載輔輕輛輪輯輸輿轄轉轎辦農這連進遊運過達違遠適遲遷選遺邁還邊郵鄉鄧醫釋釐針鉤銀銜銳銷鋪鋼錄錢"
    "錯鍵鍾鎖鎮鑑鑿長門閉開閒間閩關陳陸陽隊階際隨險隱雙雜離難雲電靈靚鞏響頁項順須頊預頒頓領頭頻題額顏願類顧顯風飪飲餅養餘館饋馬駐駕騙騰驅驗驛髒體鬥魯鮮鵬鶴鹽麗麼黃點黨齊齡龍"
)
_TRADITIONAL = re.compile("[" + _TRADITIONAL_FORMS + "]")
_CONVERTER: list = []


def _simplified(text: str) -> str:
    """``text`` in simplified characters, one character for one (OpenCC, loaded on first use; the text as
    it is when OpenCC is not installed)."""
    if not _CONVERTER:
        try:
            import opencc  # a traditional text is rare: no import cost for the others
        except ImportError:
            _CONVERTER.append(None)
        else:
            _CONVERTER.append(opencc.OpenCC("t2s"))
    converter = _CONVERTER[0]
    if converter is None:
        return text
    out = converter.convert(text)
    if len(out) == len(text):
        return out
    # a phrase converted to one of another length: character by character, so that columns stay
    return "".join(c if len(c) == 1 else ch for ch in text for c in [converter.convert(ch)])


# Spaces that only spread a sentence out: between two CJK characters ("基 本 支 出"), between a figure and
# its unit or % ("1885.44 万元", "4.2 %"), and around CJK punctuation ("万元 ，"). Spaces between Latin
# words or between two numbers carry meaning and stay.
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SPREAD = None


def compact_spacing(text: str) -> tuple[str, list[int]]:
    """``text`` without the spaces that spread it out (and pinyin put after characters), and for each kept
    character its index in ``text``.

    Text copied from a PDF or a web page is letter-spaced and puts spaces between a figure and its unit;
    the figures are read from the compact text, and reported at their place in the original.
    """
    global _SPREAD
    if " " not in text and "\u3000" not in text and "(" not in text and not _DOUBLED.search(text):
        return text, list(range(len(text)))
    if _SPREAD is None:
        from auditor.text.rx import compile_pattern

        _SPREAD = compile_pattern(
            rf"(?<=[{_CJK}])[ \u3000]+(?=[{_CJK}\d%％])"  # 基 本 · 合计 1885.44 · ， 比
            rf"|(?<=[\d.%％])[ \u3000]+(?=[{_CJK}%％])"  # 1885.44 万元 · 4.2 %
            rf"|(?<=[{_CJK}\d%％])[ \u3000]+(?=[,:;])"  # 万元 , 其中 : (half-width punctuation)
            rf"|(?<=[,:;])[ \u3000]+(?=[{_CJK}])"  # , 其中 : 基 本 (never between two figures: "1, 234")
            # a mirror site's pinyin after a character: 財(cái)政撥款 · 萬(wàn)元
            rf"|(?<=[{_CJK}])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{1,6}}\)"
            # a web copy's doubled punctuation: "万元,,占…" · "万元,、政府采购…" · "6.7%,。"
            r"|(?<=[，,])[ \u3000]*[，,、](?![\d])"
            r"|[，,][ \u3000]*(?=[。；;])"
        )
    kept: list[int] = []
    pieces: list[str] = []
    cursor = 0
    for m in _SPREAD.finditer(text):
        pieces.append(text[cursor : m.start()])
        kept.extend(range(cursor, m.start()))
        cursor = m.end()
    pieces.append(text[cursor:])
    kept.extend(range(cursor, len(text)))
    return "".join(pieces), kept


_NARROW = re.compile("[\x00-\u2e7f]+")
_DOUBLED = re.compile("[，,][ \u3000]*[，,、。；;]")


def display_width(text: str) -> int:
    """Terminal and page columns: CJK and full-width characters take two. (wcwidth knows every character
    but takes 30 ms to import; this is the only distinction the reports' text needs.) Counted by the
    stdlib engine in one pass: a Python loop over the characters was a tenth of a text report's check."""
    return len(text) + len(_NARROW.sub("", text))


_COLUMN_GAP = re.compile(r"\S[ \u3000]{3,}\S")


def laid_out(text: str) -> bool:
    """A line whose words stand in columns: a run of three or more spaces inside it, as pdftotext -layout
    writes a table's rows. Such a line is neither a line of a paragraph nor a sentence of prose."""
    return _COLUMN_GAP.search(text.strip()) is not None
