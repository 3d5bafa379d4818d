"""What seed-demo adds for the catalogue: the standard rules (the other parts' demo records use them)."""
from hrapp.blueprints.conduct.catalogue.services import load_standard_catalogue


def seed_demo(report) -> None:
    """Load the standard catalogue as the demo's HR; the count goes on the seed report."""
    added = load_standard_catalogue(report.users.get("hr"))
    report.counts.update(conduct_rules=added)
    report.summary.append(f"Code of conduct: {added} rules in the catalogue.")
