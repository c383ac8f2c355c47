"""Where long words may break: soft hyphens from the language's hyphenation rules.

A long compound ("tvångskollektiviseringen") would otherwise stay whole on a narrow line and
stick out, or leave a ragged gap. ``hyphenate`` puts a soft hyphen (U+00AD) at each place the
language's rules (pyphen's dictionaries, those of LibreOffice) allow in every long word; Qt's
text layout breaks a line there only when the word does not fit, and then draws the hyphen.
Short words, figures and languages without a dictionary are left as they are.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

import pyphen

SOFT_HYPHEN = "\u00ad"
LONG_WORD = 14  # letters: shorter words ("organizations") fit any line the kiosk lays out
RULES_FOLDER = "hyphenation"  # in the data folder: each dictionary's rules, parsed
EDGE = 4  # letters kept together at either end of a word: "tvångs-…", never "t-…"
_WORD = re.compile(rf"[^\W\d_]{{{LONG_WORD},}}")


_kept_in: Optional[Path] = None  # where the parsed rules are kept between runs (the data folder)
log = logging.getLogger("kiosk")


def keep_rules_in(folder: Optional[Path]) -> None:
    """Keep each language's parsed rules in ``folder``: reading a dictionary takes about 60 ms
    of the first screen's time, reading it back parsed 5 ms."""
    global _kept_in
    _kept_in = Path(folder) if folder is not None else None


@lru_cache(maxsize=16)  # one dictionary per language
def _dictionary(lang: str) -> Optional[pyphen.Pyphen]:
    if not lang or pyphen.language_fallback(lang) is None:
        return None
    if _kept_in is not None:
        _kept_rules(pyphen.LANGUAGES[pyphen.language_fallback(lang)])
    return pyphen.Pyphen(lang=lang, left=EDGE, right=EDGE)


def _kept_rules(path: Path) -> None:
    """Put the rules of the dictionary at ``path`` in pyphen's own cache, from the copy kept in
    the data folder when it was made of this very file by this pyphen; else parse, and keep them.
    A copy that cannot be read or written costs only the parsing."""
    stat = path.stat()
    key = (pyphen.VERSION, str(path), stat.st_mtime_ns, stat.st_size)
    kept = _kept_in / RULES_FOLDER / f"{path.stem}.pickle"
    try:
        with kept.open("rb") as file:
            found_key, rules = pickle.load(file)
        if found_key == key and isinstance(rules, pyphen.HyphDict):
            pyphen.hdcache[path] = rules
            return
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        pass  # none kept yet, or kept by another pyphen: parse again
    rules = pyphen.HyphDict(path)
    pyphen.hdcache[path] = rules
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(kept.name + ".part")
        with partial.open("wb") as file:
            pickle.dump((key, rules), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, kept)
    except OSError as exc:
        log.info("hyphenation rules not kept in %s (%s): they are read again at each start", kept.parent, exc)


@lru_cache(maxsize=4096)  # the texts of a few screens: bounded, however large the exhibit
def hyphenate(text: str, lang: str) -> str:
    """``text`` with soft hyphens where its long words may break, in ``lang``'s rules."""
    if len(text) < LONG_WORD or SOFT_HYPHEN in text or not _WORD.search(text):  # no long word
        return text
    dictionary = _dictionary(lang)  # read only now: a first screen without long words never waits for it
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
