"""A chart's CSV file as spreadsheets save it: English (commas) or Swedish and German (semicolons).

The cells are split by Python's csv module. Which character separates them is chosen by
counting across the whole file, not from the header alone: a tab or a semicolon that stands
outside quotes on every line is the separator (no text or figure has one on every line, while
a header such as ``Period;Leveranser, milj. ton`` or a decimal comma puts commas in a
semicolon file); else the comma is. Excel's ``sep=;`` first line is honoured.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from .context import Context
from .limits import CHART_BARS, CSV_BYTES, CSV_ROWS, size_of, too_large
from .limits import number as counted
from .problems import plural

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
# In order of preference: a tab or a semicolon on every line is a separator, a comma may be text.
CHOSEN_FIRST = ("\t", ";")
KEEP_ROWS = (f"a chart shows at most {counted(CHART_BARS)} bars, so keep only the rows it shows "
             "(sum the rest up, or split them over several charts)")
SAVE_AS = "in your spreadsheet choose 'CSV UTF-8' when you save it"
NOT_UTF8 = (f"this file is not UTF-8 text: {SAVE_AS} (a plain 'CSV' from Excel writes letters "
            "such as å, ä and ö another way)")
UTF16 = f"this file is UTF-16 text (Excel's 'Unicode Text'), not a CSV file: {SAVE_AS}"


@dataclass(frozen=True)
class Table:
    """A CSV file as read: its header and its rows, each with the line it stands on, and the
    character that separates its cells (``,`` ``;`` or a tab)."""

    file: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    separator: str = ","


def read_table(path: Path, rel: str, ctx: Context) -> Optional[Table]:
    """The CSV file at ``path`` (shown as ``rel``), or None after reporting why it cannot be used."""
    size = size_of(path)
    if size is not None and size > CSV_BYTES:  # refused before it is read
        ctx.problems.error(rel, 0, (), too_large("this file", size, CSV_BYTES, KEEP_ROWS))
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        ctx.problems.error(rel, 0, (), f"cannot be read ({exc.strerror}): check the file's permissions")
        return None
    text = _decoded(data, rel, ctx)
    if text is None:
        return None
    separator, skip = _separator(text)
    rows = _rows(text, separator, skip, rel, ctx)
    if rows is None:
        return None
    if len(rows) < 2:
        ctx.problems.error(rel, 1, (), "the CSV needs a header row and at least one row of figures")
        return None
    rows = _without_empty_columns(rows)
    (_, header), body = rows[0], rows[1:]
    good = []
    for number, cells in body:
        if len(cells) != len(header):
            ctx.problems.error(rel, number, (), f"this row has {plural(len(cells), 'cell')} but the "
                               f"header has {len(header)}{_mismatch_fix(separator)}")
        else:
            good.append((number, cells))
    return Table(rel, header, tuple(good), separator)


def _without_empty_columns(rows: list) -> list:
    """The rows without the columns that have no name and no figures: a spreadsheet saves the
    columns that were once used (Excel's ';;' at the end of every line)."""
    width = max(len(cells) for _, cells in rows)
    empty = {i for i in range(1, width) if all(i >= len(cells) or not cells[i] for _, cells in rows)}
    if not empty:
        return rows
    return [(number, tuple(c for i, c in enumerate(cells) if i not in empty)) for number, cells in rows]


def _mismatch_fix(separator: str) -> str:
    if separator == ",":  # the message comma files have always had
        return (": check for a missing or stray comma, and put a text that contains a comma in "
                "double quotes")
    name = SEPARATORS[separator]
    return (f" (this file separates its cells with {name}s): check for a missing or stray {name}, "
            f"and put a text that contains a {name} in double quotes")


def _decoded(data: bytes, rel: str, ctx: Context) -> Optional[str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        ctx.problems.error(rel, 1, (), UTF16)
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Read right it might be, as Windows-1252; but a file from a Mac's Excel would come out
        # with wrong letters and no word said. The only safe reading is the one the file names.
        ctx.problems.error(rel, data[: exc.start].count(b"\n") + 1, (), NOT_UTF8)
        return None


def _separator(text: str) -> tuple[str, int]:
    """The character that separates the cells, and the lines to skip before the header (1 for
    Excel's ``sep=;`` line)."""
    first = text.split("\n", 1)[0].rstrip("\r")
    if first.lower().startswith("sep=") and first[4:] in SEPARATORS:
        return first[4:], 1
    for separator in CHOSEN_FIRST:
        try:
            counts = [len(cells) for _, cells in itertools.islice(_records(text, separator, 0), CSV_ROWS + 2)]
        except BadCsv:
            continue
        if counts and all(count > 1 for count in counts):
            return separator, 0
    return ",", 0


class BadCsv(Exception):
    """The csv module's error, with the line it was met on."""

    def __init__(self, line: int, said: str) -> None:
        super().__init__(said)
        self.line = line


def _records(text: str, separator: str, skip: int) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each row that is not blank, with the line it ends on, its cells stripped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        for cells in reader:
            if reader.line_num > skip and any(cell.strip() for cell in cells):
                yield reader.line_num, tuple(cell.strip() for cell in cells)
    except csv.Error as exc:
        raise BadCsv(reader.line_num, str(exc)) from None


def _rows(text: str, separator: str, skip: int, rel: str, ctx: Context) -> Optional[list]:
    rows: list = []
    records = _records(text, separator, skip)
    try:
        for number, cells in records:
            rows.append((number, cells))
            if len(rows) > CSV_ROWS + 1:  # the header, and one row too many
                ctx.problems.error(rel, number, (), f"more than {counted(CSV_ROWS)} rows of "
                                   f"figures, more than the kiosk reads: {KEEP_ROWS}")
                return None
    except BadCsv as exc:
        ctx.problems.error(rel, exc.line, (), f"cannot be read as CSV ({exc}): check the quotes on this line")
        return None
    return rows
