"""``kiosk schema``: the JSON Schema of the content files, for a curator's editor."""

from __future__ import annotations

import json
from typing import Optional

from kiosk.content.schema import content_schema


def run_schema(which: Optional[str]) -> int:
    print(json.dumps(content_schema(which), indent=2, ensure_ascii=False))
    return 0
