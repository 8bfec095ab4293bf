"""Legacy code modernization: parse, index, translate, characterize and report."""

__version__ = "0.1.0"
