"""The bundled documents (markdown), installed as ``briefing_reader.bundled``."""
