"""One person's training record page over HTTP (written once bench/training_seed.py lands)."""
BENCHES = []
