"""Qt widgets: they call the core; the core never calls them."""
