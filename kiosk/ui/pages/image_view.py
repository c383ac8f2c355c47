"""A picture drawn as large as its widget allows: SVG crisp at any size, PNG and JPEG smooth-scaled.

A picture is decoded at the size it is shown, never at its full size, and once for every view
that shows it at that size: the decoded pictures live in one small cache shared by all views.
A large picture is decoded off the event loop, so that the screen never waits for it.
"""

from __future__ import annotations

import atexit
import itertools
import os
from collections import OrderedDict
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QObject, QRect, QRectF, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.limits import IMAGE_PIXELS, SVG_SUFFIXES

CACHE_BYTES = 32 * 2**20  # about four full-HD screens of pictures: the pages on and beside the screen
CACHE_ITEMS = 64
AT_ONCE_PIXELS = 4_000_000  # a picture this small decodes in tens of milliseconds; larger, in the background


class PictureCache:
    """Decoded pictures shared by every view, keyed on (file, its change time, size in pixels).

    A picture is kept while a view that drew it lives (the views near the visitor: the page
    library bounds them), and goes with the last of them; past ``CACHE_BYTES`` or
    ``CACHE_ITEMS`` the least recently shown go first all the same."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple, QImage] = OrderedDict()
        self._bytes = 0
        self._users: dict[tuple, set[int]] = {}  # key -> the views (their tokens) that drew it
        self._tokens = itertools.count()

    def user(self, view: QObject) -> int:
        """A token for ``view``: what it uses is let go when it is destroyed."""
        token = next(self._tokens)
        view.destroyed.connect(lambda *_: self.forget(token))
        return token

    def use(self, token: int, key: tuple) -> None:
        self._users.setdefault(key, set()).add(token)

    def forget(self, token: int) -> None:
        """A view is gone: the pictures no other view drew go too."""
        for key in [k for k, users in self._users.items() if token in users]:
            users = self._users[key]
            users.discard(token)
            if not users:
                del self._users[key]
                if key in self._items:
                    self._bytes -= _bytes(self._items.pop(key))

    def get(self, key: tuple) -> Optional[QImage]:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: tuple, picture: QImage) -> None:
        if key in self._items:
            self._bytes -= _bytes(self._items.pop(key))
        self._items[key] = picture
        self._bytes += _bytes(picture)
        while len(self._items) > 1 and (self._bytes > CACHE_BYTES or len(self._items) > CACHE_ITEMS):
            _, dropped = self._items.popitem(last=False)
            self._bytes -= _bytes(dropped)

    def sizes(self, path: Path) -> list[QSize]:
        """The sizes ``path`` is held at (for tests and the benchmark)."""
        return [picture.size() for key, picture in self._items.items() if key[0] == str(path)]

    def clear(self) -> None:
        self._items.clear()
        self._users.clear()
        self._bytes = 0


def _bytes(picture: QImage) -> int:
    return picture.sizeInBytes()


class _Decoder(QObject):
    """Decodes large pictures one at a time on a worker thread (one, so that two never hold
    their full-size pixels at once), and announces each once it is in the cache."""

    decoded = Signal(object, object)  # key, QImage: from the worker, received on the GUI thread
    ready = Signal(object)  # key

    def __init__(self) -> None:
        super().__init__()
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self._pending: set[tuple] = set()
        self.decoded.connect(self._on_decoded)
        atexit.register(self._pool.waitForDone)

    def request(self, key: tuple, path: Path, size: QSize) -> None:
        if key not in self._pending:
            self._pending.add(key)
            self._pool.start(lambda: self.decoded.emit(key, decode(path, size)))

    @Slot(object, object)
    def _on_decoded(self, key: tuple, image: QImage) -> None:
        self._pending.discard(key)
        pictures.put(key, image)
        self.ready.emit(key)

    def wait(self) -> None:
        """Let every decode under way finish (tests and the benchmark)."""
        self._pool.waitForDone()


pictures = PictureCache()
_decoder: Optional[_Decoder] = None


def decode(path: Path, size: QSize) -> QImage:
    """The picture at ``path`` decoded at ``size``: JPEG decodes at that size straight away,
    other formats are scaled as they are read, so the full-size pixels are never kept."""
    reader = QImageReader(str(path))
    reader.setScaledSize(size)
    return reader.read()


def decoding() -> bool:
    """True while a large picture is being decoded in the background."""
    return _decoder is not None and bool(_decoder._pending)


def decoder() -> _Decoder:
    global _decoder
    if _decoder is None:
        _decoder = _Decoder()
    return _decoder


def picture_key(path: Path, size: QSize) -> tuple:
    try:
        changed = os.stat(path).st_mtime_ns  # a picture replaced on a reload is decoded again
    except OSError:
        changed = 0
    return (str(path), changed, size.width(), size.height())


class ImageView(QWidget):
    """A picture drawn as large as the widget allows with its aspect kept.

    SVG is drawn by QSvgRenderer at the size it is shown, so it stays crisp at any size; PNG and
    JPEG are decoded at that size. Both are kept in the shared cache, so a page turn draws a
    picture already made. A file that cannot be read, or is past the size limit, draws nothing.
    """

    def __init__(self, path: Path, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self._path = Path(path)
        self._svg: Optional[QSvgRenderer] = None
        self._natural = QSize()
        self._listening = False
        self._token = pictures.user(self)
        if self._path.suffix.lower() in SVG_SUFFIXES:
            renderer = QSvgRenderer(str(path), self)
            if renderer.isValid():
                self._svg, self._natural = renderer, renderer.defaultSize()
        else:
            reader = QImageReader(str(path))
            size = reader.size()  # from the header: nothing is decoded yet
            if size.isValid() and not size.isEmpty() and size.width() * size.height() <= IMAGE_PIXELS:
                self._natural = size
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def natural_size(self) -> QSize:
        """The picture's own size (empty when it could not be read)."""
        return QSize(self._natural)

    def fitted_size(self, room: QSize) -> QSize:
        """The largest size with the picture's aspect that fits in ``room``."""
        if self._natural.isEmpty():
            return QSize(0, 0)
        return self._natural.scaled(room, Qt.AspectRatioMode.KeepAspectRatio)

    def picture_rect(self) -> QRect:
        """Where the picture is drawn (centred), in the widget's coordinates."""
        size = self.fitted_size(self.size())
        x, y = (self.width() - size.width()) // 2, (self.height() - size.height()) // 2
        return QRect(x, y, size.width(), size.height())

    def shown_picture(self) -> Optional[QImage]:
        """The picture as decoded for the size it is shown at, once it is (None before)."""
        size = self.picture_rect().size() * self.devicePixelRatioF()
        return pictures.get(picture_key(self._path, size)) if not size.isEmpty() else None

    def sizeHint(self) -> QSize:
        return self._natural if not self._natural.isEmpty() else QSize(1, 1)

    def minimumSizeHint(self) -> QSize:
        return QSize(1, 1)

    def paintEvent(self, event) -> None:
        target = self.picture_rect()
        if target.isEmpty():
            return
        picture = self._picture(target.size() * self.devicePixelRatioF())
        if picture is not None and not picture.isNull():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, picture)

    def _picture(self, size: QSize) -> Optional[QImage]:
        """The picture at ``size`` device pixels: from the cache, made now, or (a large picture
        not decoded yet) None, and this view is drawn again once it is ready."""
        key = picture_key(self._path, size)
        pictures.use(self._token, key)
        found = pictures.get(key)
        if found is not None:
            return found
        if self._svg is not None:
            pictures.put(key, self._rendered(size))
        elif self._natural.width() * self._natural.height() <= AT_ONCE_PIXELS:
            pictures.put(key, decode(self._path, size))
        elif not self._natural.isEmpty():
            if not self._listening:
                decoder().ready.connect(self._on_ready)
                self._listening = True
            decoder().request(key, self._path, size)
            return None
        return pictures.get(key)

    def _rendered(self, size: QSize) -> QImage:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._svg.render(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image

    @Slot(object)
    def _on_ready(self, key: tuple) -> None:
        if key[0] == str(self._path):
            self.update()
