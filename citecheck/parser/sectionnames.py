"""The names a research paper or thesis gives its sections and its contents list, in the
languages theses are written in.

A section's heading is told by its name (Abstract, Introduction, Background or Related
work, Methods, Results, Discussion, Conclusion), numbered or not, in English, Chinese,
German, French, Spanish, Portuguese, Italian, Russian, Hungarian, Polish, Czech and
Slovak, Turkish, Dutch and Swedish ("Wstęp", "Úvod", "Giriş", "Inleiding";
"Podsumowanie", "Závěr", "Sonuç", "Slutsatser"). A Word thesis's contents list is told
by its title ("Contents", "Spis treści", "Obsah", "İçindekiler"). See
:func:`citecheck.parser.profile.detect`, which reads a document with these sections as a
paper.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# A section's number: "2.", "II.", "B.", "2.1:", or a thesis's "chapter 1 :" and "Chapter 3 -".
_NUMBER = r"(?:(?:chapter\s+)?(?:\d+|[IVXLC]+|[A-Z])(?:\.\d+)*\.?(?:\s*[:–—-])?\s+)?"
# With the names a Chinese paper or thesis gives them (摘 要, 第1章 绪论, 结论与展望).
# And the names theses and papers give them in German, French, Spanish, Portuguese,
# Italian, Russian, Hungarian, Polish, Czech and Slovak, Turkish, Dutch and Swedish.
SECTIONS = {
    "abstract": r"abstract|摘\s*要|zusammenfassung|kurzfassung|résumé|resumen|resumo|sommario"
    r"|riassunto|аннотация|реферат|összefoglal[óá]|kivonat|streszczenie|abstrakt|özet"
    r"|samenvatting|sammanfattning",
    "introduction": r"introduction|绪\s*论|引\s*言|前\s*言|einleitung|einführung|introducción"
    r"|introdução|introduzione|введение|bevezet[éő]s?|bevezető|wstęp|wprowadzenie|úvod"
    r"|giriş|inleiding|inledning",
    "background": r"background|related\s+work|previous\s+work|prior\s+work|literature\s+review"
    r"|相关工作|文献综述|研究现状|国内外研究现状|stand\s+der\s+forschung|état\s+de\s+l['’]art"
    r"|estado\s+del\s+arte|marco\s+teórico|revisão\s+da\s+literatura|stato\s+dell['’]arte"
    r"|обзор\s+литературы|szakirodalmi\s+áttekintés|przegląd\s+literatury|stan\s+wiedzy"
    r"|literatür\s+taraması",
    "methods": r"methods?|methodology|materials\s+and\s+methods|experimental\s+setup"
    r"|experiments?|evaluation|研究方法|实验设计|系统设计|methoden|methodik|méthodes"
    r"|méthodologie|métodos|metodología|metodologia|metodi|методы|методология|módszerek"
    r"|módszertan|metody(?:\s+badawcze)?|metodyka|metodika|yöntem(?:ler)?|methode|metod",
    "results": r"results|experimental\s+results|findings|实验结果|结果分析|系统测试|ergebnisse"
    r"|résultats|resultados|risultati|результаты|eredmények|wyniki|výsledky|bulgular"
    r"|resultaten|resultat",
    "discussion": r"discussion|讨\s*论|diskussion|discusión|discussão|discussione|обсуждение"
    r"|dyskusja|diskuse|diskusia|tartışma|discussie",
    "conclusion": r"conclusions?|concluding\s+remarks|结\s*论|总结与展望|结论与展望|总\s*结|fazit"
    r"|considerações\s+finais|consideraciones\s+finales|considérations\s+finales"
    r"|schlussfolgerungen?|conclusiones|conclusão|conclusões|conclusioni|заключение|выводы"
    r"|összegzés|következtetések|podsumowanie|zakończenie|wnioski|závěr|záver"
    r"|sonuç(?:lar)?|conclusies?|slutsatser?",
}
# The contents list of a thesis or report in Word: "Contents", "Оглавление", "Spis treści".
CONTENTS = lazy(
    r"^\W*(?:(?:table\s+of\s+)?contents|inhaltsverzeichnis|inhalt|table\s+des\s+matières"
    r"|sommaire|índice|sumário|indice|sommario|оглавление|содержание|tartalomjegyzék|目\s*录"
    r"|spis\s+treści|obsah|İçindekiler|içindekiler|inhoudsopgave|inhoud"
    r"|innehåll(?:sförteckning)?)\W*$",
    re.I,
)
# An entry of a contents list: a title on one line, ending in its page number after
# blanks, a tab or leader dots ("1.2.1 Ruby 13", "Einleitung\t5", "Introduction ..... 3").
TOC_ENTRY = lazy(r"^[^\n]{0,150}?[^\d\s](?:[^\S\n]*[.…·_]+)?[^\S\n]*\d{1,3}$")
PAPER_HEADING = {
    name: lazy(rf"^{_NUMBER}(?:[\w&;,-]+\s+){{0,3}}(?:{words})(?:\s+[\w&;,-]+){{0,3}}\W*$", re.I)
    for name, words in SECTIONS.items()
}
"""A paper section's heading by name: ``abstract``, ``introduction``… to its pattern."""
