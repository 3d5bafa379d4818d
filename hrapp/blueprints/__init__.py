"""Feature packages; the ones the app loads are listed in Config.MODULES."""
