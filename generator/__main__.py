"""`python -m generator` is `parallax`."""

import sys

from generator.cli import main

sys.exit(main())
