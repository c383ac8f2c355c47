"""Noticing saves in a content folder, however the editor saves.

``QFileSystemWatcher`` follows a file's inode: an editor that writes a temporary file and renames
it over the original (as most do) leaves the watch on the old, deleted file. So every folder is
watched too (a rename, a new or deleted file, a new chapter folder shows there), every file for
saves written in place, and after each burst of events the folder is scanned again: the watches
follow the files and folders as they are now, and a burst that changed no file the kiosk reads
(only an editor's swap or backup files) asks for no reload. The folder's parent is watched as
well, so that a content folder deleted and made again (a branch checked out) is followed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from kiosk.preview import Tree, scan

SETTLE_MS = 100  # quiet this long after the last event before the folder is read: one reload a burst


class FolderWatcher(QObject):
    """Says ``changed`` once after a burst of saves anywhere under ``root`` has settled."""

    changed = Signal()

    def __init__(self, root: Path, settle_ms: int = SETTLE_MS, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.root = Path(root)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_event)
        self._watcher.fileChanged.connect(self._on_event)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._on_settled)
        self.tree = Tree()
        self._follow(scan(self.root))

    @Slot(str)
    def _on_event(self, path: str) -> None:
        self._settle.start()  # again: the burst goes on

    @Slot()
    def _on_settled(self) -> None:
        tree = scan(self.root)
        if tree == self.tree:
            self._follow(tree)  # a watch lost to a swap file's rename is put back all the same
            return
        self._follow(tree)
        self.changed.emit()

    def _follow(self, tree: Tree) -> None:
        """Watch the folder itself, its folders and its files as ``tree`` has them; files saved by
        a rename are watched anew (the old watch is on the file the rename replaced)."""
        root = self.root
        wanted = {str(root / rel) if rel else str(root) for rel in tree.folders}
        wanted |= {str(root / rel) for rel in tree.files}
        wanted |= {str(root), str(root.parent)}  # the parent: to see the folder itself come back
        renamed = {str(root / rel) for rel in self.tree.replaced(tree)}
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        gone = (watched - wanted) | (watched & renamed)
        if gone:
            self._watcher.removePaths(sorted(gone))
        new = sorted(p for p in (wanted - watched) | (wanted & renamed) if Path(p).exists())
        if new:
            self._watcher.addPaths(new)
        self.tree = tree

    def stop(self) -> None:
        self._settle.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
