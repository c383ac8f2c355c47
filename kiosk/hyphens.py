"""Where long words may break: soft hyphens from the language's hyphenation rules.

A long compound ("tvångskollektiviseringen") would otherwise stay whole on a narrow line and
stick out, or leave a ragged gap. ``hyphenate`` puts a soft hyphen (U+00AD) at each place the
language's rules (pyphen's dictionaries, those of LibreOffice) allow in every long word; Qt's
text layout breaks a line there only when the word does not fit, and then draws the hyphen.
Short words, figures and languages without a dictionary are left as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import pyphen

SOFT_HYPHEN = "\u00ad"
LONG_WORD = 14  # letters: shorter words ("organizations") fit any line the kiosk lays out
EDGE = 4  # letters kept together at either end of a word: "tvångs-…", never "t-…"
_WORD = re.compile(rf"[^\W\d_]{{{LONG_WORD},}}")


@lru_cache(maxsize=16)  # one dictionary per language
def _dictionary(lang: str) -> Optional[pyphen.Pyphen]:
    if not lang or pyphen.language_fallback(lang) is None:
        return None
    return pyphen.Pyphen(lang=lang, left=EDGE, right=EDGE)


@lru_cache(maxsize=4096)  # the texts of a few screens: bounded, however large the exhibit
def hyphenate(text: str, lang: str) -> str:
    """``text`` with soft hyphens where its long words may break, in ``lang``'s rules."""
    if len(text) < LONG_WORD or SOFT_HYPHEN in text:  # short, or hyphenated by hand
        return text
    dictionary = _dictionary(lang)
    if dictionary is None:
        return text
    return _WORD.sub(lambda word: dictionary.inserted(word.group(), hyphen=SOFT_HYPHEN), text)


def drawn(line: str) -> str:
    """One line of a broken text as it is drawn: a soft hyphen at its end shows as a hyphen,
    the others not at all."""
    broken = line.endswith(SOFT_HYPHEN)
    line = line.replace(SOFT_HYPHEN, "")
    return f"{line}-" if broken else line


def plain(text: str) -> str:
    """``text`` without its soft hyphens (for a screen reader, or a search)."""
    return text.replace(SOFT_HYPHEN, "")
