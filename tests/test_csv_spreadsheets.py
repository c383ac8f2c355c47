"""CSV files as Swedish and English spreadsheets save them: each read right, or refused at its line.

Each case writes one chart's CSV file, byte for byte as a spreadsheet saves it, into a small
exhibit in one language (the base exhibit of ``test_validate_broken.py`` without Swedish), runs
``kiosk validate`` on it, and looks at what the chart would show: its bars' labels and figures,
or the messages that refuse it, word for word. A chart is never silently wrong: a bar labelled
``Före;6`` (a semicolon file read as a comma one) must be impossible.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content.loader import load_exhibit

BASE = Path(__file__).parent / "data" / "broken" / "base"
CSV = "chapters/05-grain/deliveries.csv"
CHAPTER = """\
title: Grain
teaser: Deliveries of grain.
pages:
  - type: quote
    quote: Words.
    attribution: Someone.
  - type: chart
    chart:
      kind: bar
      unit: million tonnes
      data: deliveries.csv
{series}"""
NBSP, NNBSP = "\u00a0", "\u202f"
BOM = b"\xef\xbb\xbf"


def english_only(content: Path) -> None:
    """The base exhibit with its Swedish texts taken out."""
    exhibit = content / "exhibit.yaml"
    exhibit.write_text(exhibit.read_text(encoding="utf-8").replace("  - {code: sv, name: Svenska}\n", "")
                       .replace("{en: A test exhibit, sv: En testutställning}", "A test exhibit")
                       .replace("{en: A line to begin with, sv: En rad att börja med}", "A line to begin with"),
                       encoding="utf-8")
    chapter = content / "chapters/01-base/chapter.yaml"
    chapter.write_text(re.sub(r"\{en: ([^,}]+), sv: [^}]+\}", r"\1", chapter.read_text(encoding="utf-8")),
                       encoding="utf-8")
    (content / "chapters/01-base/figures.csv").write_text("year,people\n1921,10\n1925,20\n", encoding="utf-8")


def exhibit_with(tmp_path: Path, data: bytes, series: str = "") -> Path:
    content = tmp_path / "content"
    shutil.copytree(BASE, content)
    english_only(content)
    (content / "chapters/05-grain").mkdir()
    (content / CSV).write_bytes(data)
    (content / "chapters/05-grain/chapter.yaml").write_text(CHAPTER.format(series=series), encoding="utf-8")
    return content


def validate(tmp_path, monkeypatch, capsys) -> tuple[int, list[str]]:
    monkeypatch.chdir(tmp_path)
    code = main(["validate", "content"])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out.splitlines()


def the_chart(content: Path):
    chapter = next(c for c in load_exhibit(content).exhibit.chapters if c.id == "05-grain")
    chart = chapter.pages[1].chart
    bars = [c.first() for c in chart.categories_resolved]
    figures = {s.label.first(): [cell.value for cell in s.cells] for s in chart.series_resolved}
    return bars, figures


def test_the_exhibit_in_english_alone_is_valid(tmp_path, monkeypatch, capsys):
    exhibit_with(tmp_path, b"Period,Deliveries\nBefore,6\n1927,8\n")
    code, out = validate(tmp_path, monkeypatch, capsys)
    assert (code, out[:-1]) == (0, [])


READ_RIGHT = [
    # Swedish Excel: semicolons, whatever the header holds.
    pytest.param("Period;Leveranser\nFöre;6\n1927;8\n".encode(),
                 ["Före", "1927"], {"Leveranser": [6, 8]}, id="semicolons"),
    pytest.param("Period;Leveranser, milj. ton\nFöre;6\n1927;8\n".encode(),
                 ["Före", "1927"], {"Leveranser, milj. ton": [6, 8]}, id="header-with-a-comma"),
    pytest.param("Period;Leveranser, milj. ton\nFöre 1927;6,5\n1927;8,1\n1928;-0,25\n".encode(),
                 ["Före 1927", "1927", "1928"], {"Leveranser, milj. ton": [6.5, 8.1, -0.25]},
                 id="decimal-commas"),
    pytest.param(BOM + "Period;Leveranser\nFöre;6,5\n".encode(),
                 ["Före"], {"Leveranser": [6.5]}, id="bom"),
    pytest.param("Period;Leveranser\r\nFöre;6,5\r\n1927;8\r\n".encode(),
                 ["Före", "1927"], {"Leveranser": [6.5, 8]}, id="crlf"),
    pytest.param(f"År;Leveranser\n1927;1{NBSP}234,5\n1928;12{NNBSP}345\n1929;2 500\n1930;1 234 567\n".encode(),
                 ["1927", "1928", "1929", "1930"], {"Leveranser": [1234.5, 12345, 2500, 1234567]},
                 id="spaces-between-thousands"),
    pytest.param('"Period";"Leveranser; milj. ton"\n"Före; under NEP";"6,5"\n"1927";"1 234,5"\n'.encode(),
                 ["Före; under NEP", "1927"], {"Leveranser; milj. ton": [6.5, 1234.5]}, id="quoted"),
    pytest.param(b"sep=;\r\n" + "Period;Leveranser\r\nFöre;6,5\r\n".encode(),
                 ["Före"], {"Leveranser": [6.5]}, id="excel-sep-line"),
    pytest.param(b"sep=\t\nPeriod\tLeveranser\nF\xc3\xb6re\t6.5\n",
                 ["Före"], {"Leveranser": [6.5]}, id="excel-sep-line-for-tabs"),
    pytest.param("Period;Leveranser;;\nFöre;6;;\n1927;8;;\n".encode(),
                 ["Före", "1927"], {"Leveranser": [6, 8]}, id="empty-columns-at-the-end"),
    pytest.param(BOM + f'Period;"Leveranser, milj. ton";Export\r\nFöre 1927;6,5;1{NBSP}234\r\n'
                 '"1927; dålig skörd";8;?\r\n1928;-;"0,5"\r\n'.encode(),
                 ["Före 1927", "1927; dålig skörd", "1928"],
                 {"Leveranser, milj. ton": [6.5, 8, None], "Export": [1234, None, 0.5]}, id="swedish-excel"),
    # English spreadsheets: commas, a decimal point, commas between thousands in quotes.
    pytest.param(b'Period,"Deliveries, million tonnes"\r\nBefore,"1,234.5"\r\n1927,8.25\r\n'
                 b'1928,"12,345,678"\r\n',
                 ["Before", "1927", "1928"], {"Deliveries, million tonnes": [1234.5, 8.25, 12345678]},
                 id="english-excel"),
    pytest.param(b"Period\tDeliveries\nBefore\t6.5\n1927\t1 234\n",
                 ["Before", "1927"], {"Deliveries": [6.5, 1234]}, id="tabs"),
]


FIT = "run into each other at"  # the figures of a test's upright bars meet with text at 1.5×


@pytest.mark.parametrize("data, bars, figures", READ_RIGHT)
def test_a_spreadsheet_csv_is_read_right(data, bars, figures, tmp_path, monkeypatch, capsys):
    content = exhibit_with(tmp_path, data)
    code, out = validate(tmp_path, monkeypatch, capsys)
    # Nothing said about the file or its figures (how the chart fits the screen is another check)
    assert (code, [line for line in out[:-1] if FIT not in line]) == (0, [])
    assert the_chart(content) == (bars, figures)


def test_a_column_named_with_a_comma_is_found(tmp_path, monkeypatch, capsys):
    series = '      series:\n        - {column: "Leveranser, milj. ton", label: Deliveries}\n'
    content = exhibit_with(tmp_path, "Period;Leveranser, milj. ton;Export\nFöre;6,5;1\n".encode(), series)
    assert validate(tmp_path, monkeypatch, capsys)[0] == 0
    assert the_chart(content) == (["Före"], {"Deliveries": [6.5]})


AT = f"content/{CSV}"
REFUSED = [
    pytest.param("Period;Leveranser, milj. ton\nFöre;6,5\n1927;8;5\n".encode(), (
        f"{AT}:3: this row has 3 cells but the header has 2 (this file separates its cells with "
        "semicolons): check for a missing or stray semicolon, and put a text that contains a semicolon "
        "in double quotes",
    ), id="semicolon-row-too-long"),
    pytest.param("Period;Leveranser\nFöre;;6,5\n1927;8,5\n".encode(), (
        f"{AT}:2: this row has 3 cells but the header has 2 (this file separates its cells with "
        "semicolons): check for a missing or stray semicolon, and put a text that contains a semicolon "
        "in double quotes",
    ), id="semicolon-file-with-commas-that-read-as-cells"),
    pytest.param(b"Period,Deliveries\nBefore,6,5\n1927,8\n", (
        f"{AT}:2: this row has 3 cells but the header has 2: check for a missing or stray comma, and "
        "put a text that contains a comma in double quotes",
    ), id="comma-file-with-a-decimal-comma"),
    pytest.param(b'Period,Deliveries\nBefore,"1,234"\n1927,8\n', (
        f"{AT}:2: Deliveries: '1,234' could be 1234 or 1.234 (in a comma file a comma may separate "
        "thousands): write 1234 for the whole number, or 1.234 for the decimal",
    ), id="comma-thousands-or-decimals"),
    pytest.param("Period;Leveranser\nFöre;1.234\n1927;8\n".encode(), (
        f"{AT}:2: Leveranser: '1.234' could be 1234 or 1,234 (in a semicolon file a point may separate "
        "thousands): write 1234 for the whole number, or 1,234 for the decimal",
    ), id="point-thousands-or-decimals"),
    pytest.param(f"Period;Leveranser\nFöre;12{NBSP}34,5\n".encode(), (
        f"{AT}:2: Leveranser: '12{NBSP}34,5' is not a figure: a space, comma or point inside a number "
        "may only group its thousands by three (1 234 567) or mark its decimals, once: write the digits "
        "alone (1234567, 1234,5)",
    ), id="thousands-not-in-threes"),
    pytest.param("Period;Leveranser\nFöre;ca 6,5\n".encode(), (
        f"{AT}:2: Leveranser: expected a number, '?' or an empty cell for unknown, or '-' for not "
        "applicable; got 'ca 6,5': write the figure in digits, without units",
    ), id="not-a-figure"),
    pytest.param("Period;Leveranser\nFöre;6,5\n1927;8\n".encode("cp1252"), (
        f"{AT}:2: this file is not UTF-8 text: in your spreadsheet choose 'CSV UTF-8' when you save it "
        "(a plain 'CSV' from Excel writes letters such as å, ä and ö another way)",
    ), id="windows-1252"),
    pytest.param("Period\tLeveranser\nFöre\t6,5\n".encode("utf-16"), (
        f"{AT}:1: this file is UTF-16 text (Excel's 'Unicode Text'), not a CSV file: in your "
        "spreadsheet choose 'CSV UTF-8' when you save it",
    ), id="utf-16"),
    pytest.param("Period;Leveranser;\nFöre;6,5;7\n".encode(), (
        f"{AT}:1: column 3 holds figures but has no name in the header: name it in the first row, or "
        "delete the column",
    ), id="a-column-without-a-name"),
]


@pytest.mark.parametrize("data, expected", REFUSED)
def test_a_csv_that_cannot_be_read_for_sure_is_refused_at_its_line(data, expected, tmp_path, monkeypatch,
                                                                    capsys):
    content = exhibit_with(tmp_path, data)
    code, out = validate(tmp_path, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, list(expected))
    chapter = next(c for c in load_exhibit(content).exhibit.chapters if c.id == "05-grain")
    assert [page.type for page in chapter.pages] == ["quote"], "the chart is left out, not drawn wrong"
