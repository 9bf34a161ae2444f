"""Reading: a RawDocument becomes a Report (metadata, score tables bound to a
scheme, prose statements). Parsers know formats; this package knows schemes."""
