"""Problems found in a content folder, collected and reported together.

Each problem names the file, the line, the path of keys that leads to the value, and a
message that says what was expected and how to fix it:
``content/chapters/02-secret-police/chapter.yaml:14: pages → 3 → chart → kind: …``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

ERROR = "error"
WARNING = "warning"
ARROW = " → "
# Characters that would break a message's line or forge another one (a file named with a line
# break), or turn the text around (bidi controls); and the bytes of a name that is not UTF-8,
# which Python keeps as lone surrogates.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, for the person who must fix it."""

    file: str
    line: int
    keys: tuple[str, ...]
    message: str
    severity: str = ERROR

    def __post_init__(self) -> None:
        # Every problem is shown on one line of its own, however its file is named.
        object.__setattr__(self, "file", printable(self.file))
        object.__setattr__(self, "keys", tuple(printable(k) for k in self.keys))
        object.__setattr__(self, "message", printable(self.message))

    @property
    def keypath(self) -> str:
        return ARROW.join(self.keys)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        kind = "warning: " if self.severity == WARNING else ""
        keys = f"{self.keypath}: " if self.keys else ""
        return f"{where}: {kind}{keys}{self.message}"


@dataclass
class Problems:
    """A growing list of problems; the loader adds to it and never stops at the first."""

    items: list[Problem] = field(default_factory=list)
    error_count: int = 0

    def error(self, file: str, line: int, keys: Sequence, message: str) -> None:
        self.items.append(Problem(file, line, _keys(keys), message, ERROR))
        self.error_count += 1

    def warning(self, file: str, line: int, keys: Sequence, message: str) -> None:
        self.items.append(Problem(file, line, _keys(keys), message, WARNING))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == WARNING]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.file, p.line, p.severity != ERROR))


def shown_path(prefix: str, rel: str) -> str:
    """A path relative to the content folder as messages show it: after the folder as it was
    given on the command line (``content/chapters/…``), or alone when it was given as ''."""
    return f"{prefix}/{rel}" if prefix else rel


def printable(text: str) -> str:
    """``text`` with each control character, line or paragraph separator, bidi control and
    undecodable byte written as an escape (``\\n``, ``\\x1b``, ``\\xff``), as Python's repr does."""
    return UNPRINTABLE.sub(_escape, text) if UNPRINTABLE.search(text) else text


def _escape(found: re.Match) -> str:
    char = found.group(0)
    code = ord(char)
    if char in ESCAPES:
        return ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _keys(keys: Iterable) -> tuple[str, ...]:
    return tuple(str(k) for k in keys)


def plural(count: int, word: str) -> str:
    """'1 figure', '2 figures'; 'category' → 'categories'."""
    if count == 1:
        return f"{count} {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"


def nearest(word: str, choices: Iterable[str]) -> Optional[str]:
    """The known word closest to a misspelt one (``captoin`` → ``caption``), if any is close."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str], what: str = "keys") -> str:
    """A suggestion for a misspelt word, else the list of ``what`` there are to choose from."""
    choices = list(choices)
    close = nearest(word, choices)
    if close:
        return f"did you mean '{close}'?"
    return f"known {what}: " + ", ".join(choices) if choices else ""
