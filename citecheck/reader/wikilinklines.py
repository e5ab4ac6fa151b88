"""A wiki page's furniture links: files, categories and interlanguage links.

MediaWiki shows a link whose target is in the File (Image) or Category namespace,
or starts with another edition's language code, not where it stands: an image with its
caption, the category box at the page's foot, the list of other languages in the
sidebar (MediaWiki ``Help:Links``, ``Help:Categories``, ``Help:Interlanguage links``). A
page's source names these namespaces in its own language — ``[[Catégorie:…]]``,
``[[Categorie:…]]``, ``[[קובץ:…]]`` — the names MediaWiki's localisation gives them
(``languages/messages/Messages*.php``, ``$namespaceNames`` and ``$namespaceAliases``).

:data:`HIDDEN_NAMESPACE` matches the start of such a link's target (the wikitext reader
blanks the link). :func:`blank_link_lines` blanks, in a page's source read as plain
text (a stub with no ``<ref>`` is not told from text), each line made only of such
links: ``[[Catégorie:Musique par genre]]``, ``[[de:Wiegenlied]] [[en:Lullaby]]``. Read as
they stand, the lines under the page's last heading (its bibliography) are entries
``[Catégorie:…]`` with nothing after the label. A browser copy writes the category box
as one line, ``Categorie: A · B`` or ``Categories: A | B``, after the page's last
section: such a line among the last lines of the text is blanked too.
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# File (and Image) and Category in the editions most copied: English, German,
# French, Spanish, Italian, Portuguese, Dutch, Polish, Swedish, Russian, Ukrainian,
# Hebrew, Arabic, Persian, Japanese, Chinese.
_NAMES = (
    r"File|Image|Category|Datei|Bild|Kategorie|Fichier|Catégorie|Archivo|Imagen"
    r"|Categoría|Immagine|Categoria|Ficheiro|Arquivo|Imagem|Bestand|Afbeelding|Categorie"
    r"|Plik|Grafika|Kategoria|Fil|Kategori|Файл|Изображение|Категория|Категорія"
    r"|קובץ|תמונה|קטגוריה|ملف|صورة|تصنيف|پرونده|رده|ファイル|画像|カテゴリ|文件|檔案|分类|分類"
)
HIDDEN_NAMESPACE = lazy(rf"^\s*:?\s*(?:{_NAMES}|[a-z]{{2,3}}(?:-[a-z]+)?)\s*:", re.I)
"""The start of a link target MediaWiki does not show in the text (see the module)."""
_LINK = rf"\[\[[ \t]*(?:{_NAMES}|[a-z]{{2,3}}(?:-[a-z]+)?)[ \t]*:[^\[\]\n]*\]\]"
_LINK_LINE = lazy(rf"^[ \t]*{_LINK}(?:[ \t]*{_LINK})*[ \t]*(?=\r?$)", re.M | re.I)
# A browser copy's category box: ``Categories: …``, ``Categorie: …``, ``Kategorien: …``.
_BOX = lazy(
    r"^[ \t]*(?:Categor(?:y|ies|ie|ieën|ía|ías|ia)|Kategorien?|Catégories?|Kategori(?:er)?"
    r"|Категори[яи]|קטגוריות?)[ \t]*:[^\n]*",
    re.M,
)
_TAIL = 12  # lines at the end of a text where a category box may stand


def blank_link_lines(text: str) -> str:
    """Return ``text`` (same length) with each line made only of file, category or
    interlanguage links written as spaces, and a category box line among the text's last
    twelve lines too (see the module). A text with no ``[[`` and no ``:`` in its tail is
    returned as it is."""
    if "[[" in text:
        text = _LINK_LINE.sub(lambda m: " " * len(m.group()), text)
    cut = len(text)
    for _ in range(_TAIL):
        cut = text.rfind("\n", 0, cut)
        if cut < 0:
            break
    tail_start = cut + 1
    if ":" not in text[tail_start:]:
        return text
    tail = _BOX.sub(lambda m: " " * len(m.group()), text[tail_start:])
    return text[:tail_start] + tail
