"""Signed reports: build + sign time of a two-page record card (one and two signatures), the
report engine's peak memory, and the bulk job's throughput on the demo company.

Keys are RSA 2048 as made by `flask pki init`; the first rounds (font registration, stamp font
subset, key decryption) are warm-up and not timed.
"""
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from bench.env import BenchContext
from hrapp.blueprints.reports import jobs, pki
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.signing import StampText, sign_pdf
from hrapp.blueprints.staff.documents import STAFF_CARD
from hrapp.blueprints.staff.pdf import HistoryRow, StaffCardData, build_staff_card
from hrapp.core import jobs as background
from hrapp.extensions import db
from hrapp.models import Department, Job, JobStatus, Role, StaffMember, User

ROUNDS = 30
WARMUP = 3
BULK_STAFF = 300
STAMPS = (StampText("李人事 (hr)", "人事专员 HR clerk", "2026-05-01 10:00:00 CST", "人事档案核准 Staff record certified"),
          StampText("王小明 (staff)", "员工 Staff", "2026-05-02 09:30:00 CST", "本人确认 Acknowledged"))


def _card() -> StaffCardData:
    """A record card that fills two pages."""
    letterhead = Letterhead("测试旅行社有限公司 Test Travel Ltd", "员工档案卡 Staff record card", "SC-2026-000042",
                            date(2026, 5, 1), "7K3M-Q9TD-2XWB", "验证 Verify: https://hr.example.com/verify")
    history = tuple(HistoryRow(f"2024-{i % 12 + 1:02d}-15", "调动 Transfer", "前厅部 → 客房部; 领班 → 主管", "年度调整")
                    for i in range(30))
    return StaffCardData(letterhead, "S00042", "王小明", "Wang Xiaoming", "男 Male", "1990-01-01", "110***********1234",
                         "前厅部 Front office", "前台接待 Receptionist", "李经理", "2020-03-01", "在职 Active",
                         "13800000000", "wang@example.com", "王大 13900000000", history,
                         ("人事部 HR", "员工确认 Staff acknowledgement"))


def _pki(workdir: Path) -> tuple[pki.Credentials, pki.Credentials]:
    settings = pki.PkiSettings(workdir / "bench-pki", b"bench-passphrase")
    pki.ensure_demo_pki(settings, "测试旅行社 Test Travel")
    if not pki.has_signer(settings, "staff"):
        pki.issue_signer(settings, "staff", "王小明", organisation="测试旅行社 Test Travel")
    return pki.load_credentials(settings, pki.DEFAULT_SIGNER), pki.load_credentials(settings, "staff")


def _issue(data: StaffCardData, creds: tuple, signatures: int) -> bytes:
    built = build_staff_card(data)
    pdf = built.data
    for index in range(signatures):
        pdf = sign_pdf(pdf, creds[index], slots=built.slots, index=index, stamp=STAMPS[index],
                       reason=STAMPS[index].reason)
    return pdf


def bench_report_signing(ctx: BenchContext) -> Iterator[tuple[str, float, str]]:
    creds, data = _pki(ctx.workdir), _card()
    assert build_staff_card(data).pages == 2
    for signatures in (1, 2):
        for _ in range(WARMUP):
            _issue(data, creds, signatures)
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            _issue(data, creds, signatures)
            times.append((time.perf_counter() - started) * 1000)
        yield f"report_sign{signatures}_ms", statistics.median(times), "ms"
    baseline, peak = _peak_mib(ctx.workdir)
    yield "report_peak_mib", peak, "MiB"
    yield "report_engine_mib", peak - baseline, "MiB"


def _peak_mib(workdir: Path) -> tuple[float, float]:
    """Peak resident memory of a fresh process that builds and signs (two signatures) 20 cards,
    and its resident memory after importing the app, before the first report (the app's share)."""
    code = ("import sys; from pathlib import Path; from bench import reports; "
            f"reports._probe(Path({str(workdir)!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    baseline, peak = out.strip().splitlines()[-1].split()
    return float(baseline), float(peak)


def _status_mib(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process. Not ru_maxrss: after fork + exec it can still
    report the parent's size."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(f"{field}:")) / 1024


def _probe(workdir: Path) -> None:
    baseline = _status_mib("VmRSS")
    creds, data = _pki(workdir), _card()
    for _ in range(20):
        _issue(data, creds, 2)
    print(baseline, _status_mib("VmHWM"))


def bench_report_bulk(ctx: BenchContext) -> Iterator[tuple[str, float, str]]:
    """Cards per second of the bulk job (the code the background thread runs) for a whole company."""
    app = ctx.seeded_app(BULK_STAFF)
    app.config.update(PKI_DIR=str(ctx.workdir / "bulk-pki"), PKI_PASSPHRASE="bench-passphrase")
    with app.app_context():
        pki.ensure_demo_pki(pki.PkiSettings(ctx.workdir / "bulk-pki", b"bench-passphrase"), "Demo")
        hr = db.session.scalar(sa.select(User).where(User.role == Role.HR))
        top = db.session.scalars(sa.select(Department).where(Department.parent_id.is_(None))).all()
        sizes = {d.id: db.session.scalar(sa.select(sa.func.count(StaffMember.id)).join(Department)
                                         .where(Department.path.startswith(d.path))) for d in top}
        department = max(top, key=lambda d: sizes[d.id])
        job = jobs.create_bulk_job(hr, STAFF_CARD, department, include_subdepartments=True)
        db.session.commit()
        started = time.perf_counter()
        background.run_job(job.id)
        elapsed = time.perf_counter() - started
        job = db.session.get(Job, job.id)
        if job.status != JobStatus.DONE or job.failed:
            raise RuntimeError(f"bulk job ended {job.status} with {job.failed} failures: {job.message}")
        yield "report_bulk_cards", job.done, "cards"
        yield "report_bulk_per_s", job.done / elapsed, "cards/s"


BENCHES = [bench_report_signing, bench_report_bulk]
