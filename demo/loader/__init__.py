from .base import DemoLoader, NonDemoContent, non_demo_content
from .marks import DEMO_SOURCE_SUFFIX, demo_key
from .texts import DEFAULT_FACTS

__all__ = [
    "DEFAULT_FACTS",
    "DEMO_SOURCE_SUFFIX",
    "DemoLoader",
    "NonDemoContent",
    "demo_key",
    "non_demo_content",
]
