"""The exhibit as frozen dataclasses: what the loader builds and everything else reads.

The YAML files are described by these same classes. Each field's ``metadata`` carries the
documentation that ``kiosk schema`` and the authoring guide show, so the loader, the JSON
Schema and the guide never disagree. Fields marked ``yaml=False`` are filled in by the
loader (a chapter's id from its folder name, a chart's table from its CSV) and are not keys
a curator writes.

The classes live in three modules, all re-exported here, so that ``from kiosk.content.model
import X`` names any of them: :mod:`~kiosk.content.values` (texts, files, figures, origins),
:mod:`~kiosk.content.exhibit` (the blocks of exhibit.yaml) and :mod:`~kiosk.content.pages`
(pages and charts). This module adds the chapter and the exhibit that hold them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional, Union

from .exhibit import (Admin, Attract, Colours, Fonts, Gesture, Highlight, Idle, Labels, Language,
                      OpeningHours, Sizes, Theme, Timings)
from .pages import (Annotation, ChartPage, ChartSpec, FigurePage, ImagePage, PageBase, QuotePage,
                    Series, SeriesSpec, TextPage, TimelineEvent, TimelinePage)
from .values import (Cell, CellKind, ClockTime, Colour, FileRef, Hours, Markdown, Origin, PinHash, ScreenSize,
                     Text, derived, doc, label)

__all__ = [
    "Admin", "Annotation", "Attract", "Cell", "CellKind", "Chapter", "ChartPage", "ChartSpec", "ClockTime",
    "Colour", "Colours", "Exhibit", "FigurePage", "FileRef", "Fonts", "Gesture", "Highlight", "Hours", "Idle",
    "ImagePage", "Labels", "Language", "Markdown", "OpeningHours", "Origin", "PAGE_TYPES", "Page", "PageBase", "PinHash", "QuotePage",
    "ScreenSize", "Series", "SeriesSpec", "Sizes", "Text", "TextPage", "Theme", "TimelineEvent", "TimelinePage",
    "Timings", "derived", "doc", "label",
]


DEFAULT_SCREENS = (ScreenSize("1920x1080"), ScreenSize("1366x768"))
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
    artwork: Optional[FileRef] = field(default=None, metadata=doc(
        "A picture for its tile, and for the attract screen where a highlight names the chapter."))
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
        default=(), metadata=doc("The languages, the default first.", required=True, non_empty=(
            "no languages: list at least one, the default first, like - {code: en, name: English}")),
    )
    idle: Idle = field(default_factory=Idle, metadata=doc("When the kiosk warns and resets."))
    attract: Attract = field(default_factory=Attract, metadata=doc("What the attract loop shows."))
    home_timeline: Optional[str] = field(
        default=None,
        metadata=doc("A timeline page shown on the home screen, as chapter-folder/page-id: 08-timeline/years."),
    )
    theme: Theme = field(default_factory=Theme, metadata=doc("Colours, fonts, sizes, timings."))
    screens: tuple[ScreenSize, ...] = field(
        default=DEFAULT_SCREENS, metadata=doc(
            "The screens the exhibit is made for, as WIDTHxHEIGHT in pixels: kiosk validate checks that "
            "every text, chart and picture fits each of them.", non_empty=(
                "no screens: list at least one, like [1920x1080, 1366x768], or remove the key for those two")),
    )
    opening_hours: Optional[OpeningHours] = field(default=None, metadata=doc(
        "When the kiosk is open, day by day. Outside these hours it shows the closed screen and takes "
        "no touch (the admin gesture still works). Without it, the kiosk is always open."))
    closed_screen: Literal["card", "black"] = field(default="card", metadata=doc(
        "What shows outside the opening hours: card, a calm card that says when the kiosk opens "
        "again; black, a black screen."))
    nightly_restart: Optional[ClockTime] = field(default=None, metadata=doc(
        "A time of day, like \"03:30\", when the kiosk restarts itself, as soon as no visitor is in the "
        "middle of a visit. Without it, the kiosk never restarts by itself."))
    admin: Admin = field(default_factory=Admin, metadata=doc("The staff gesture and PIN pad."))
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
