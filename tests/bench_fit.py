"""How long the fit checks take on the shipped exhibit: every target screen at 1.0× and 1.5× text.

Not a test (pytest collects only test_*.py); run it by hand:

    .venv/bin/python tests/bench_fit.py [--runs 3]

It prints the median of the runs of ``check_fit`` (the application, fonts and pyqtgraph made
ready before the first). The target is a few seconds for the shipped exhibit.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.content.loader import load_exhibit  # noqa: E402

CONTENT = Path(__file__).resolve().parents[1] / "content"
TARGET_SECONDS = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from kiosk.ui.fit import check_fit
    from kiosk.ui.fit.stage import prepare

    result = load_exhibit(CONTENT)
    prepare(result.exhibit)
    import pyqtgraph  # noqa: F401 (imported once, as validate does before its first chart)

    times, found = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        found = check_fit(result)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    sizes = ", ".join(result.exhibit.screens)
    print(f"fit checks of the shipped exhibit at {sizes} × 1.0, 1.5: median {median:.2f} s "
          f"(runs {', '.join(f'{t:.2f}' for t in times)} s); {len(found)} warnings")
    print(f"  target under {TARGET_SECONDS:.0f} s: {'met' if median < TARGET_SECONDS else 'NOT MET'}")
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
