"""Compiled Qt translations, installed as ``briefing_reader.translations``."""
