"""Allow ``python -m okrcoach``."""

import sys

from okrcoach.cli import main

sys.exit(main())
