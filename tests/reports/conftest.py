"""Report fixtures: one organisation PKI per session in a temporary directory, PDF tool helpers."""
import subprocess
from datetime import date
from pathlib import Path

import pytest

from hrapp.blueprints.reports import pki
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.staff.pdf import HistoryRow, StaffCardData

PASSPHRASE = b"test-pki-passphrase"


@pytest.fixture(scope="session")
def pki_settings_(tmp_path_factory) -> pki.PkiSettings:
    """Root + default signer, generated once per session (RSA 2048 as in production)."""
    settings = pki.PkiSettings(tmp_path_factory.mktemp("pki"), PASSPHRASE)
    pki.ensure_demo_pki(settings, "测试旅行社 Test Travel")
    pki.issue_signer(settings, "second", "第二签名人 Second signer", organisation="测试旅行社 Test Travel")
    return settings


@pytest.fixture(autouse=True)
def _pki_config(app, pki_settings_):
    """Point the app at the session PKI (never instance/pki) for every report test."""
    app.config.update(PKI_DIR=str(pki_settings_.directory), PKI_PASSPHRASE=PASSPHRASE.decode())
    yield


@pytest.fixture(scope="session")
def creds(pki_settings_) -> pki.Credentials:
    return pki.load_credentials(pki_settings_, pki.DEFAULT_SIGNER)


@pytest.fixture(scope="session")
def creds2(pki_settings_) -> pki.Credentials:
    return pki.load_credentials(pki_settings_, "second")


@pytest.fixture(scope="session")
def nss_db(tmp_path_factory, pki_settings_) -> Path:
    """An NSS database trusting the organisation root, for poppler's pdfsig."""
    directory = tmp_path_factory.mktemp("nss")
    root = directory / "root.pem"
    root.write_bytes(pki.root_pem(pki_settings_))
    subprocess.run(["certutil", "-N", "-d", f"sql:{directory}", "--empty-password"], check=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{directory}", "-n", "root", "-t", "CT,C,C", "-i", str(root)],
                   check=True)
    return directory


def pdfsig(nss_dir: Path, pdf: Path) -> list[dict]:
    """pdfsig's report per signed signature, oldest first (it exits 0 even on failures: read the text)."""
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss_dir}", str(pdf)], capture_output=True, text=True,
                         check=False).stdout
    blocks = [b for b in out.split("Signature #")[1:] if "not signed" not in b]
    return [{"text": b, "valid": "Signature is Valid." in b, "trusted": "Certificate is Trusted." in b,
             "total": "Total document signed" in b and "Not total document signed" not in b,
             "field": b.split("Signature Field Name: ")[1].split("\n")[0] if "Field Name" in b else ""}
            for b in blocks]


def pdftotext(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def card_data(rows: int = 30, **overrides) -> StaffCardData:
    """A record card long enough for two pages (the benchmark's shape too)."""
    letterhead = overrides.pop("letterhead", Letterhead(
        "测试旅行社有限公司 Test Travel Ltd", "员工档案卡 Staff record card", "SC-2026-000042", date(2026, 5, 1),
        "7K3M-Q9TD-2XWB", "验证 Verify: https://hr.example.com/verify?code=7K3M-Q9TD-2XWB"))
    history = tuple(HistoryRow(f"2024-{(i % 12) + 1:02d}-15", "调动 Transfer", "前厅部 → 客房部; 领班 → 主管",
                               "年度调整 annual review") for i in range(rows))
    values = dict(
        letterhead=letterhead, staff_number="S00042", name="王小明", name_en="Wang Xiaoming", gender="男 Male",
        birth_on="1990-01-01", id_number_masked="110***********1234", department="前厅部 Front office",
        position="前台接待 Receptionist", superior="李经理", hire_on="2020-03-01", status="在职 Active",
        phone="13800000000", email="wang@example.com", emergency_contact="王大 13900000000", history=history,
        signature_labels=("人事部 HR", "员工确认 Staff acknowledgement"))
    values.update(overrides)
    return StaffCardData(**values)
