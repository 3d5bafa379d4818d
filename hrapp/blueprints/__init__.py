"""Every blueprint of the app, in registration order."""
from hrapp.blueprints.accounts import bp as accounts_bp
from hrapp.blueprints.audit_log import bp as audit_log_bp
from hrapp.blueprints.auth import bp as auth_bp
from hrapp.blueprints.main import bp as main_bp
from hrapp.blueprints.org import bp as org_bp
from hrapp.blueprints.reports import bp as reports_bp
from hrapp.blueprints.roster import bp as roster_bp
from hrapp.blueprints.staff import bp as staff_bp
from hrapp.blueprints.transfer import bp as transfer_bp

BLUEPRINTS = [main_bp, auth_bp, accounts_bp, org_bp, staff_bp, transfer_bp, audit_log_bp, reports_bp, roster_bp]
