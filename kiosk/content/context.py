"""What conversion knows about the file it reads, and how it shows a YAML value in a message."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from .problems import Problems, shown_path

INVALID = object()
# A '#' after a space starts a comment in YAML. A comment is written '# like this'; a '#'
# straight before a letter or digit ('Crime #1', '#15171a') was meant as part of the value.
CUT_BY_COMMENT = re.compile(r"^(\s+)#(?=[^\s#])")


@dataclass
class Context:
    """What conversion needs to know about the file it is reading."""

    file: str
    folder: Path
    root: Path
    languages: tuple[str, ...]
    problems: Problems
    used_files: dict = field(default_factory=dict)
    hooks: dict = field(default_factory=dict)
    named: set = field(default_factory=set)
    """Every file path the YAML names, found or not, so that none is also called unused."""
    checked: dict = field(default_factory=dict)
    """Files measured against the limits: path → why refused, or None (shared by every file)."""
    prefix: str = ""
    """How the content folder is shown in messages (its path as given on the command line)."""
    source: str = ""
    """The file's text, to see what YAML left out of a value (a comment)."""
    forgiving: bool = False
    """True for exhibit.yaml: a text missing a language is reported but kept (the first
    language's text stands in), so that one untranslated word cannot stop the kiosk."""
    _lines: Optional[list[str]] = field(default=None, repr=False)
    _hash_lines: Optional[frozenset[int]] = field(default=None, repr=False)

    def shown(self, rel: str) -> str:
        """A path relative to the content folder as messages show it."""
        return shown_path(self.prefix, rel)

    def error(self, node: yaml.Node, keys, message: str) -> object:
        self.problems.error(self.file, line(node), keys, message)
        return INVALID

    def warning(self, node: yaml.Node, keys, message: str) -> None:
        self.problems.warning(self.file, line(node), keys, message)

    def cut_by_comment(self, node: yaml.Node) -> Optional[str]:
        """What a '#' cut off a plain value, as written after the value ('#15171a'), or None.

        YAML ends a plain value at ' #', so ``title: Crime #1`` reads as 'Crime' and
        ``background: #15171a`` as nothing. A comment written the usual way, '# like this',
        is not taken for such a cut."""
        if not is_plain(node) or node.end_mark.line not in self._lines_with_hash():
            return None
        rest = self._lines[node.end_mark.line][node.end_mark.column:]
        found = CUT_BY_COMMENT.match(rest)
        return rest[found.end(1):].rstrip() if found else None

    def _lines_with_hash(self) -> frozenset[int]:
        """The lines with a '#' after a space: the only ones a value can be cut on (found once
        per file, so that the check costs nothing on the thousands of texts without one)."""
        if self._hash_lines is None:
            self._lines = self.source.splitlines()
            self._hash_lines = frozenset(i for i, text in enumerate(self._lines) if " #" in text)
        return self._hash_lines


def line(node: Optional[yaml.Node]) -> int:
    return node.start_mark.line + 1 if node is not None else 0


def child(node: Optional[yaml.Node], key: str, default: Optional[yaml.Node] = None) -> Optional[yaml.Node]:
    """The value node under ``key`` of a mapping node; ``default`` when there is none (or
    ``node`` is no mapping). Callers that point a message at the value pass the mapping itself
    as ``default``, so that a missing key is reported at the group that lacks it."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    return default


def tag(node: yaml.Node) -> str:
    return node.tag.rsplit(":", 1)[-1]


def is_plain(node: yaml.Node) -> bool:
    """True for a scalar written without quotes or a | or > block."""
    return isinstance(node, yaml.ScalarNode) and not node.style


def is_bare_question_mark(node: yaml.Node) -> bool:
    """True for an unquoted '?', which YAML reads as the start of a key of its own."""
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return False
    key, value = node.value[0]
    return all(isinstance(n, yaml.ScalarNode) and tag(n) == "null" and n.value == "" for n in (key, value))


def describe(node: yaml.Node) -> str:
    """A value as a curator would recognise it in an error message."""
    if is_bare_question_mark(node):
        return "an unquoted ?"
    if isinstance(node, yaml.MappingNode):
        return "a group of keys"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if tag(node) == "null":
        return "nothing"
    text = node.value if len(node.value) <= 40 else node.value[:37] + "…"
    return repr(text)
