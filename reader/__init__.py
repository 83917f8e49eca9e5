"""报刊阅览 (baokan-reader): an offline reader for archives of digitized Chinese newspapers."""

__version__ = "0.1.0"
