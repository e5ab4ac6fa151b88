"""Standards named by designation: ``ISO 8601``, ``ISO/IEC 10646``, ``ITU-T X.509``,
``IEEE Std 754``, ``ECMA-262``, ``FIPS 180-4``.

A specification cites a standard with a callout (``[ISO8601]``) and then names it in the
prose over and over: RFC 3339 writes "ISO 8601 does not specify a formal grammar …" for
the work its list holds as ``[ISO8601] "Data elements and interchange formats …", ISO
8601:1988``. The designation is the standard's name as its body publishes it (ISO/IEC
Directives, Part 2: "ISO 8601"; ITU-T's "X.509"; IEEE's "IEEE Std 754"), and a
specification's label for it is that designation with its blanks dropped. So the prose's
designation names the entry whose key spells it, as the prose's "RFC 2068" names the entry
that identifies that RFC (:mod:`citecheck.parser.rfcmentions`, which reads both): only an
entry that a callout cites somewhere, and only where the key is the designation itself
(``[ISO8601]``, ``[ECMA-262]``, ``[IEEE.754]``; an edition's key ``[ISO8601:2000]`` is not
"ISO 8601").
"""

from __future__ import annotations

import re

from citecheck.text.recache import lazy

# The bodies whose designations a specification names, then the number: ``8601``,
# ``10646-1``, ``X.509``, ``802.11``, ``180-4``, ``800-63B``.
_BODY = (
    r"(?:ISO(?:/IEC)?(?:/IEEE)?|IEC|ITU-[TR]|IEEE(?:[ \u00a0]Std)?|ECMA|ANSI|FIPS(?:[ \u00a0]PUB)?)"
)
_NUMBER = r"(?:[A-Z]\.)?\d{1,6}(?:[.-]\d{1,5}[A-Z]?)*"
IN_PROSE = lazy(r"(?<![\w/.#\[-])" + _BODY + r"[ \u00a0-]?" + _NUMBER + r"(?![\w\]/]|\.\d|:\d)")
_KEY = lazy(_BODY + r"[ .\u00a0_-]?" + _NUMBER, re.I)
_NOISE = lazy(r"(?<=IEEE)STD|(?<=FIPS)PUB|(?<=ISO)IEC(?=\d|IEEE)")


def designation(name: str) -> str:
    """The index form of a designation or a key: upper case, blanks, dots, slashes and
    hyphens dropped, and IEEE's ``Std``, FIPS's ``PUB``, the ``IEC`` of a joint ``ISO/IEC``
    (``IEEE Std 754`` → ``IEEE754``, ``ISO/IEC 10646`` → ``ISO10646``)."""
    upper = re.sub(r"[^A-Z0-9]", "", name.upper())
    return _NOISE.sub("", upper)


def is_designation(key: str) -> bool:
    """Whether an entry's key is a standard's designation (``ISO8601``, ``ECMA-262``)."""
    return _KEY.fullmatch(key.strip()) is not None


def names_standards(text: str) -> bool:
    """Whether ``text`` names a standard by designation somewhere."""
    return IN_PROSE.search(text) is not None
