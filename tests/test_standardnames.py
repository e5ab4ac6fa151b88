"""Standards named by designation in a specification's prose (``ISO 8601``)."""

from __future__ import annotations

from citecheck.parser import parse
from citecheck.parser.standardnames import (
    IN_PROSE,
    designation,
    is_designation,
    names_standards,
)


def test_designations_and_keys_share_one_index_form():
    assert designation("ISO 8601") == designation("ISO8601") == "ISO8601"
    assert designation("IEEE Std 754") == designation("IEEE.754") == "IEEE754"
    assert designation("ISO/IEC 10646") == designation("ISO.10646") == "ISO10646"
    assert designation("ECMA-262") == "ECMA262"
    assert designation("ITU-T X.509") == "ITUTX509"
    assert designation("IEC 61508") == "IEC61508"


def test_what_a_key_that_spells_a_designation_is():
    assert is_designation("ISO8601") and is_designation("ECMA-262")
    assert is_designation("ISO.10646") and is_designation("FIPS180-4")
    assert not is_designation("ISO8601:2000")  # an edition, not the standard's name
    assert not is_designation("RFC2119") and not is_designation("ISOC")


def test_what_the_prose_names():
    text = "ISO 8601 and ECMA-262, ITU-T X.509, [ISO8601], ISO 8601:2000, /ISO 9000, iso 8601"
    assert [m.group() for m in IN_PROSE.finditer(text)] == ["ISO 8601", "ECMA-262", "ITU-T X.509"]
    assert names_standards("see ISO 3166-1 for codes")
    assert not names_standards("the ISO of the camera was 800")


SPEC = """1.  Introduction

   This document profiles ISO 8601 [ISO8601] and ECMA-262 [ECMA-262].

   ISO 8601 does not specify a formal grammar.  IEEE Std 754 rounds every
   fraction.

2.  References

   [ISO8601]  ISO, "Representation of dates and times", ISO 8601:1988.

   [ECMA-262] Ecma International, "ECMAScript Language Specification".

   [IEEE754]  IEEE, "IEEE Standard for Floating-Point Arithmetic".
"""


def test_a_named_standard_cites_the_entry_a_callout_cites():
    doc = parse(SPEC, "text")
    named = [(m.raw, m.keys) for m in doc.markers if not m.raw.startswith("[")]
    # IEEE 754 is in the list but no callout cites it: naming it does not either.
    assert named == [("ISO 8601", ("ISO8601",))]
