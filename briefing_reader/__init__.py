"""Briefing Reader: an offline reader for Tweede Kamer letters."""

__version__ = "0.1.0"  # the one place; pyproject reads it (dynamic version)
APP_NAME = "Briefing Reader"
APP_ID = "briefing-reader"
DESKTOP_ID = "nl.briefingreader.BriefingReader"  # the .desktop file and AppStream id
