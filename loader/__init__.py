"""unkg: a linked-data publisher for United Nations Security Council documents."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("unkg")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
