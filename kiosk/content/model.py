"""The exhibit as frozen dataclasses: what the loader builds and everything else reads.

The YAML files are described by these same classes. Each field's ``metadata`` carries the
documentation that ``kiosk schema`` and the authoring guide show, so the loader, the JSON
Schema and the guide never disagree. Fields marked ``yaml=False`` are filled in by the
loader (a chapter's id from its folder name, a chart's table from its CSV) and are not keys
a curator writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Literal, Optional, Union


def doc(text: str, **more) -> dict:
    """Field metadata: the text the schema and guide show for a key."""
    return {"doc": text, **more}


def label(text: str, *placeholders: str) -> dict:
    """Metadata for one of the kiosk's own words; ``placeholders`` are the names the kiosk
    fills in ({page}), and the only ones the label may use."""
    return {"doc": text, "placeholders": placeholders}


def derived(text: str) -> dict:
    """Metadata for a field the loader fills in, not a YAML key."""
    return {"doc": text, "yaml": False}


@dataclass(frozen=True)
class Origin:
    """Where a piece of content was written: a file relative to the content folder, a line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Text:
    """A visible text: one string for every language, or one per language."""

    by_lang: tuple[tuple[str, str], ...]

    @classmethod
    def plain(cls, text: str) -> "Text":
        return cls((("*", text),))

    def get(self, lang: str, fallback: str = "") -> str:
        """The text in ``lang``; the first language's text where that one is missing."""
        first = None
        for code, text in self.by_lang:
            if code == lang or code == "*":
                return text
            if first is None:
                first = text
        return first if first is not None else fallback

    def all(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.by_lang)


class Markdown(Text):
    """A visible text in the Markdown subset: paragraphs, *emphasis*, **strong**, lists."""


class FileRef(str):
    """A path to a file in the content folder, relative to the YAML file that names it."""


class Colour(str):
    """A colour as #rgb, #rrggbb or #aarrggbb."""


class PinHash(str):
    """The admin PIN as the salted hash that ``kiosk admin-pin`` prints."""


class CellKind(Enum):
    KNOWN = "known"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not applicable"


@dataclass(frozen=True)
class Cell:
    """One figure of a chart: a number, unknown (``?``), or not applicable (``-``)."""

    value: Optional[float]
    kind: CellKind = CellKind.KNOWN
    note: Optional[Text] = None


# --- exhibit.yaml ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Language:
    code: str = field(metadata=doc("Language code, as used in translated texts: en, sv, de …"))
    name: str = field(metadata=doc("The language's name in itself, shown on its button: Svenska."))


@dataclass(frozen=True)
class Idle:
    timeout: float = field(
        default=90, metadata=doc("Seconds without a touch before the kiosk asks if anyone is there.",
                                 above=0, at_most=86400, unit="seconds"),
    )
    warning: float = field(
        default=20, metadata=doc("Seconds the 'still there?' question counts down before a reset.",
                                 above=0, at_most=3600, unit="seconds"),
    )


@dataclass(frozen=True)
class Highlight:
    page: str = field(
        metadata=doc("A page to show in the attract loop, as chapter-folder/page-id: 02-secret-police/letters.")
    )


@dataclass(frozen=True)
class Attract:
    highlights: tuple[Highlight, ...] = field(
        default=(), metadata=doc("Pages (key figures, a chart, a quote) the attract loop cycles through.")
    )
    seconds_per_highlight: float = field(
        default=8, metadata=doc("Seconds each highlight stays before the next fades in.",
                                above=0, at_most=3600, unit="seconds"),
    )


@dataclass(frozen=True)
class Colours:
    background: Colour = field(default="#15171a", metadata=doc("Screen background."))
    surface: Colour = field(default="#22252a", metadata=doc("Tiles, panels and buttons."))
    text: Colour = field(default="#ece7df", metadata=doc("Body text."))
    muted: Colour = field(default="#a39e95", metadata=doc("Captions, credits and secondary text."))
    accent: Colour = field(default="#b3261e", metadata=doc("Highlights, the pressed state, key figures."))
    accent_text: Colour = field(default="#ffffff", metadata=doc("Text on accent-coloured buttons."))
    series: tuple[Colour, ...] = field(
        default=("#c9a66b", "#b3261e", "#6f8fa6", "#8a9a5b"),
        metadata=doc("Colours of a chart's series, in order.", non_empty="the chart palette needs at least "
                     "one colour: list some, like [\"#c9a66b\", \"#b3261e\"], or remove the key for the default"),
    )
    unknown: Colour = field(default="#6b6660", metadata=doc("Hatching of unknown figures in charts."))


@dataclass(frozen=True)
class Fonts:
    heading: str = field(default="Noto Serif", metadata=doc("Font family for titles and figures."))
    body: str = field(default="Noto Sans", metadata=doc("Font family for texts, labels and buttons."))


@dataclass(frozen=True)
class Sizes:
    """Sizes in pixels on a 1080-pixel-high screen; the kiosk scales them to the real one."""

    body: float = field(default=30, metadata=doc(
        "Body text, px at 1080p.", above=0, at_most=540, unit="pixels"))
    caption: float = field(default=24, metadata=doc(
        "Captions, credits, chart labels, px at 1080p.", above=0, at_most=540, unit="pixels"))
    title: float = field(default=56, metadata=doc(
        "Page and chapter titles, px at 1080p.", above=0, at_most=540, unit="pixels"))
    display: float = field(default=140, metadata=doc(
        "Key figures and the exhibit title, px at 1080p.", above=0, at_most=540, unit="pixels"))
    margin: float = field(default=72, metadata=doc(
        "Space around every screen, px at 1080p.", above=0, at_most=540, unit="pixels"))
    tap_target_mm: float = field(
        default=20, metadata=doc("Smallest size of anything tappable, in millimetres on the screen.",
                                 above=0, at_most=100, unit="millimetres"),
    )


@dataclass(frozen=True)
class Timings:
    page_turn_ms: int = field(default=320, metadata=doc(
        "How long a page slides when it turns.", above=0, at_most=10000, unit="milliseconds"))
    chart_grow_ms: int = field(default=900, metadata=doc(
        "How long a chart's bars take to grow in.", above=0, at_most=10000, unit="milliseconds"))
    fade_ms: int = field(default=600, metadata=doc(
        "Cross-fades of the attract loop and overlays.", above=0, at_most=10000, unit="milliseconds"))


@dataclass(frozen=True)
class Theme:
    colours: Colours = field(default_factory=Colours, metadata=doc("The palette."))
    fonts: Fonts = field(default_factory=Fonts, metadata=doc("Font families (from assets/fonts)."))
    sizes: Sizes = field(default_factory=Sizes, metadata=doc("The type scale and spacing."))
    timings: Timings = field(default_factory=Timings, metadata=doc("Animation lengths."))


@dataclass(frozen=True)
class Gesture:
    corner: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = field(
        default="top-left", metadata=doc("Corner held to start the admin gesture.")
    )
    hold_seconds: float = field(default=3, metadata=doc(
        "Seconds the corner is held.", above=0, at_most=60, unit="seconds"))
    taps: tuple[Literal["top-left", "top-right", "bottom-left", "bottom-right"], ...] = field(
        default=("top-right", "bottom-right", "bottom-left"),
        metadata=doc("Corners tapped in order after the hold; then the PIN pad opens."),
    )


@dataclass(frozen=True)
class Admin:
    pin_hash: PinHash = field(
        metadata=doc("The admin PIN, salted and hashed. Make it with: kiosk admin-pin")
    )
    gesture: Gesture = field(default_factory=Gesture, metadata=doc("The gesture that opens the PIN pad."))
    attempts: int = field(default=5, metadata=doc("Wrong PINs in a row before the pad locks.", above=0))
    lockout_seconds: float = field(default=300, metadata=doc(
        "Seconds the pad stays locked.", above=0, at_most=86400, unit="seconds"))


@dataclass(frozen=True)
class Labels:
    """Every word the kiosk itself shows, so that no visible text lives in the code."""

    touch_to_begin: Text = field(metadata=label("The attract loop's invitation."))
    home: Text = field(metadata=label("The button back to the chapter tiles."))
    previous: Text = field(metadata=label("The previous-page button."))
    next: Text = field(metadata=label("The next-page button."))
    page_of: Text = field(metadata=label(
        "Page indicator; {page} and {count} are filled in: {page} / {count}.", "page", "count"))
    sources: Text = field(metadata=label("The button that shows a page's sources."))
    close: Text = field(metadata=label("Closes the sources panel or a timeline event."))
    chapters: Text = field(metadata=label("Heading above the chapter tiles."))
    timeline: Text = field(metadata=label("Heading of the timeline on the home screen."))
    language: Text = field(metadata=label("Heading of the language choice."))
    advisory_title: Text = field(metadata=label("Heading of a content advisory."))
    advisory_continue: Text = field(metadata=label("Button: go on into the chapter."))
    advisory_skip: Text = field(metadata=label("Button: skip to the next chapter."))
    still_there: Text = field(metadata=label("The idle warning's question."))
    resetting_in: Text = field(metadata=label("Idle countdown; {seconds} is filled in.", "seconds"))
    continue_visit: Text = field(metadata=label("The idle warning's button."))
    unknown: Text = field(metadata=label("Written on a chart's unknown figures."))
    not_applicable: Text = field(metadata=label("Written where a figure does not apply."))
    tap_for_value: Text = field(metadata=label("Hint under a chart: tap a bar for its figure."))
    admin_title: Text = field(metadata=label("Heading of the admin screen."))
    admin_enter_pin: Text = field(metadata=label("The PIN pad's prompt."))
    admin_wrong_pin: Text = field(metadata=label("Said after a wrong PIN."))
    admin_locked: Text = field(metadata=label(
        "Said while the pad is locked; {seconds} is filled in.", "seconds"))
    admin_exit: Text = field(metadata=label("Admin button: quit the kiosk."))
    admin_reload: Text = field(metadata=label("Admin button: read the content folder again."))
    admin_back: Text = field(metadata=label("Admin button: back to the visitors' screens."))
    admin_problems: Text = field(metadata=label("Heading of the content problems list."))
    admin_no_problems: Text = field(metadata=label("Shown when the content has no problems."))
    admin_status: Text = field(metadata=label("Status line; {version}, {content} and {loaded} are filled in.",
                                              "version", "content", "loaded"))


# --- chapters/NN-slug/chapter.yaml ----------------------------------------------------------


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
    body: Markdown = field(default=None, metadata=doc("The text, in Markdown.", required=True, words=150))


@dataclass(frozen=True)
class ImagePage(PageBase):
    type: Literal["image"] = field(default="image", metadata=doc("A picture with its caption.", required=True))
    file: FileRef = field(default=None, metadata=doc("The image, beside chapter.yaml.", required=True))
    caption: Text = field(default=None, metadata=doc("What the picture shows.", required=True, words=100))
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
        default=None, metadata=doc("A short text beside the chart.", words=100)
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
        default=None, metadata=doc("A few lines that put it in context.", words=100)
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
    quote: Text = field(default=None, metadata=doc("The words quoted.", required=True, words=100))
    attribution: Text = field(default=None, metadata=doc("Who said or wrote it, and when.", required=True))
    context: Optional[Markdown] = field(
        default=None, metadata=doc("A line on why it matters.", words=100)
    )


Page = Union[TextPage, ImagePage, ChartPage, FigurePage, TimelinePage, QuotePage]
PAGE_TYPES: dict[str, type] = {
    "text": TextPage,
    "image": ImagePage,
    "chart": ChartPage,
    "figure": FigurePage,
    "timeline": TimelinePage,
    "quote": QuotePage,
}


@dataclass(frozen=True)
class Chapter:
    title: Text = field(metadata=doc("The chapter's title, on its tile and its pages."))
    teaser: Text = field(metadata=doc("One or two lines on its tile."))
    artwork: Optional[FileRef] = field(default=None, metadata=doc("A picture for its tile."))
    advisory: Optional[Text] = field(
        default=None, metadata=doc("A content warning shown before the chapter; the visitor may skip.")
    )
    notes: Optional[str] = field(default=None, metadata=doc("For curators only. Never shown."))
    pages: tuple[Page, ...] = field(default=(), metadata=doc(
        "The pages, in order.", required=True,
        non_empty="a chapter needs at least one page: add one, like - {type: text, body: …}"))
    id: str = field(default="", metadata=derived("The folder name, e.g. 02-secret-police."))
    folder: str = field(default="", metadata=derived("The folder, relative to the content folder."))
    origin: Origin = field(default=Origin("", 0), metadata=derived("Where chapter.yaml is."))

    def page_by_id(self, page_id: str) -> Optional[Page]:
        return next((p for p in self.pages if p.id == page_id), None)


@dataclass(frozen=True)
class Exhibit:
    title: Text = field(metadata=doc("The exhibit's title."))
    subtitle: Optional[Text] = field(default=None, metadata=doc("A line under the title."))
    languages: tuple[Language, ...] = field(
        default=(), metadata=doc("The languages, the default first.", required=True)
    )
    idle: Idle = field(default_factory=Idle, metadata=doc("When the kiosk warns and resets."))
    attract: Attract = field(default_factory=Attract, metadata=doc("What the attract loop shows."))
    home_timeline: Optional[str] = field(
        default=None,
        metadata=doc("A timeline page shown on the home screen, as chapter-folder/page-id: 08-timeline/years."),
    )
    theme: Theme = field(default_factory=Theme, metadata=doc("Colours, fonts, sizes, timings."))
    admin: Admin = field(default=None, metadata=doc("The staff PIN and gesture.", required=True))
    labels: Labels = field(default=None, metadata=doc("The kiosk's own words.", required=True))
    chapters: tuple[Chapter, ...] = field(default=(), metadata=derived("The chapters, in folder order."))
    root: str = field(default="", metadata=derived("The content folder."))

    @property
    def default_language(self) -> str:
        return self.languages[0].code if self.languages else "en"

    def chapter(self, chapter_id: str) -> Optional[Chapter]:
        return next((c for c in self.chapters if c.id == chapter_id), None)

    def find_page(self, ref: str) -> tuple[Optional[Chapter], Optional[Page]]:
        """The chapter and page named by ``chapter-folder/page-id``."""
        chapter_id, _, page_id = ref.partition("/")
        chapter = self.chapter(chapter_id)
        return chapter, (chapter.page_by_id(page_id) if chapter else None)
