"""auditor: consistency-audit linter for Chinese public fiscal reports."""

__version__ = "0.1.0"
