"""Qt-free core: content, search and notes. Nothing here may import Qt."""
