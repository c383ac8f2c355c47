"""Reading one YAML file safely into nodes that remember their line.

Only plain YAML is read: no tags that construct objects, no anchors and aliases (which
let a small file expand into a huge one). Syntax errors come back as problems with a hint
for the usual causes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import re

import yaml

from .limits import YAML_BYTES, size_of, too_large
from .problems import Problems, plural

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}
MAX_NODES = 2_000_000
# Only these characters can give a node a tag of its own (!), repeat a node (*), or make
# YAML resolve a plain value to an unusual type (<< merge, = value).
MARKS = ("!", "*", "<<", "=")

INDENTATION = ("bad indentation: keys of the same level must start in the same column, and so must "
               "the '-' of every item in a list")
TAB = "a tab character: indent with spaces only (set your editor to insert spaces)"
QUOTE_FIRST = "a value that starts with '@' or '`', which YAML does not allow: put it in quotes"
QUESTION_MARK = ("an unquoted ? in a list: YAML reads a bare ? as a sign of its own, so write it in "
                 "quotes: \"?\"")
BARE_QUESTION_MARK = re.compile(r"[\[,]\s*\?\s*[,\]]")
# A line that starts a text block: 'body: |', '  - caption: >-', '- |'. The lead is what stands
# before the key (its indentation and any list dashes), so that its length is the key's column.
BLOCK_START = re.compile(r"^(?P<lead> *(?:- +)*)(?:[^#\s][^#]*?: +)?[|>][-+1-9]{0,2} *(?:#.*)?$")
HINTS = (
    ("could not find expected ':'", "a missing colon: every key needs one, as in 'caption: text'"),
    ("mapping values are not allowed", "a colon inside a value, or a missing colon on the line "
     "before: put a value that contains ': ' in quotes"),
    ("did not find expected key", INDENTATION),
    ("expected <block end>", INDENTATION),
    ("did not find expected '-'", INDENTATION),
    ("while scanning a quoted scalar", "an unclosed quote: end the text with the same quote mark"),
    ("unexpected end of stream", "an unclosed quote or bracket: close it"),
    ("found undefined alias", "'*' starts an alias, which content files do not use: put the text in quotes"),
    ("while scanning an alias", "'*' starts an alias, which content files do not use: put the text in quotes"),
    ("while scanning an anchor", "'&' starts an anchor, which content files do not use: put the text in quotes"),
    ("expected ',' or ']'", "an unclosed '[': end the list with ']'"),
    ("expected ',' or '}'", "an unclosed '{': end it with '}'"),
)
# Where the fix goes: the opening quote or bracket, or the key that lacks its colon, not
# the place (often the end of the file) where YAML gave up.
AT_START = ("while scanning a quoted scalar", "while scanning a simple key",
            "while parsing a flow sequence", "while parsing a flow mapping")


def read_yaml(path: Path, rel: str, problems: Problems) -> Optional[yaml.Node]:
    """The top node of a YAML file, or None after reporting why it cannot be read."""
    return read_yaml_source(path, rel, problems)[0]


def read_yaml_source(path: Path, rel: str, problems: Problems) -> tuple[Optional[yaml.Node], str]:
    """The top node of a YAML file (None after reporting why it cannot be read) and its text."""
    size = size_of(path)
    if size is not None and size > YAML_BYTES:  # refused before it is read
        problems.error(rel, 0, (), too_large("this file", size, YAML_BYTES, "a chapter's texts fit "
                       "in far less: shorten them, or split the chapter in two"))
        return None, ""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.error(rel, _line_at(path, exc.start), (), "this file is not UTF-8 text: "
                       "save it from your editor as UTF-8")
        return None, ""
    except OSError as exc:
        problems.error(rel, 0, (), f"cannot be read ({exc.strerror}): check that the file "
                       "exists and its permissions let the kiosk read it")
        return None, ""
    return _compose(text, rel, problems), text


def _compose(text: str, rel: str, problems: Problems) -> Optional[yaml.Node]:
    if "\x00" in text:
        problems.error(rel, text[: text.index("\x00")].count("\n") + 1, (),
                       "this file holds binary data, not text: replace it with the YAML file")
        return None
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        line, message = _syntax_problem(exc, text.splitlines())
        problems.error(rel, line, (), message)
        return None
    except yaml.YAMLError as exc:
        problems.error(rel, 0, (), f"not readable as YAML: {exc}")
        return None
    except RecursionError:
        problems.error(rel, 0, (), "nested too deeply to be content: check the brackets and indentation")
        return None
    if node is None:
        problems.error(rel, 1, (), "the file is empty: it needs the keys described in content/README.md")
        return None
    return node if _is_plain(node, text) or _check_plain(node, rel, problems) else None


def _syntax_problem(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str]:
    """The line to fix and a message with a hint for the usual causes."""
    said = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and exc.context in AT_START:
        mark = exc.context_mark
    if mark is None:
        return 0, f"YAML syntax error: {said}: check the file's brackets, quotes and indentation"
    hint = _hint(said, lines, mark.line, mark.column)
    if hint:
        return mark.line + 1, f"YAML syntax error, probably {hint} (YAML said: {said})"
    return mark.line + 1, f"YAML syntax error: {said}: check this line and the one before it"


def _hint(said: str, lines: list[str], number: int, column: int) -> str | None:
    """What probably went wrong, judged from YAML's words and the text of the line itself."""
    text = lines[number] if number < len(lines) else ""
    indent = len(text) - len(text.lstrip(" \t"))
    if "\t" in text[: indent + 1] or "\\t" in said or "tab character" in said:
        return TAB
    if text[column: column + 1] in ("@", "`"):
        return QUOTE_FIRST
    if "expected ',' or ']'" in said and BARE_QUESTION_MARK.search(text[column:]):
        return QUESTION_MARK
    block = _text_block_above(lines, number, indent)
    if block is not None:
        return _under_indented(number, indent, *block)
    if "mapping values are not allowed" in said and indent > _indent_above(lines, number):
        return ("bad indentation: this line starts further right than the key above it, "
                "which already has a value: line it up with that key")
    return next((hint for needle, hint in HINTS if needle in said), None)


def _text_block_above(lines: list[str], number: int, indent: int) -> Optional[tuple[int, int, int]]:
    """The text block (``key: |`` or ``>``) that line ``number`` breaks off by being indented less
    than the block's first line: the block's first line number, its key's column and the
    indentation of its text. None when the line is no part of one."""
    for above in range(number - 1, -1, -1):
        text = lines[above]
        if not text.strip():
            continue
        start = BLOCK_START.match(text)
        if start:
            body = [line for line in lines[above + 1: number] if line.strip()]
            first = _indent(body[0]) if body else 0
            key = len(start.group("lead"))
            if body and key <= indent < first and first > key:
                return above + 1, key, first
            return None
        if _indent(text) <= indent:  # a line that ends any block above it
            return None
    return None


def _under_indented(number: int, indent: int, start: int, key: int, first: int) -> str:
    fix = (f"bad indentation in the text that starts on line {start}: line {number + 1} is indented "
           f"{plural(indent, 'space')}, less than the text's first line ({first}): indent every line of "
           f"the text by {first} spaces")
    return fix + (", or, if this line starts a new key, give it its colon" if indent == key else "")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _indent_above(lines: list[str], number: int) -> int:
    for text in reversed(lines[:number]):
        if text.strip() and not text.lstrip().startswith("#"):
            return len(text) - len(text.lstrip(" "))
    return 0


def _is_plain(top: yaml.Node, text: str) -> bool:
    """The quick check: True when no node has a tag of its own or is met twice (an alias)."""
    if not any(mark in text for mark in MARKS):
        return True
    seen: set[int] = set()
    stack = [top]
    while stack:
        node = stack.pop()
        if node.tag not in PLAIN_TAGS or id(node) in seen:
            return False
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return True


def _check_plain(top: yaml.Node, rel: str, problems: Problems) -> bool:
    """Report tags and aliases anywhere in the file; False if the file is unusable."""
    seen: dict[int, int] = {}
    # Depth first in the order of the file, so that an alias is met after its anchor.
    stack: list[tuple[yaml.Node, int]] = [(top, top.start_mark.line + 1)]
    ok = True
    while stack:
        node, line = stack.pop()
        if id(node) in seen:
            problems.error(rel, line, (), f"this repeats the value anchored with '&' on line "
                           f"{seen[id(node)]}; anchors and aliases (& and *) are not used in "
                           "content files: write the value out in full")
            ok = False
            continue
        seen[id(node)] = line
        if len(seen) > MAX_NODES:
            problems.error(rel, 0, (), "far too large to be a content file")
            return False
        if node.tag not in PLAIN_TAGS:
            shown = node.tag.replace("tag:yaml.org,2002:", "!!")
            problems.error(rel, node.start_mark.line + 1, (), f"the tag {shown!r} is not "
                           "allowed: remove it and write a plain value")
            ok = False
            continue
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack.append((value, key.start_mark.line + 1))
                stack.append((key, key.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, item.start_mark.line + 1) for item in reversed(node.value))
    return ok


def _line_at(path: Path, offset: int) -> int:
    try:
        return path.read_bytes()[:offset].count(b"\n") + 1
    except OSError:
        return 0
