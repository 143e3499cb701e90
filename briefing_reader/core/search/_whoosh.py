"""Whoosh, imported with its warnings silenced for the ``whoosh`` module only.

Whoosh 2.7.4 predates Python 3.12's escape-sequence checks and uses a few
deprecated calls; those warnings are ignored for its own modules and no
others. Every module of this package takes Whoosh from here, so the filter
is in place before Whoosh's first import. Importing this costs ~70 ms:
import it lazily.
"""

import warnings

warnings.filterwarnings("ignore", category=SyntaxWarning, module=r"whoosh(\.|$)")
warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"whoosh(\.|$)")

# ruff: noqa: E402
from whoosh import fields, formats
from whoosh import query as wq
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.index import EmptyIndexError
from whoosh.reading import TermNotFound
from whoosh.system import pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import PostingPool

__all__ = [
    "WHOOSH3_HEADER_MAGIC",
    "EmptyIndexError",
    "FileStorage",
    "PostingPool",
    "RamStorage",
    "TermNotFound",
    "fields",
    "formats",
    "length_to_byte",
    "pack_uint",
    "pack_ushort",
    "wq",
]
