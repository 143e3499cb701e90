"""Briefing Reader: an offline reader for Tweede Kamer letters."""

__version__ = "0.1.0"
APP_NAME = "Briefing Reader"
APP_ID = "briefing-reader"
