"""The blocks of exhibit.yaml: languages, idle, attract, theme, admin and the kiosk's own words.

On the floor none of these may stop the kiosk: a wrong value in them is reported and falls back
to its default (a label to a stand-in, the PIN line to one that opens nothing). Re-exported by
:mod:`kiosk.content.model`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from .values import Colour, Hours, PinHash, Text, doc, label


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
    """One moment of the attract loop: a chapter's artwork over the whole screen, one line on it."""

    chapter: str = field(metadata=doc(
        "The chapter whose artwork fills the screen, by its folder: 03-dangerous-person."))
    line: Text = field(metadata=doc(
        "One large line that invites a passer-by in: a question or a fact to wonder at, never "
        "words from behind a chapter's advisory."))

    retired_keys = {
        "page": ("chapter", "line"),
    }
    """Keys of earlier versions, and the keys that took their place."""


@dataclass(frozen=True)
class Attract:
    highlights: tuple[Highlight, ...] = field(
        default=(), metadata=doc("The artworks the attract loop drifts through, each with its line."))
    seconds_per_highlight: float = field(
        default=8, metadata=doc("Seconds each highlight stays before the next fades in.",
                                above=0, at_most=3600, unit="seconds"),
    )


@dataclass(frozen=True)
class Colours:
    background: Colour = field(default="#15171a", metadata=doc("Screen background."))
    surface: Colour = field(default="#22252a", metadata=doc("Tiles, panels and buttons."))
    text: Colour = field(default="#ece7df", metadata=doc("Body text."))
    muted: Colour = field(default="#b8b2a7", metadata=doc("Captions, credits and secondary text."))
    accent: Colour = field(default="#e8695e", metadata=doc(
        "Highlights, the pressed state, dates, the chosen event and the current page."))
    accent_text: Colour = field(default="#15171a", metadata=doc("Text on accent-coloured buttons."))
    series: tuple[Colour, ...] = field(
        default=("#c9a66b", "#d8d2c8", "#7f9db3", "#8f9c63"),
        metadata=doc("Colours of a chart's series, in order.", non_empty="the chart palette needs at least "
                     "one colour: list some, like [\"#c9a66b\", \"#b3261e\"], or remove the key for the default"),
    )
    unknown: Colour = field(default="#938e86", metadata=doc("Hatching of unknown figures in charts."))


@dataclass(frozen=True)
class Fonts:
    heading: str = field(default="Noto Serif", metadata=doc("Font family for titles and figures."))
    body: str = field(default="Noto Sans", metadata=doc("Font family for texts, labels and buttons."))


@dataclass(frozen=True)
class Sizes:
    """Sizes in pixels on a 1080-pixel-high screen; the kiosk scales them to the real one."""

    body: float = field(default=30, metadata=doc(
        "Body text, px at 1080p.", above=0, at_most=540, unit="pixels"))
    caption: float = field(default=28, metadata=doc(
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
        metadata=doc("Corners tapped in order after the hold; then the PIN pad opens.", whole=True),
    )


@dataclass(frozen=True)
class Admin:
    pin_hash: PinHash = field(default=PinHash(""), metadata=doc(
        "One admin PIN for every kiosk that runs this content, salted and hashed: make the line with "
        "kiosk admin-pin --print. Without it, each kiosk has its own PIN, set on it with kiosk "
        "admin-pin (which also comes first when both are given).", fallback=PinHash("")))
    gesture: Gesture = field(default_factory=Gesture, metadata=doc("The gesture that opens the PIN pad."))
    attempts: int = field(default=5, metadata=doc("Wrong PINs in a row before the pad locks.", above=0))
    lockout_seconds: float = field(default=300, metadata=doc(
        "Seconds the pad stays locked the first time; each lockout after it (with no right PIN "
        "between) lasts twice as long, up to an hour.", above=0, at_most=86400, unit="seconds"))


DAY_HOURS = "hours, like 10:00-17:00; two spans, like 10:00-12:00, 13:00-17:00; or closed"


@dataclass(frozen=True)
class OpeningHours:
    """When the kiosk is open; outside these hours it shows the closed screen."""

    default: Optional[Hours] = field(default=None, metadata=doc(
        f"Every day not named below: {DAY_HOURS}. Without it, a day not named is closed."))
    monday: Optional[Hours] = field(default=None, metadata=doc(f"Monday's {DAY_HOURS}."))
    tuesday: Optional[Hours] = field(default=None, metadata=doc(f"Tuesday's {DAY_HOURS}."))
    wednesday: Optional[Hours] = field(default=None, metadata=doc(f"Wednesday's {DAY_HOURS}."))
    thursday: Optional[Hours] = field(default=None, metadata=doc(f"Thursday's {DAY_HOURS}."))
    friday: Optional[Hours] = field(default=None, metadata=doc(f"Friday's {DAY_HOURS}."))
    saturday: Optional[Hours] = field(default=None, metadata=doc(f"Saturday's {DAY_HOURS}."))
    sunday: Optional[Hours] = field(default=None, metadata=doc(f"Sunday's {DAY_HOURS}."))


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
    text_size: Text = field(metadata=label("The button that makes texts larger, step by step, then normal again."))
    chapters_previous: Text = field(default=Text.plain("Previous chapters"), metadata=label(
        "The arrow to the previous page of chapter tiles (read out by screen readers)."))
    chapters_next: Text = field(default=Text.plain("More chapters"), metadata=label(
        "The arrow to the next page of chapter tiles (read out by screen readers)."))
    admin_no_pin: Text = field(default=Text.plain(
        "No admin PIN is set on this kiosk. Set one on this computer with: kiosk admin-pin"), metadata=label(
        "The PIN pad's words while no admin PIN is set (on the kiosk, or in this file)."))
    visited: Text = field(default=Text.plain("Visited"), metadata=label(
        "The mark on a chapter's home tile once the visitor has opened it (until the idle reset)."))
    next_chapter: Text = field(default=Text.plain("Next chapter: {title}"), metadata=label(
        "The next-page button on a chapter's last page; {title} (the next chapter's) is filled in.", "title"))
    closed: Text = field(default=Text.plain("Closed"), metadata=label(
        "Heading of the closed card, outside the opening hours."))
    open_again: Text = field(default=Text.plain("Open again {day} at {time}"), metadata=label(
        "The closed card's line; {day} (the weekday, in the card's language) and {time} are filled in.",
        "day", "time"))
