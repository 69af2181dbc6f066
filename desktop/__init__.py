"""Migrant Desk: an offline reference desk for advisors of Central Asian labour migrants."""
from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("migrant-desk")
except _metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
