"""Reference data: the 2025 and 2026 holiday calendars (regulation.md §8) and the default SLA policy (product.md).

Loaded by a data migration and by `deadlines_ensure_defaults` (also after test flushes);
both only add what is missing, never overwrite an administrator's edits.
"""

from __future__ import annotations

import datetime as dt

NATIONAL, JOINT = "libur_nasional", "cuti_bersama"
SKB_2025 = "SKB 3 Menteri 1017/2024, 2/2024, 2/2024; 18 Agustus: SKB 933/2025, 1/2025, 3/2025"
SKB_2026 = "SKB 3 Menteri 1497/2025, 2/2025, 5/2025"

# (date, kind, name, basis)
DAYS_OFF: tuple[tuple[dt.date, str, str, str], ...] = tuple(
    (dt.date.fromisoformat(day), kind, name, basis)
    for day, kind, name, basis in (
        ("2025-01-01", NATIONAL, "Tahun Baru Masehi", SKB_2025),
        ("2025-01-27", NATIONAL, "Isra Mikraj", SKB_2025),
        ("2025-01-28", JOINT, "Cuti bersama Tahun Baru Imlek", SKB_2025),
        ("2025-01-29", NATIONAL, "Tahun Baru Imlek", SKB_2025),
        ("2025-03-28", JOINT, "Cuti bersama Hari Suci Nyepi", SKB_2025),
        ("2025-03-29", NATIONAL, "Hari Suci Nyepi", SKB_2025),
        ("2025-03-31", NATIONAL, "Idul Fitri", SKB_2025),
        ("2025-04-01", NATIONAL, "Idul Fitri hari kedua", SKB_2025),
        ("2025-04-02", JOINT, "Cuti bersama Idul Fitri", SKB_2025),
        ("2025-04-03", JOINT, "Cuti bersama Idul Fitri", SKB_2025),
        ("2025-04-04", JOINT, "Cuti bersama Idul Fitri", SKB_2025),
        ("2025-04-07", JOINT, "Cuti bersama Idul Fitri", SKB_2025),
        ("2025-04-18", NATIONAL, "Wafat Yesus Kristus", SKB_2025),
        ("2025-04-20", NATIONAL, "Kebangkitan Yesus Kristus (Paskah)", SKB_2025),
        ("2025-05-01", NATIONAL, "Hari Buruh Internasional", SKB_2025),
        ("2025-05-12", NATIONAL, "Hari Raya Waisak", SKB_2025),
        ("2025-05-13", JOINT, "Cuti bersama Hari Raya Waisak", SKB_2025),
        ("2025-05-29", NATIONAL, "Kenaikan Yesus Kristus", SKB_2025),
        ("2025-05-30", JOINT, "Cuti bersama Kenaikan Yesus Kristus", SKB_2025),
        ("2025-06-01", NATIONAL, "Hari Lahir Pancasila", SKB_2025),
        ("2025-06-06", NATIONAL, "Idul Adha", SKB_2025),
        ("2025-06-09", JOINT, "Cuti bersama Idul Adha", SKB_2025),
        ("2025-06-27", NATIONAL, "Tahun Baru Islam 1447 H", SKB_2025),
        ("2025-08-17", NATIONAL, "Hari Kemerdekaan RI", SKB_2025),
        ("2025-08-18", JOINT, "Cuti bersama Hari Kemerdekaan RI", SKB_2025),
        ("2025-09-05", NATIONAL, "Maulid Nabi Muhammad SAW", SKB_2025),
        ("2025-12-25", NATIONAL, "Hari Raya Natal", SKB_2025),
        ("2025-12-26", JOINT, "Cuti bersama Hari Raya Natal", SKB_2025),
        ("2026-01-01", NATIONAL, "Tahun Baru Masehi", SKB_2026),
        ("2026-01-16", NATIONAL, "Isra Mikraj", SKB_2026),
        ("2026-02-16", JOINT, "Cuti bersama Tahun Baru Imlek", SKB_2026),
        ("2026-02-17", NATIONAL, "Tahun Baru Imlek", SKB_2026),
        ("2026-03-18", JOINT, "Cuti bersama Hari Suci Nyepi", SKB_2026),
        ("2026-03-19", NATIONAL, "Hari Suci Nyepi", SKB_2026),
        ("2026-03-20", JOINT, "Cuti bersama Idul Fitri", SKB_2026),
        ("2026-03-21", NATIONAL, "Idul Fitri", SKB_2026),
        ("2026-03-22", NATIONAL, "Idul Fitri hari kedua", SKB_2026),
        ("2026-03-23", JOINT, "Cuti bersama Idul Fitri", SKB_2026),
        ("2026-03-24", JOINT, "Cuti bersama Idul Fitri", SKB_2026),
        ("2026-04-03", NATIONAL, "Wafat Yesus Kristus", SKB_2026),
        ("2026-04-05", NATIONAL, "Kebangkitan Yesus Kristus (Paskah)", SKB_2026),
        ("2026-05-01", NATIONAL, "Hari Buruh Internasional", SKB_2026),
        ("2026-05-14", NATIONAL, "Kenaikan Yesus Kristus", SKB_2026),
        ("2026-05-15", JOINT, "Cuti bersama Kenaikan Yesus Kristus", SKB_2026),
        ("2026-05-27", NATIONAL, "Idul Adha", SKB_2026),
        ("2026-05-28", JOINT, "Cuti bersama Idul Adha", SKB_2026),
        ("2026-05-31", NATIONAL, "Hari Raya Waisak", SKB_2026),
        ("2026-06-01", NATIONAL, "Hari Lahir Pancasila", SKB_2026),
        ("2026-06-16", NATIONAL, "Tahun Baru Islam 1448 H", SKB_2026),
        ("2026-08-17", NATIONAL, "Hari Kemerdekaan RI", SKB_2026),
        ("2026-08-25", NATIONAL, "Maulid Nabi Muhammad SAW", SKB_2026),
        ("2026-12-24", JOINT, "Cuti bersama Hari Raya Natal", SKB_2026),
        ("2026-12-25", NATIONAL, "Hari Raya Natal", SKB_2026),
    )
)

# (stage, channel, report_type, supervisory, days, calendar_days, max_extension_days, basis)
SLA_POLICY: tuple[tuple[str, str, str, bool | None, int, bool, int, str], ...] = (
    ("verify", "", "", None, 3, False, 0, "SP4N-LAPOR!: verifikasi dan disposisi 3 hari kerja"),
    ("first_follow_up", "", "", None, 5, False, 0, "SP4N-LAPOR!: tindak lanjut pertama 5 hari kerja"),
    (
        "resolve",
        "",
        "",
        None,
        14,
        False,
        14,
        "Standar pelayanan: pengaduan tidak berkadar pengawasan 14 hari kerja",
    ),
    ("resolve", "", "", True, 60, False, 30, "Perpres 76/2013: pengaduan berkadar pengawasan 60 hari"),
    (
        "resolve",
        "wbs",
        "",
        None,
        60,
        False,
        30,
        "Pedoman WBS: ditangani seperti pengaduan berkadar pengawasan",
    ),
    (
        "resolve",
        "",
        "permintaan_informasi",
        None,
        10,
        False,
        7,
        "UU 14/2008: 10 hari kerja, +7 dengan alasan",
    ),
    (
        "reporter_answer",
        "",
        "",
        None,
        14,
        True,
        0,
        "Praktik WBS kementerian: 14 hari tanpa jawaban, diarsipkan",
    ),
    (
        "auto_close",
        "",
        "",
        None,
        10,
        False,
        0,
        "SP4N-LAPOR!: ditutup 10 hari kerja setelah jawaban tanpa tanggapan",
    ),
    ("forward_follow_up", "", "", None, 14, False, 0, "SIMADU: menanyakan hasil ke instansi tujuan"),
)


def load(day_off_model, policy_model) -> int:  # type: ignore[no-untyped-def]
    """Add the missing rows; an administrator's edits stay. Returns how many were created."""
    created = 0
    for day, kind, name, basis in DAYS_OFF:
        created += day_off_model.objects.get_or_create(
            date=day, defaults={"kind": kind, "name": name, "basis": basis}
        )[1]
    for stage, channel, report_type, supervisory, days, calendar, ext, basis in SLA_POLICY:
        created += policy_model.objects.get_or_create(
            stage=stage,
            channel=channel,
            report_type=report_type,
            supervisory=supervisory,
            defaults={"days": days, "calendar_days": calendar, "max_extension_days": ext, "basis": basis},
        )[1]
    return created
