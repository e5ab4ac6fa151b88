"""An entry of a reference list that names the one RFC it is shows its source; a line of a
registry or a field description that names an RFC, with no number or label of an entry,
does not (see ``_sourced`` in :mod:`citecheck.parser.prosesections`)."""

from __future__ import annotations

from citecheck.model import BlockKind, Reference
from citecheck.parser.prosesections import _sourced


def _ref(text: str, key: str | None = None, number: int | None = None) -> Reference:
    return Reference(key, 0, len(text), text, BlockKind.ITEM, number=number)


def test_numbered_entry_naming_an_rfc_shows_its_source() -> None:
    assert _sourced(_ref("Multipurpose Internet Mail Extensions, RFC 1341.", number=1))
    assert _sourced(_ref("Multipurpose Internet Mail Extensions, RFC 1341.", key="1"))


def test_unnumbered_line_naming_an_rfc_is_no_source_by_that() -> None:
    assert not _sourced(_ref("| 0 | Denotes a continuation frame | RFC 6455 |"))


def test_an_entry_naming_two_rfcs_is_no_one_rfc() -> None:
    assert not _sourced(_ref("Updates to the mail transport, RFC 1425 and RFC 1426.", number=2))
