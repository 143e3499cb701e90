"""Application icons (SVG), installed as ``briefing_reader.icons``."""
