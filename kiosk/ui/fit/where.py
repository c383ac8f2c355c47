"""The line of a key in a chapter.yaml, for fit warnings (the model keeps only each page's line).

The file is read again with YAML alone (no checks: the loader has checked it), once per file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence, Union

import yaml

from kiosk.content.context import child, line

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Key = Union[str, int]  # names for mappings, 0-based numbers for lists


class KeyLines:
    """Lines of keys in the content's YAML files, each file composed once."""

    def __init__(self, root: Path):
        self._root = Path(root)
        self._nodes: dict[str, Optional[yaml.Node]] = {}

    def line(self, rel: str, keys: Sequence[Key]) -> int:
        """The line of the last key of ``keys`` in the file ``rel`` (relative to the content
        folder): the key itself, or the nearest key above it that is written (a text given for
        every language has no line per language)."""
        node, found = self._node(rel), 0
        for key in keys:
            if isinstance(node, yaml.MappingNode) and isinstance(key, str):
                key_node = next((k for k, _ in node.value if getattr(k, "value", None) == key), None)
                if key_node is None:
                    break
                found, node = line(key_node), child(node, key)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = node.value[key]
                found = line(node)
            else:
                break
        return found

    def _node(self, rel: str) -> Optional[yaml.Node]:
        if rel not in self._nodes:
            try:
                text = (self._root / rel).read_text(encoding="utf-8-sig")
                self._nodes[rel] = yaml.compose(text, Loader=Loader)
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                self._nodes[rel] = None
        return self._nodes[rel]
