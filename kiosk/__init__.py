"""A full-screen touch kiosk for museum exhibits, driven by a folder of content."""

__version__ = "0.1.0"
