"""PyInstaller hook for PySide6.QtGui: PyInstaller's own, keeping only the Qt plugins the kiosk needs.

PyInstaller's hook collects every plugin QtGui could load (all platforms, image formats, input
methods, desktop themes, ...), and then every library those plugins link to: the GTK 3 theme
alone brings over 10 MB of GTK, GDK, cairo and pango. A hook here takes precedence over PyInstaller's,
and it drops the other plugins before their libraries are looked for.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugins kept, by folder under Qt's plugins/. A plugin type not listed here is left out whole:
# egldeviceintegrations (eglfs), generic (evdev input, used with eglfs/linuxfb, not under X),
# platforminputcontexts (input methods and compose keys: visitors type nothing), platformthemes
# (desktop themes: the kiosk styles itself), wayland-graphics-integration-client and
# xcbglintegrations (OpenGL: the kiosk paints with the CPU, and Wayland then takes shared memory).
KEEP = {
    # xcb: X11, the kiosk on the floor; wayland: a laptop's Wayland desktop, where Qt would
    # otherwise say it has no such plugin and fall back to XWayland (1.4 MB with the two below);
    # offscreen: kiosk proof and validate; minimal: a last resort that still starts.
    "platforms": {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so"},
    "wayland-shell-integration": {"libxdg-shell.so"},  # the shell protocol every desktop speaks
    "wayland-decoration-client": {"libbradient.so"},  # a title bar for --windowed
    # Pictures as the authoring guide asks for them: PNG (built into QtGui), JPEG, SVG.
    "imageformats": {"libqjpeg.so", "libqsvg.so"},
    "iconengines": {"libqsvgicon.so"},
}

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)


def _kept(dest_dir: str, src: str) -> bool:
    parts = dest_dir.replace("\\", "/").split("/")
    if "plugins" not in parts:
        return True  # not a plugin: a Qt library, kept as PyInstaller's hook chose
    plugin_type = "/".join(parts[parts.index("plugins") + 1:])
    return src.replace("\\", "/").rsplit("/", 1)[-1] in KEEP.get(plugin_type, set())


binaries = [(src, dest) for src, dest in binaries if _kept(dest, src)]
