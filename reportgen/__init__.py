"""reportgen: draft, verify and archive Vietnamese service-quality index reports."""

__version__ = "0.1.0"
