"""Shared vocabulary: the words and shapes that several stages recognise."""

from __future__ import annotations

import re

from citecheck.model import READING_HEADING as _READING
from citecheck.text.recache import lazy

# The scripts written without spaces between words (kana, CJK ideographs, Hangul,
# compatibility ideographs), as a character-class body: ``rf"[{CJK_RANGES}]"``.
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"

# A reading list's title; the model asks it to tell whether a text cites sources at all.
READING_HEADING = _READING

REFERENCE_WORDS = (
    "references",
    "reference",
    "reference list",
    "list of references",
    "sources",
    "source",
    "notes",
    "citations",
    "bibliography",
    "works cited",
    "works consulted",
    "footnotes",
    "endnotes",
    "literature cited",
    "further reading",
    "additional reading",
    "suggested reading",
    "recommended reading",
)
"""Names of a reference section; a qualifier ("Normative", "Selected") may precede each."""

FOREIGN_REFERENCE_WORDS = (
    "références",  # French (also Notes, Sources, Bibliographie)
    "bibliographie",
    "références bibliographiques",
    "quellen",  # German
    "quellenangaben",
    "literatur",
    "literaturverzeichnis",
    "quellenverzeichnis",
    "quellen- und literaturverzeichnis",
    "literatur- und quellenverzeichnis",
    "literaturangaben",
    "verwendete literatur",
    "einzelnachweise",
    "anmerkungen",
    "referencias",  # Spanish
    "fuentes",
    "bibliografía",
    "referencias bibliográficas",
    "obras citadas",
    "fuentes de consulta",  # "works consulted" (a reading list, see READING_HEADING)
    "fuentes consultadas",
    "bibliografía consultada",
    "obras consultadas",  # Spanish, Portuguese
    "bibliografia consultada",  # Portuguese, Italian
    "fontes consultadas",  # Portuguese
    "ouvrages consultés",  # French
    "webographie",  # French: the web pages a thesis draws on (also "sitographie")
    "sitographie",
    "sitografia",  # Italian
    "webografía",  # Spanish
    "notas",
    "riferimenti",  # Italian
    "riferimenti bibliografici",
    "fonti",
    "bibliografia",
    "referências",  # Portuguese
    "fontes",
    "referências bibliográficas",
    "bronnen",  # Dutch
    "referenties",
    "literatuur",
    "källor",  # Swedish
    "referenser",
    "noter",  # Danish, Norwegian, Swedish
    "kilder",
    "przypisy",  # Polish
    "voetnoten",  # Dutch
    "notes et références",  # French Wikipedia
    "notes and references",
    "примечания",  # Russian, Ukrainian, Bulgarian
    "литература",
    "источники",
    "список источников",
    "список литературы",  # a Russian thesis (GOST): "list of literature", "of sources used"
    "список использованной литературы",
    "список использованных источников",
    "библиографический список",
    "список використаних джерел",  # Ukrainian
    "список використаної літератури",
    "примітки",
    "джерела",
    "脚注",  # Japanese
    "注釈",
    "出典",
    "参考文献",  # Japanese, Chinese
    "引用文献",
    "参考资料",  # Chinese
    "參考資料",
    "注释",
    "註釋",
    "參考文獻",
    "参考来源",  # Chinese answer exports and research reports
    "来源列表",
    "信息来源",
    "资料来源",
    "引用来源",
    "来源",
    "각주",  # Korean
    "참고 문헌",
    "각주 및 참고 문헌",
    "viitteet",  # Finnish
    "lähteet",
    "kaynakça",  # Turkish
    "kaynaklar",
    "literatura",  # Polish, Czech, Slovak, Slovene, Croatian
    "bibliografie",  # Czech, Romanian, Dutch
    "litteratur",  # Danish, Norwegian, Swedish
    "dipnotlar",
    "poznámky",  # Czech
    "seznam použité literatury",
    "seznam literatury",
    "použitá literatura",
    "seznam použitých zdrojů",
    "zdroje",
    "zoznam použitej literatúry",  # Slovak
    "použitá literatúra",
    "spis literatury",  # Polish
    "wykaz literatury",
    "źródła",
    "jegyzetek",  # Hungarian
    "hivatkozások",
    "irodalomjegyzék",
    "felhasznált irodalom",
    "παραπομπές",  # Greek
    "σημειώσεις",
    "הערות שוליים",  # Hebrew
    "מקורות",
    "المراجع",  # Arabic
    "مراجع",
    "منابع",  # Persian
    "chú thích",  # Vietnamese
    "tham khảo",
    "อ้างอิง",  # Thai
    "referensi",  # Indonesian, Malay
    "rujukan",
)
"""Common names of a reference section in other languages, recognised by default."""

# Arabic or Roman section numbers, or a letter: "2.1.", "VI.", "A.", "9 "; a number closed
# by a full stop or an enumeration comma may touch a name in Chinese or Japanese, as a
# Chinese thesis types it ("7.参考文献：", "七、参考文献").
_NUMBERING = (
    r"(?:(?:(?:\d+|[A-Z])(?:\.\d+)*\.?|[IVXLC]{1,6}[.)])\s+"
    r"|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.．、](?=[\u3000-\u9fff]))?"
)
_QUALIFIER = (
    r"(?:(?:normative|informative|selected|cited|external|other|general|additional|further"
    r"|primary|secondary|key|useful)\s+)?"
)
# Between two names of a compound heading: "References and Notes", "Notes et références".
_JOIN = r"(?:\s*[,&/]\s*(?:and\s+)?|\s+(?:and|und|et|y|e)\s+)"


def _heading_pattern(extra: tuple[str, ...]) -> str:
    # Longest first; ties by spelling, so that the pattern is the same in every process.
    words = {*REFERENCE_WORDS, *FOREIGN_REFERENCE_WORDS, *extra}
    names = sorted(words, key=lambda w: (-len(w), w))
    name = _QUALIFIER + "(?:" + "|".join(re.escape(w) for w in names) + ")"
    # No two whitespace runs touch: adjacent ``\s*`` would backtrack quadratically.
    # A bilingual heading names the list twice, the second in brackets: "參考文獻（References）".
    return (
        rf"^\s*(?:#{{1,6}}\s*)?(?:[*_]{{1,3}})?{_NUMBERING}{name}(?:{_JOIN}{name})*"
        rf"(?:[ \t]*[(（][ \t]*{name}[ \t]*[)）])?"
        rf"(?:[*_]{{1,3}})?(?:\s*[:：])?(?:[*_]{{1,3}})?(?:\s*#+)?\s*$"
    )


def reference_heading(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Compile the pattern of a heading that opens a reference section.

    The heading may be numbered (``7.1.``, ``VI.``), in bold or italics (``**Sources**``),
    end in a colon, join several names (``Sources and further reading``) and give one in
    brackets in another language (``參考文獻（References）``). ``extra``
    adds names (a setting); without them it is :data:`REFERENCE_HEADING`.
    """
    return re.compile(_heading_pattern(extra), re.IGNORECASE)


REFERENCE_HEADING = lazy(_heading_pattern(()), re.IGNORECASE)
NOTES_HEADING = lazy(r"\b(?:notes|footnotes|endnotes|anmerkungen|notas)\b", re.IGNORECASE)
"""A word in a section title that says its items may be notes (prose), not only sources."""

# Placeholders a writer leaves where a citation belongs, and the inline cleanup tags of
# Wikipedia (Template:Citation needed, Template:Inline cleanup tags) that say a source is
# missing, unreliable or does not back the text.
_PLACEHOLDERS = (
    r"citations?(?:\s+needed)?|needs?\s+(?:a\s+)?(?:citation|source)|sources?(?:\s+needed)?\??"
    r"|cite|cite\s+needed|ref(?:erence)?(?:\s+needed)?\??|references?\s+needed|tk|tktk"
    r"|citation\?|who\?|by\s+whom\?|according\s+to\s+whom\?|when\?|which\?|where\?"
    r"|(?:better|reliable|independent|third[- ]party|non[- ]primary|secondary|medical)"
    r"\s+source\s+needed|full\s+citation\s+needed|failed\s+verification"
    r"|verification\s+(?:needed|failed)|unreliable(?:\s+medical)?\s+source\??"
    r"|self[- ]published\s+source\??|(?:page|pages|page\s+range|year|date|quotation"
    r"|attribution|url|link)\s+needed|not\s+in\s+(?:citation|source)\s+given"
    r"|citation\s+not\s+found|irrelevant\s+citation|dubious(?:\s*[-–—]\s*discuss)?"
    # The same tags as other editions of Wikipedia render them (zh, ja, ko, de, fr, es, ru,
    # pt, it, nl): ``[來源請求]``, ``[要出典]``, ``[출처 필요]``, ``[Belege fehlen]``,
    # ``[réf. nécessaire]``, ``[cita requerida]``, ``[источник не указан 12 дней]``, ...
    r"|來源請求|来源请求|需要来源|需要來源|要出典|출처\s*필요|belege?\s+fehlen|quelle\s+fehlt"
    r"|réf\.?\s+(?:nécessaire|souhaitée)|r[ée]f[ée]rence\s+n[ée]cessaire"
    r"|citation\s+n[ée]cessaire|information\s+douteuse|cita\s+requerida|se\s+necesita\s+cita"
    r"|необходим\s+источник|нет\s+АИ|источник\s+не\s+указан(?:\s+\d{1,5}\s+(?:дн[яейь]{1,2}|день))?"
    r"|nota\s+necessária|carece\s+de\s+fontes|citação\s+necessária|senza\s+fonte"
    r"|citazione\s+necessaria|bron\?|bron\s+nodig"
)
PLACEHOLDER = lazy(rf"^\s*(?:{_PLACEHOLDERS})\s*$", re.IGNORECASE)
# ``{{citation needed|date=May 2024}}``: the template's name, before any parameter.
TEMPLATE_PLACEHOLDER = lazy(rf"^(?:{_PLACEHOLDERS}|cn|fact|citation\s+needed\s+span)$", re.I)

TERMINAL = lazy(r"(?:[.!?:;…]|\.\.\.)[\"'”’)\]»]*\s*$|\]\s*$")

# A suppression comment on a line of its own (``<!-- citecheck: ignore uncited-claim -->``):
# never prose, and in plain text it ends the block before it.
DIRECTIVE_LINE = lazy(r"^[ \t]*<!--[ \t]*citecheck[ \t]*:.*-->[ \t]*$", re.I)

# An HTML tag written inline in Markdown or text (``<span id="page-2-0">``, ``</sup>``).
HTML_TAG = lazy(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
