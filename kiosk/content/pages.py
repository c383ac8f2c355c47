"""The pages of a chapter.yaml, and the charts on them. Re-exported by :mod:`kiosk.content.model`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from .values import Cell, FileRef, Markdown, Origin, Text, derived, doc


@dataclass(frozen=True)
class PageBase:
    id: Optional[str] = field(
        default=None, metadata=doc("A short name for the page, to point at it from exhibit.yaml.")
    )
    title: Optional[Text] = field(default=None, metadata=doc("The page's heading."))
    sources: tuple[Text, ...] = field(
        default=(), metadata=doc("Where the facts come from; visitors see them on request.")
    )
    notes: Optional[str] = field(
        default=None, metadata=doc("For curators only: doubts, to-dos. Never shown to visitors.")
    )
    idle_timeout: Optional[float] = field(
        default=None, metadata=doc("Seconds before the idle warning on this page, for a long read.",
                                   above=0, at_most=86400, unit="seconds"),
    )
    origin: Origin = field(default=Origin("", 0), metadata=derived("Where the page was written."))


@dataclass(frozen=True)
class TextPage(PageBase):
    type: Literal["text"] = field(default="text", metadata=doc("A page of text.", required=True))
    body: Markdown = field(default=None, metadata=doc("The text, in Markdown.", required=True))


@dataclass(frozen=True)
class ImagePage(PageBase):
    type: Literal["image"] = field(default="image", metadata=doc("A picture with its caption.", required=True))
    file: FileRef = field(default=None, metadata=doc("The image, beside chapter.yaml.", required=True))
    caption: Text = field(default=None, metadata=doc("What the picture shows.", required=True))
    credit: Text = field(default=None, metadata=doc("Who made it; its licence.", required=True))
    alt: Text = field(
        default=None, metadata=doc("The picture described in words, for screen readers.", required=True)
    )


@dataclass(frozen=True)
class SeriesSpec:
    label: Optional[Text] = field(
        default=None, metadata=doc("The series' name in the legend; from a CSV, its column header.")
    )
    column: Optional[str] = field(default=None, metadata=doc("The CSV column this series reads."))
    values: Optional[tuple[Cell, ...]] = field(
        default=None,
        metadata=doc("Inline figures, one per category: a number, null or '?' (unknown), '-' (n/a)."),
    )
    total: Optional[float] = field(
        default=None, metadata=doc("The total the source gives; checked against the known figures.")
    )


@dataclass(frozen=True)
class Annotation:
    category: str = field(metadata=doc("The category (bar) the note belongs to, as written in the data."))
    series: Optional[str] = field(
        default=None, metadata=doc("The series it belongs to (label or column); all series if left out.")
    )
    text: Text = field(
        default=None, metadata=doc("Shown with the figure when its bar is tapped.", required=True, words=100)
    )


@dataclass(frozen=True)
class Series:
    label: Text
    cells: tuple[Cell, ...]
    total: Optional[float] = None


@dataclass(frozen=True)
class ChartSpec:
    kind: Literal["bar", "grouped-bar", "horizontal-bar", "line"] = field(
        metadata=doc("bar, grouped-bar, horizontal-bar or line.")
    )
    unit: Text = field(default=None, metadata=doc("What the figures count: people, tonnes.", required=True))
    scale: Literal["linear", "log"] = field(
        default="linear", metadata=doc("linear, or log where one figure dwarfs the rest.")
    )
    data: Optional[FileRef] = field(
        default=None, metadata=doc("A CSV file beside chapter.yaml: categories in the first column.")
    )
    categories: Optional[tuple[Text, ...]] = field(
        default=None, metadata=doc("Inline data: the categories (bars or points), in order.")
    )
    series: tuple[SeriesSpec, ...] = field(
        default=(), metadata=doc("The series: inline values, or which CSV columns to show and how.")
    )
    annotations: tuple[Annotation, ...] = field(
        default=(), metadata=doc("Notes shown with single figures when tapped.")
    )
    value_axis: Optional[Text] = field(default=None, metadata=doc("Label of the value axis."))
    footnote: Optional[Text] = field(default=None, metadata=doc("A line under the chart."))
    categories_resolved: tuple[Text, ...] = field(default=(), metadata=derived("Categories as loaded."))
    series_resolved: tuple[Series, ...] = field(default=(), metadata=derived("Series as loaded."))


@dataclass(frozen=True)
class ChartPage(PageBase):
    type: Literal["chart"] = field(default="chart", metadata=doc("A chart of figures.", required=True))
    chart: ChartSpec = field(default=None, metadata=doc("The chart.", required=True))
    text: Optional[Markdown] = field(
        default=None, metadata=doc("A short text beside the chart.")
    )


@dataclass(frozen=True)
class FigurePage(PageBase):
    type: Literal["figure"] = field(default="figure", metadata=doc("One large key figure.", required=True))
    value: float = field(default=None, metadata=doc("The figure, as a plain number.", required=True))
    display: Optional[Text] = field(
        default=None, metadata=doc("How to write it, where not as digits: about 2 million.")
    )
    label: Text = field(default=None, metadata=doc("What the figure counts.", required=True))
    context: Optional[Markdown] = field(
        default=None, metadata=doc("A few lines that put it in context.")
    )


@dataclass(frozen=True)
class TimelineEvent:
    date: Text = field(metadata=doc("When: 1921, or November 1927."))
    title: Text = field(metadata=doc("What happened, in a few words."))
    year: Optional[int] = field(
        default=None, metadata=doc("The year that places it on the line; read from date if left out.")
    )
    text: Optional[Markdown] = field(
        default=None, metadata=doc("Shown when the event is tapped.", words=100)
    )


@dataclass(frozen=True)
class TimelinePage(PageBase):
    type: Literal["timeline"] = field(default="timeline", metadata=doc("Events along the years.", required=True))
    events: tuple[TimelineEvent, ...] = field(default=(), metadata=doc(
        "The events, in order.", required=True,
        non_empty="a timeline needs at least one event: add one, like - {date: \"1921\", title: …}"))


@dataclass(frozen=True)
class QuotePage(PageBase):
    type: Literal["quote"] = field(default="quote", metadata=doc("A quotation.", required=True))
    quote: Text = field(default=None, metadata=doc("The words quoted.", required=True))
    attribution: Text = field(default=None, metadata=doc("Who said or wrote it, and when.", required=True))
    context: Optional[Markdown] = field(
        default=None, metadata=doc("A line on why it matters.")
    )
