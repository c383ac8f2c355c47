"""A chart's figures: read from its CSV file or written inline, then checked as a whole."""

from __future__ import annotations

import dataclasses
import math

import yaml

from .context import INVALID, Context, child
from .csvfigures import csv_cell
from .csvfile import read_table
from .limits import CHART_BARS
from .limits import number as counted
from .model import Cell, CellKind, ChartSpec, Series, SeriesSpec, Text
from .problems import did_you_mean, plural


def resolve_chart(spec: ChartSpec, node: yaml.Node, ctx: Context, keys: tuple):
    """The chart with its categories and series loaded and checked (the ChartSpec hook)."""
    errors_before = ctx.problems.error_count
    if spec.data is not None and spec.categories is not None:
        return ctx.error(_value_node(node, "categories"), keys + ("categories",),
                         "give either data: (a CSV file) or categories: with values, not both")
    if spec.data is not None:
        resolved = _from_table(spec, node, ctx, keys)
    elif spec.categories:
        resolved = _from_inline(spec, node, ctx, keys)
    else:
        return ctx.error(node, keys, "this chart has no figures: give 'data:' with a CSV file, or "
                         "'categories:' and 'values:' in every series")
    if resolved is INVALID:
        return INVALID
    categories, series = resolved
    bars = len(categories) * max(1, len(series))
    if bars > CHART_BARS:
        return ctx.error(node, keys, f"{counted(len(categories))} categories in {counted(len(series))} "
                         f"series make {counted(bars)} bars, more than a chart can show (at most "
                         f"{counted(CHART_BARS)}): show fewer, or split them over several charts")
    series = _annotate(spec, categories, series, node, ctx, keys)
    if series is INVALID or ctx.problems.error_count > errors_before:
        return INVALID  # a row left out for its own error would make the totals wrong as well
    if not _totals_add_up(spec, series, node, ctx, keys):
        return INVALID
    if spec.scale == "log" and not _positive(series, node, ctx, keys):
        return INVALID
    return dataclasses.replace(spec, categories_resolved=categories, series_resolved=series)


def _from_table(spec, node, ctx, keys):
    table = read_table(ctx.root / spec.data, ctx.shown(spec.data), ctx)
    if table is None:
        return INVALID
    first = table.header[0]
    categories = _category_texts(table, first, node, ctx, keys)
    if not spec.series and "" in table.header[1:]:
        column = table.header.index("", 1) + 1
        ctx.problems.error(table.file, 1, (), f"column {column} holds figures but has no name in the "
                           "header: name it in the first row, or delete the column")
        return INVALID
    specs = spec.series or tuple(
        SeriesSpec(column=name) for name in table.header[1:] if "@" not in name
    )
    series_nodes = _items(node, "series")
    series = []
    for index, item in enumerate(specs):
        item_node = series_nodes[index] if index < len(series_nodes) else node
        made = _column_series(table, item, item_node, ctx, keys + ("series", index + 1))
        if made is not INVALID:
            series.append(made)
    if categories is INVALID or len(series) != len(specs):
        return INVALID
    return categories, tuple(series)


def _category_texts(table, first, node, ctx, keys):
    column = {name: i for i, name in enumerate(table.header)}
    others = ctx.languages[1:]
    missing = [code for code in others if f"{first}@{code}" not in column]
    if missing:
        names = ", ".join(f"'{first}@{code}'" for code in missing)
        ctx.problems.error(table.file, 1, (), f"the exhibit has more than one language, so the "
                           f"categories need translating: add the column(s) {names}")
        return INVALID
    blank = [line for line, cells in table.rows
             if not cells[0] or any(not cells[column[f"{first}@{c}"]] for c in others)]
    for line in blank:
        ctx.problems.error(table.file, line, (first,), "this row has no category name: write the "
                           "bar's name in the first column (in every language's column)")
    if blank:
        return INVALID
    if not others:
        return tuple(Text.plain(cells[0]) for _, cells in table.rows)
    return tuple(
        Text(((ctx.languages[0], cells[0]),) + tuple((c, cells[column[f"{first}@{c}"]]) for c in others))
        for _, cells in table.rows
    )


def _column_series(table, item, item_node, ctx, keys):
    if item.values is not None:
        return ctx.error(item_node, keys, "this chart reads its figures from a CSV file, so a series "
                         "names its 'column:' instead of giving 'values:'")
    if item.column is None:
        return ctx.error(item_node, keys, "missing key 'column' (the CSV column this series reads): add it")
    if item.column not in table.header[1:]:
        near = did_you_mean(item.column, table.header[1:], "columns")
        return ctx.error(_value_node(item_node, "column"), keys + ("column",),
                         f"the CSV file has no column '{item.column}'; {near}")
    index = table.header.index(item.column)
    cells = []
    for number, row in table.rows:
        cell = csv_cell(row[index], table.separator)
        if cell is None:
            ctx.problems.error(table.file, number, (item.column,), f"expected a number, '?' or an "
                               f"empty cell for unknown, or '-' for not applicable; got {row[index]!r}: "
                               "write the figure in digits, without units")
        elif isinstance(cell, str):
            ctx.problems.error(table.file, number, (item.column,), cell)
        cells.append(cell if isinstance(cell, Cell) else INVALID)
    if INVALID in cells:
        return INVALID
    return Series(item.label or Text.plain(item.column), tuple(cells), item.total)


def _from_inline(spec, node, ctx, keys):
    series, bad = [], False
    series_nodes = _items(node, "series")
    if not spec.series:
        return ctx.error(node, keys, "this chart has categories but no 'series:' with their figures")
    for index, item in enumerate(spec.series):
        item_node = series_nodes[index]
        where = keys + ("series", index + 1)
        if item.column is not None:
            ctx.error(item_node, where, "'column:' reads a CSV file, but this chart has no 'data:' file; "
                      "give 'values:' here instead")
        elif item.values is None or item.label is None:
            ctx.error(item_node, where, f"missing key '{'values' if item.values is None else 'label'}' "
                      f"(an inline series needs a label and one figure per category): add it")
        elif len(item.values) != len(spec.categories):
            ctx.error(_value_node(item_node, "values"), where + ("values",),
                      f"{plural(len(item.values), 'figure')} for "
                      f"{plural(len(spec.categories), 'category')}: give one "
                      "figure per category, in the same order ('?' where unknown)")
        else:
            series.append(Series(item.label, item.values, item.total))
            continue
        bad = True
    return INVALID if bad else (spec.categories, tuple(series))


def _annotate(spec, categories, series, node, ctx, keys):
    notes = {}
    nodes = _items(node, "annotations")
    for index, note in enumerate(spec.annotations):
        where, note_node = keys + ("annotations", index + 1), nodes[index]
        row = next((i for i, c in enumerate(categories) if note.category in c.all()), None)
        if row is None:
            names = [c.first() for c in categories]
            near = did_you_mean(note.category, names, "categories")
            return ctx.error(_value_node(note_node, "category"), where + ("category",),
                             f"no category '{note.category}' in this chart; {near}")
        columns = [i for i, s in enumerate(series) if note.series is None or note.series in _names(spec, i, s)]
        if not columns:
            names = [n for i, s in enumerate(series) for n in _names(spec, i, s)]
            near = did_you_mean(note.series, names, "series")
            return ctx.error(_value_node(note_node, "series"), where + ("series",),
                             f"no series '{note.series}' in this chart; {near}")
        for column in columns:
            notes[(column, row)] = note.text
    return tuple(
        dataclasses.replace(s, cells=tuple(
            dataclasses.replace(cell, note=notes.get((i, j))) for j, cell in enumerate(s.cells)
        ))
        for i, s in enumerate(series)
    )


def _names(spec, index, series):
    column = spec.series[index].column if index < len(spec.series) else None
    return tuple(series.label.all()) + ((column,) if column else ())


def _totals_add_up(spec, series, node, ctx, keys):
    ok = True
    nodes = _items(node, "series")
    for index, item in enumerate(series):
        if item.total is None:
            continue
        known = sum(c.value for c in item.cells if c.kind is CellKind.KNOWN)
        if abs(known - item.total) > 1e-9 * max(1.0, abs(item.total)):
            ctx.error(_value_node(nodes[index], "total"), keys + ("series", index + 1, "total"),
                      f"the total {_figure(item.total)} does not match the figures, which add up to "
                      f"{_figure(known)} (unknown figures not counted): correct a figure or the total")
            ok = False
    return ok


def _positive(series, node, ctx, keys):
    if all(c.value > 0 for s in series for c in s.cells if c.kind is CellKind.KNOWN):
        return True
    ctx.error(_value_node(node, "scale"), keys + ("scale",), "a log scale cannot show zero or "
              "negative figures: use 'scale: linear', or mark the figure unknown with '?'")
    return False


def _figure(value: float) -> str:
    if not math.isfinite(value):  # figures near the largest float can add up to infinity
        return "more than a number can hold"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _value_node(node: yaml.Node, key: str) -> yaml.Node:
    """Where a message about ``key`` points: at its value, else at the group that lacks it."""
    return child(node, key, node)


def _items(node: yaml.Node, key: str) -> list:
    found = child(node, key)
    return list(found.value) if isinstance(found, yaml.SequenceNode) else []
