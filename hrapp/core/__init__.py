"""Cross-feature pure helpers, one module per topic."""
