"""What the benchmark scripts share: the project on the import path, and percentiles.

The scripts run as `python benchmarks/<name>.py`, so this folder is on the path and they import
`benchlib` first.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def use_settings(module: str) -> None:
    """Django settings for the script unless the caller chose others (DJANGO_SETTINGS_MODULE)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", module)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]
