"""``python -m briefing_reader``."""

import sys

from briefing_reader.cli import main

sys.exit(main())
