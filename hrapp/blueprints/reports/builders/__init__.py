"""Report builders: each takes a frozen dataclass prepared by a service and returns a BuiltPdf."""
