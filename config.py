"""Configuration classes: every one takes its database from DATABASE_URL when that is set."""
import os
import tempfile
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = BASE_DIR / "instance"


class Config:
    """Defaults for the embedded set-up: SQLite in instance/, demo-friendly."""

    # The feature packages, in registration order: each declares MODULE = Module(...) (hrapp.core.module).
    MODULES = (
        "hrapp.blueprints.main",
        "hrapp.blueprints.home",
        "hrapp.blueprints.auth",
        "hrapp.blueprints.accounts",
        "hrapp.blueprints.org",
        "hrapp.blueprints.staff",
        "hrapp.blueprints.staff_import_export",
        "hrapp.blueprints.audit_log",
        "hrapp.blueprints.security_log",
        "hrapp.blueprints.reports",
        "hrapp.blueprints.notifications",
        "hrapp.blueprints.roster",
        "hrapp.blueprints.conduct",
        "hrapp.blueprints.attendance",
        "hrapp.blueprints.leave",
        "hrapp.blueprints.training",
        "hrapp.blueprints.appraisals",
        "hrapp.blueprints.jobs",
        "hrapp.blueprints.attachments",
        "hrapp.blueprints.period_close",
        "hrapp.blueprints.backup",
    )
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'hrapp.sqlite'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    # Create forms must come back with their one-time token (hrapp.forms.CreateForm).
    SUBMISSION_TOKENS_REQUIRED = True
    BABEL_DEFAULT_LOCALE = "zh"
    BABEL_DEFAULT_TIMEZONE = "Asia/Shanghai"
    LANGUAGES = ("zh", "en")
    BOOTSTRAP_SERVE_LOCAL = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    FORCE_HTTPS = False
    # Files attached to records: outside the web root, by content hash (hrapp.core.filestore).
    ATTACHMENTS_DIR = os.environ.get("ATTACHMENTS_DIR", str(INSTANCE_DIR / "attachments"))
    ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
    # The largest request body (bigger ones get 413); the attachment upload route alone raises it to
    # ATTACHMENT_MAX_BYTES plus the form around it (hrapp.core.attachments.upload_request_limit).
    MAX_CONTENT_LENGTH = 5 * 1024 * 1024
    # Werkzeug's scrypt: a slow, memory-hard KDF.
    PASSWORD_HASH_METHOD = "scrypt"
    PASSWORD_MIN_LENGTH = 10
    LOGIN_MAX_FAILURES = 5
    LOGIN_LOCK_MINUTES = 15
    LOGIN_RATE_LIMIT = "30 per minute"
    # Where the rate limits count: each process's memory for the embedded set-up; in production the
    # broker the job queue uses (REDIS_URL), so that every app server shares one count.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    # A login ends after this long without a request, and this long after it began, whatever happens.
    SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", 30))
    SESSION_MAX_HOURS = int(os.environ.get("SESSION_MAX_HOURS", 12))
    REMEMBER_COOKIE_DURATION = timedelta(hours=SESSION_MAX_HOURS)  # no login outlives it, remembered or not
    # Forgotten passwords: how long a reset link mailed to its owner, or issued by HR, stays valid.
    PASSWORD_RESET_MINUTES = int(os.environ.get("PASSWORD_RESET_MINUTES", 30))
    PASSWORD_RESET_ISSUED_HOURS = int(os.environ.get("PASSWORD_RESET_ISSUED_HOURS", 24))
    PASSWORD_RESET_RATE_LIMIT = "5 per hour"
    # Outgoing mail (password-reset links). No MAIL_SERVER: no mail is sent.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 25))
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "") == "1"
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "hrapp@localhost")
    PER_PAGE = 25
    # The largest amount of money accepted anywhere (forms, import, API); at most what Numeric(10, 2) holds.
    MONEY_MAX_AMOUNT = os.environ.get("MONEY_MAX_AMOUNT", "99999999.99")
    IMPORT_DIR = os.environ.get("IMPORT_DIR", str(INSTANCE_DIR / "imports"))
    # Signed reports: the organisation PKI (keys encrypted with the passphrase) and bulk jobs.
    PKI_DIR = os.environ.get("PKI_DIR", str(INSTANCE_DIR / "pki"))
    PKI_PASSPHRASE = os.environ.get("PKI_PASSPHRASE", "hrapp-dev-pki-passphrase")
    PKI_REQUIRE_PASSPHRASE = False
    PKI_AUTO_ISSUE = True
    REPORTS_VERIFY_URL = os.environ.get("REPORTS_VERIFY_URL", "")
    # Where people reach this app from outside ("https://hr.example.com"): printed with a QR code on
    # every signed document's footer so that its verify page opens from paper. Outward e-mails and robot
    # messages link to it too; unset, they carry no link (never one built from a request's Host header).
    PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "")
    VERIFY_RATE_LIMIT = "20 per minute"  # the public verify page, per client address
    # Background jobs (hrapp.core.jobs): "thread" in this process, "rq" on REDIS_URL for several servers.
    JOB_RUNNER = os.environ.get("JOB_RUNNER", "thread")
    REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    RQ_QUEUE = "hrapp"
    JOB_STALE_MINUTES = 10  # a running job silent this long was cut off; `tick` marks it failed
    TICK_LEASE_SECONDS = 600  # a tick task not finished by then may be taken over by the next tick
    REPORTS_VERIFY_MAX_BYTES = 20 * 1024 * 1024
    # Outward notifications (e-mail, group robots), sent by `flask tick`: minutes to wait before each retry
    # (after the last one a delivery is FAILED), how long a claimed delivery is held, the robots' HTTP timeout
    # in seconds, and how many deliveries one tick sends at most.
    OUTWARD_RETRY_MINUTES = (1, 5, 15, 60)
    OUTWARD_CLAIM_SECONDS = 300
    OUTWARD_HTTP_TIMEOUT = 10
    OUTWARD_BATCH = 200
    # Webhook addresses must be https; plain http only to a loopback host, and only when this is on (the tests'
    # local robot emulator: TestingConfig). Never turn it on in production.
    OUTWARD_ALLOW_HTTP_LOOPBACK = False
    API_TITLE = "hrapp API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"


class DevelopmentConfig(Config):
    """`make run`: local SQLite with demo data."""

    DEBUG = False


class TestingConfig(Config):
    """pytest: in-memory SQLite unless DATABASE_URL points at a real server."""

    TESTING = True
    SECRET_KEY = "testing"
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False  # Allows form testing; one module turns it back on.
    SUBMISSION_TOKENS_REQUIRED = False  # likewise: the test client posts bare values (tokens still checked if sent)
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"  # cheap hash keeps the suite fast
    LOGIN_RATE_LIMIT = "1000 per minute"
    PASSWORD_RESET_RATE_LIMIT = "1000 per minute"
    VERIFY_RATE_LIMIT = "1000 per minute"
    JOB_RUNNER = "inline"
    OUTWARD_ALLOW_HTTP_LOOPBACK = True  # the outward tests' robot emulator is plain http on 127.0.0.1
    # Keys made by tests (seed-demo's demo PKI) never land in the developer's instance/ folder.
    PKI_DIR = os.path.join(tempfile.gettempdir(), f"hrapp-test-pki-{os.getpid()}")
    ATTACHMENTS_DIR = os.path.join(tempfile.gettempdir(), f"hrapp-test-attachments-{os.getpid()}")


class ProductionConfig(Config):
    """Production: DATABASE_URL and SECRET_KEY must come from the environment."""

    SESSION_COOKIE_SECURE = True
    FORCE_HTTPS = True
    PKI_REQUIRE_PASSPHRASE = True
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", Config.REDIS_URL)

    def __init__(self) -> None:
        for name in ("DATABASE_URL", "SECRET_KEY", "PKI_PASSPHRASE"):
            if not os.environ.get(name):
                raise RuntimeError(f"{name} must be set in production")
        self.SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
        self.SECRET_KEY = os.environ["SECRET_KEY"]
        self.PKI_PASSPHRASE = os.environ["PKI_PASSPHRASE"]


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
