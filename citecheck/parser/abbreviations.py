"""Words written with a full stop that is not a sentence's, and when they end one anyway.

Three questions, asked by the segmenter about the word before a full stop:

- :func:`is_abbreviation`: is it an abbreviation or an initial at all (then a capital after
  it does not prove a boundary sentencex missed);
- :func:`never_final`: does it never end a sentence (``Dr.``, ``approx.``, ``cf.``);
- :func:`runs_on_before`: does it not end the sentence before *this* continuation. Labels of
  numbered things (``Tab.``, ``Eq.``, ``Fig.``, ``Sec.``, ``No.``, ``pp.``, a catalogue's
  ``Anh.``) and company and citation words (``Co.``, ``Ltd.``, ``Inc.``, ``et al.``) may
  end a sentence before a capital (``…with Pitt, Briggs & Co. It closed yesterday.``) but
  not before a lower-case word or a number (``Tab. 4 shows…``, ``Briggs & Co. at noon``);
  a label of numbered things also runs on before a roman numeral (``Vol. II``).
  The same holds of the units, labels and citation words other languages abbreviate
  (Russian ``тыс.``, ``млн.``, ``руб.``, ``рис.``; German ``bzw.``, ``Nr.``, ``Mio.``;
  Spanish ``aprox.``, ``pág.``; French ``env.``) before a lower-case word in any script or
  a number: ``33 895 тыс. тонн`` is one sentence.
"""

from __future__ import annotations

from citecheck.text.recache import lazy


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised ones count only when capitalised ("Ill." is Illinois, "ill." is not),
# lower-case ones in any case.
_CAPITALISED = _words(
    """
    mr mrs ms mx dr prof gen sen rep gov rev hon st mt ft jr sr co corp inc ltd bros pvt
    fig figs tab tabs vol vols eq eqs ch chs sec secs dept univ ave rd blvd lt col capt
    cmdr sgt maj adm pres supt esq messrs mme mlle fr jan feb mar apr jun jul aug sep sept
    oct nov dec mon tue tues wed thu thur thurs fri sat sun ala ariz ark calif colo conn
    del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa
    tenn tex va vt wash wis wyo
    """
)
_LOWER_CASE = _words("approx ca cf vs viz incl excl esp etc al ed eds pp est govt")
_NEVER_FINAL = _words(
    "mr mrs ms mx dr prof gen sen rep gov rev hon mt lt col capt cmdr sgt maj adm supt "
    "messrs mme mlle approx ca cf vs viz incl excl esp"
)
# Labels of numbered things, in any case: "Fig. 2", "fig. 2", "Eqs. 3-4", "pp. 12-15";
# "Anh." the appendix of a catalogue of works ("BWV Anh. 114", German "Anhang").
_LABELS = _words("fig figs tab tabs eq eqs sec secs ch chs vol vols no nos pp p art arts anh")
# The same in other languages: Russian units, amounts, labels and citation words; German,
# Spanish and French ones.
_FOREIGN = _words(
    """
    тыс млн млрд трлн руб коп долл гг вв см ср др пр ок прим рис табл стр ул им св напр
    bzw usw ggf vgl evtl inkl bspw mio mrd tsd nr abb aprox núm pág págs env
    """
)
# Words that run on before a lower-case word or a number: labels, company and citation words.
_BEFORE_LOWER = _LABELS | _FOREIGN | _words("co corp inc ltd pvt bros al cf approx ca vs viz etc")
# Amounts and currencies run on before a word (``тыс. тонн``), not a number: a number
# after them opens the next sentence (``650 млрд руб. 90,7 % …``).
_AMOUNTS = _words("тыс млн млрд трлн руб коп долл mio mrd tsd")
# "No." is the word "no" as often as it is "number": only a number follows the label.
_NUMBER_ONLY = _words("no nos")
_NEXT_WORD = lazy(r"\s*[(\[\"“‘«]?(\w)")  # the first character of what follows
_NUMBER = lazy(r"\s*[(\[\"“‘]?\d")
_ROMAN = lazy(r"\s*[(\[]?(?:[IVX]{2,6}|V|X)(?![\w'’])")


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` (letters only) followed by a full stop is an abbreviation or initial."""
    folded = word.casefold()
    if len(word) == 1 or folded in _LOWER_CASE:
        return True
    return folded in _CAPITALISED and word[0].isupper()


def never_final(word: str) -> bool:
    """Whether ``word`` and a full stop can never end a sentence (``Dr.``, ``approx.``)."""
    return word.casefold() in _NEVER_FINAL and is_abbreviation(word)


def may_run_on(word: str) -> bool:
    """Whether ``word`` and a full stop may not end a sentence: :func:`never_final` or
    :func:`runs_on_before` can hold for it (whatever follows)."""
    folded = word.casefold()
    return folded in _NEVER_FINAL or folded in _BEFORE_LOWER


def runs_on_before(word: str, following: str) -> bool:
    """Whether ``word`` and a full stop do not end a sentence when ``following`` comes next.

    ``following`` is the text after the full stop (blanks first are allowed).
    """
    folded = word.casefold()
    if folded not in _BEFORE_LOWER:
        return False
    if folded in _NUMBER_ONLY:
        return bool(_NUMBER.match(following))
    if (m := _NEXT_WORD.match(following)) and (
        m.group(1).islower() or (m.group(1).isdigit() and folded not in _AMOUNTS)
    ):
        return True
    return folded in _LABELS and bool(_ROMAN.match(following))
