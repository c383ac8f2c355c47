"""Reading one YAML file safely into nodes that remember their line.

Only plain YAML is read: no tags that construct objects, no anchors and aliases (which
let a small file expand into a huge one). Syntax errors come back as problems with a hint
for the usual causes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from .problems import Problems

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
}
MAX_NODES = 2_000_000

HINTS = (
    ("\\t", "a tab character: indent with spaces only (set your editor to insert spaces)"),
    ("could not find expected ':'", "a missing colon: every key needs one, as in 'caption: text'"),
    ("mapping values are not allowed", "a colon inside a value, or a missing colon on the line "
     "before: put a value that contains ': ' in quotes"),
    ("did not find expected key", "bad indentation: keys of the same level must start in the same column"),
    ("expected <block end>", "bad indentation: keys of the same level must start in the same column"),
    ("did not find expected '-'", "bad indentation in a list: every item's '-' in the same column"),
    ("while scanning a quoted scalar", "an unclosed quote: end the text with the same quote mark"),
    ("unexpected end of stream", "an unclosed quote or bracket: close it"),
    ("found undefined alias", "'*' starts an alias, which content files do not use: put the text in quotes"),
    ("while scanning an alias", "'*' starts an alias, which content files do not use: put the text in quotes"),
    ("while scanning an anchor", "'&' starts an anchor, which content files do not use: put the text in quotes"),
    ("found character '@'", "a value cannot start with '@' or '`': put it in quotes"),
    ("found character '`'", "a value cannot start with '@' or '`': put it in quotes"),
    ("expected ',' or ']'", "an unclosed '[': end the list with ']'"),
    ("expected ',' or '}'", "an unclosed '{': end it with '}'"),
)


def read_yaml(path: Path, rel: str, problems: Problems) -> Optional[yaml.Node]:
    """The top node of a YAML file, or None after reporting why it cannot be read."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.error(rel, _line_at(path, exc.start), (), "this file is not UTF-8 text: "
                       "save it from your editor as UTF-8")
        return None
    except OSError as exc:
        problems.error(rel, 0, (), f"cannot be read ({exc.strerror}): check that the file "
                       "exists and its permissions let the kiosk read it")
        return None
    if "\x00" in text:
        problems.error(rel, text[: text.index("\x00")].count("\n") + 1, (),
                       "this file holds binary data, not text: replace it with the YAML file")
        return None
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problems.error(rel, mark.line + 1 if mark else 0, (), _syntax_message(exc))
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
    return node if _check_plain(node, rel, problems) else None


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    said = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    for needle, hint in HINTS:
        if needle in said:
            return f"YAML syntax error, probably {hint} (YAML said: {said})"
    return f"YAML syntax error: {said}: check this line and the one before it"


def _check_plain(top: yaml.Node, rel: str, problems: Problems) -> bool:
    """Report tags and aliases anywhere in the file; False if the file is unusable."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(top, top.start_mark.line + 1)]
    ok = True
    while stack:
        node, line = stack.pop()
        if id(node) in seen:
            problems.error(rel, line, (), "anchors and aliases (& and *) are not used in content "
                           "files: write the value out in full")
            ok = False
            continue
        seen.add(id(node))
        if len(seen) > MAX_NODES:
            problems.error(rel, 0, (), "far too large to be a content file")
            return False
        if node.tag not in PLAIN_TAGS:
            problems.error(rel, node.start_mark.line + 1, (), f"the tag {node.tag!r} is not "
                           "allowed: remove it and write a plain value")
            ok = False
            continue
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, key.start_mark.line + 1))
                stack.append((value, key.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, item.start_mark.line + 1) for item in node.value)
    return ok


def _line_at(path: Path, offset: int) -> int:
    try:
        return path.read_bytes()[:offset].count(b"\n") + 1
    except OSError:
        return 0
