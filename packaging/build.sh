#!/usr/bin/env bash
# Build the kiosk as a one-folder application: dist/kiosk/kiosk, with the shipped exhibit beside
# it in dist/kiosk/content/ (outside the bundle, so that operators update it without rebuilding).
# Run from anywhere: it works in the checkout this script belongs to, with its .venv (made, and
# PyInstaller installed into it from pyproject.toml's "bundle" extra, when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
# The "bundle" extra: PyInstaller, and with it the kiosk's own dependencies in a new .venv.
if ! .venv/bin/python -c "import PyInstaller" 2>/dev/null; then
    .venv/bin/pip install -q --disable-pip-version-check -e '.[bundle]'
fi

# --noconfirm: replace an earlier dist/kiosk/ without asking; build/ holds PyInstaller's work files.
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build packaging/kiosk.spec

# A Python built from source carries its debug information (23 MB in libpython alone): strip
# Python's own files, and only those (stripping a wheel's libraries can break them: numpy's
# OpenBLAS no longer loads).
if command -v strip >/dev/null; then
    strip dist/kiosk/_internal/libpython3*.so* dist/kiosk/_internal/python3*/lib-dynload/*.so
fi

# The exhibit as the checkout holds it (without Python's caches, were any made there).
rm -rf dist/kiosk/content
cp -r content dist/kiosk/content
find dist/kiosk/content -name __pycache__ -prune -exec rm -rf {} +

# The systemd user unit and the autostart entry, for the operators' set-up (README).
cp packaging/kiosk.service packaging/kiosk-autostart.desktop dist/kiosk/

echo "built dist/kiosk/kiosk ($(du -sh dist/kiosk | cut -f1)); the exhibit it shows is dist/kiosk/content/"
