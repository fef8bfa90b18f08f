"""The built-in words of every notification, and the placeholders each one may use.

A `MessageTemplate` row (key, language) edited by an administrator wins; without one the text
below is used (translated when the language is not Indonesian). `templates_ensure_defaults()`
creates the missing Indonesian rows so administrators find something to edit; it never touches a
row that exists.

What a message may carry, and why the lists are short:

- To a **reporter**: the tracking id, the stage in plain words, dates, where to look. Never the
  report's content, a name or the secret code: a phone or a mailbox is often shared, and in a WBS
  case it may be read by the very official reported. The one exception is `received_by_email`,
  the receipt of a report that arrived *by e-mail*: it goes back to the mailbox that sent the
  report, the only way that reporter can learn their secret code.
- To **staff**: the tracking id, the stage, dates and a link to the case. The content stays in
  SIMADU, behind the permission check and the audit log.

Other helpers append their keys here with a targeted edit; each key names its audience and its
placeholders. The texts are gettext msgids (`gettext_noop`), so the English defaults come from the
translation catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_noop

REPORTER = "reporter"
STAFF = "staff"

# Every reporter message may use these; none of them is content, a name or the secret.
REPORTER_COMMON = frozenset({"tracking_id", "stage", "url", "date"})
# Every staff message may use these.
STAFF_COMMON = frozenset({"tracking_id", "stage", "date", "due_date", "case_url"})
# A staff notification about a WBS case gets only these (the tracking id, the stage, dates, and numbers of
# days): `cases.notifications.notify_staff` drops any other value, whatever the template offers.
STAFF_WBS_SAFE = STAFF_COMMON | {"days", "percent"}

# What each placeholder means, shown to administrators as help next to the template.
PLACEHOLDER_HELP: dict[str, str] = {
    "tracking_id": gettext_noop("nomor laporan"),
    "stage": gettext_noop("tahap laporan dalam kata sederhana"),
    "url": gettext_noop("alamat halaman lacak laporan"),
    "date": gettext_noop("tanggal yang dimaksud pesan (mis. batas jawaban)"),
    "due_date": gettext_noop("batas waktu tahap ini"),
    "case_url": gettext_noop("tautan ke laporan di ruang kerja staf"),
    "agency": gettext_noop("nama instansi tujuan pengalihan"),
    "agency_contact": gettext_noop("kontak instansi tujuan"),
    "days": gettext_noop("jumlah hari kerja"),
    "secret": gettext_noop("kode rahasia pelapor (hanya untuk tanda terima laporan lewat e-mail)"),
    "unit": gettext_noop("nama unit yang menangani"),
    "percent": gettext_noop("persen waktu yang sudah terpakai"),
    "actor": gettext_noop("nama, akun dan peran staf yang bertindak"),
    "when": gettext_noop("waktu kejadian"),
    "reason": gettext_noop("alasan yang ditulis staf"),
    "what": gettext_noop("apa yang dibuka"),
}


@dataclass(frozen=True)
class Default:
    audience: str
    subject: str
    body: str
    extra: frozenset[str] = frozenset()

    @property
    def placeholders(self) -> frozenset[str]:
        return (REPORTER_COMMON if self.audience == REPORTER else STAFF_COMMON) | self.extra


DEFAULTS: dict[str, Default] = {
    # --- to the reporter ------------------------------------------------------------------------
    "received": Default(
        REPORTER,
        gettext_noop("[SIMADU] Laporan {tracking_id} sudah kami terima"),
        gettext_noop(
            "Yth. Pelapor,\n\nLaporan Anda sudah kami terima dengan nomor {tracking_id}.\n\n{stage}\n\n"
            "Lihat perkembangan dan balas di {url} dengan nomor laporan dan kode rahasia Anda.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "received_by_email": Default(
        REPORTER,
        gettext_noop("[SIMADU] Laporan {tracking_id} sudah kami terima"),
        gettext_noop(
            "Yth. Pelapor,\n\nLaporan yang Anda kirim lewat e-mail sudah kami terima.\n\n"
            "Nomor laporan: {tracking_id}\nKode rahasia: {secret}\n\n"
            "Simpan nomor dan kode rahasia ini. Jangan berikan kepada siapa pun: dengan keduanya orang lain "
            "dapat membaca perkembangan laporan Anda. Kode rahasia tidak dapat kami kirim ulang.\n\n"
            "Lihat perkembangan di {url}, atau balas e-mail ini untuk menambah keterangan.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
        frozenset({"secret"}),
    ),
    "request_info": Default(
        REPORTER,
        gettext_noop("[SIMADU] Petugas membutuhkan keterangan untuk laporan {tracking_id}"),
        gettext_noop(
            "Yth. Pelapor,\n\nPetugas membutuhkan keterangan tambahan dari Anda untuk laporan {tracking_id}. "
            "Mohon jawab paling lambat {date}.\n\n"
            "Baca pertanyaannya dan jawab di {url} dengan nomor laporan dan kode rahasia Anda.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "reply": Default(
        REPORTER,
        gettext_noop("[SIMADU] Pesan baru untuk laporan {tracking_id}"),
        gettext_noop(
            "Yth. Pelapor,\n\nPetugas mengirim pesan baru untuk laporan {tracking_id}.\n\n"
            "Baca pesannya dan balas di {url} dengan nomor laporan dan kode rahasia Anda.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "respond": Default(
        REPORTER,
        gettext_noop("[SIMADU] Laporan {tracking_id} sudah dijawab"),
        gettext_noop(
            "Yth. Pelapor,\n\n{stage}\n\nNomor laporan: {tracking_id}\n\n"
            "Baca jawabannya di {url} dengan nomor laporan dan kode rahasia Anda. Jika Anda tidak puas, "
            "Anda dapat mengajukan keberatan di halaman yang sama.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "forward": Default(
        REPORTER,
        gettext_noop("[SIMADU] Laporan {tracking_id} dialihkan ke instansi lain"),
        gettext_noop(
            "Yth. Pelapor,\n\nLaporan {tracking_id} bukan kewenangan Kementerian Ketenagakerjaan dan sudah kami "
            "alihkan ke {agency}. Kontak instansi tersebut: {agency_contact}\n\n"
            "Alasan dan keterangan lengkap ada di {url}.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
        frozenset({"agency", "agency_contact"}),
    ),
    "archive": Default(
        REPORTER,
        gettext_noop("[SIMADU] Laporan {tracking_id} diarsipkan"),
        gettext_noop(
            "Yth. Pelapor,\n\n{stage}\n\nNomor laporan: {tracking_id}\n\n"
            "Alasannya dapat Anda baca di {url} dengan nomor laporan dan kode rahasia Anda.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "close": Default(
        REPORTER,
        gettext_noop("[SIMADU] Penanganan laporan {tracking_id} selesai"),
        gettext_noop(
            "Yth. Pelapor,\n\n{stage}\n\nNomor laporan: {tracking_id}\n\n"
            "Hasilnya dapat Anda baca di {url} dengan nomor laporan dan kode rahasia Anda.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "auto_close_announced": Default(
        REPORTER,
        gettext_noop("[SIMADU] Laporan {tracking_id} akan ditutup pada {date}"),
        gettext_noop(
            "Yth. Pelapor,\n\nLaporan {tracking_id} sudah dijawab. Jika sampai {date} Anda tidak mengajukan "
            "keberatan, laporan ditutup otomatis.\n\n"
            "Baca jawabannya dan beri penilaian di {url} dengan nomor laporan dan kode rahasia Anda.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "archive_announced": Default(
        REPORTER,
        gettext_noop("[SIMADU] Laporan {tracking_id} menunggu jawaban Anda sampai {date}"),
        gettext_noop(
            "Yth. Pelapor,\n\nPetugas masih menunggu keterangan dari Anda untuk laporan {tracking_id}. Jika "
            "sampai {date} belum ada jawaban, laporan diarsipkan.\n\n"
            "Jawab di {url} dengan nomor laporan dan kode rahasia Anda.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "extension": Default(
        REPORTER,
        gettext_noop("[SIMADU] Waktu penanganan laporan {tracking_id} diperpanjang"),
        gettext_noop(
            "Yth. Pelapor,\n\nWaktu penanganan laporan {tracking_id} diperpanjang {days} hari kerja. "
            "Perkiraan jawaban paling lambat {date}.\n\n"
            "Perkembangannya dapat Anda lihat di {url} dengan nomor laporan dan kode rahasia Anda.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
        frozenset({"days"}),
    ),
    "merged": Default(
        REPORTER,
        gettext_noop("[SIMADU] Laporan {tracking_id} digabung dengan laporan serupa"),
        gettext_noop(
            "Yth. Pelapor,\n\nLaporan {tracking_id} membahas hal yang sama dengan laporan lain yang sudah "
            "ditangani, sehingga keduanya ditangani bersama. Anda tetap dapat melihat perkembangannya dan "
            "mengirim keterangan dengan nomor laporan dan kode rahasia Anda di {url}.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    # To the reporter of a case merged into another: that case moved on (they read its stage, not its words).
    "followed_update": Default(
        REPORTER,
        gettext_noop("[SIMADU] Perkembangan laporan {tracking_id}"),
        gettext_noop(
            "Yth. Pelapor,\n\nLaporan {tracking_id} digabung dengan laporan serupa yang sedang ditangani, "
            "dan penanganannya berkembang: {stage}\n\nLihat perkembangannya dan kirim keterangan dengan nomor "
            "laporan dan kode rahasia Anda di {url}.\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    # A text message (SMS / WhatsApp): every reporter key uses this short form on a phone.
    "short_message": Default(
        REPORTER,
        "",
        gettext_noop(
            "SIMADU Itjen Kemnaker: laporan {tracking_id}. {stage} Lihat di {url} dengan kode rahasia Anda."
        ),
    ),
    # --- to staff -------------------------------------------------------------------------------
    "escalation_reminder": Default(
        STAFF,
        gettext_noop("[SIMADU] Pengingat: laporan {tracking_id} mendekati batas waktu"),
        gettext_noop(
            "Yth. Bapak/Ibu,\n\nLaporan {tracking_id} (tahap: {stage}) sudah memakai {percent}% waktunya. "
            "Batas waktu: {due_date}.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
        frozenset({"percent"}),
    ),
    "escalation_breach_unit_head": Default(
        STAFF,
        gettext_noop("[SIMADU] Batas waktu terlewati: laporan {tracking_id}"),
        gettext_noop(
            "Yth. Kepala Unit,\n\nLaporan {tracking_id} (tahap: {stage}) melewati batas waktu {due_date} dan "
            "belum ditindaklanjuti. Mohon dipastikan penanganannya.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "escalation_itjen": Default(
        STAFF,
        gettext_noop("[SIMADU] Eskalasi ke Itjen: laporan {tracking_id}"),
        gettext_noop(
            "Yth. Bapak/Ibu,\n\nLaporan {tracking_id} (tahap: {stage}) masih belum ditindaklanjuti sejak batas "
            "waktu {due_date}. Laporan ini dieskalasi ke Inspektorat Jenderal.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "forward_follow_up_reminder": Default(
        STAFF,
        gettext_noop("[SIMADU] Tanyakan tindak lanjut laporan {tracking_id} ke {agency}"),
        gettext_noop(
            "Yth. Bapak/Ibu,\n\nLaporan {tracking_id} dialihkan ke {agency}. Sudah waktunya menanyakan tindak "
            "lanjutnya (jadwal: {due_date}) dan mencatat jawabannya di SIMADU.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
        frozenset({"agency"}),
    ),
    "kpk_flag": Default(
        STAFF,
        gettext_noop("[SIMADU] Laporan {tracking_id} perlu dipertimbangkan untuk KPK"),
        gettext_noop(
            "Yth. Inspektur Jenderal,\n\nPerkiraan kerugian negara dalam laporan {tracking_id} mencapai batas "
            "koordinasi dengan KPK. Mohon diputuskan langkah selanjutnya.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "closure_approval_requested": Default(
        STAFF,
        gettext_noop("[SIMADU] Persetujuan penutupan laporan {tracking_id}"),
        gettext_noop(
            "Yth. Bapak/Ibu,\n\nPenutupan laporan {tracking_id} (tahap: {stage}) menunggu persetujuan Anda sejak "
            "{date}.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "closure_approved": Default(
        STAFF,
        gettext_noop("[SIMADU] Penutupan laporan {tracking_id} disetujui"),
        gettext_noop(
            "Yth. Bapak/Ibu,\n\nPimpinan Inspektorat Jenderal menyetujui penutupan pemeriksaan laporan "
            "{tracking_id}. Jawaban akhir untuk pelapor sekarang dapat dikirim.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "handler_assigned": Default(
        STAFF,
        gettext_noop("[SIMADU] Laporan {tracking_id} diserahkan kepada Anda"),
        gettext_noop(
            "Yth. Bapak/Ibu,\n\nAnda ditunjuk memegang laporan {tracking_id} (tahap: {stage}). "
            "Batas waktu tahap ini: {due_date}.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "extension_requested": Default(
        STAFF,
        gettext_noop("[SIMADU] Permintaan perpanjangan waktu: laporan {tracking_id}"),
        gettext_noop(
            "Yth. Bapak/Ibu,\n\nPetugas meminta tambahan waktu untuk laporan {tracking_id} (tahap: {stage}). "
            "Batas waktu sekarang: {due_date}. Alasan dan jumlah harinya dapat dibaca di halaman laporan; "
            "mohon disetujui atau ditolak di sana.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "extension_approved": Default(
        STAFF,
        gettext_noop("[SIMADU] Perpanjangan waktu disetujui: laporan {tracking_id}"),
        gettext_noop(
            "Yth. Bapak/Ibu,\n\nPermintaan tambahan waktu Anda untuk laporan {tracking_id} disetujui pimpinan. "
            "Batas waktu baru tahap ini: {due_date}.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "extension_refused": Default(
        STAFF,
        gettext_noop("[SIMADU] Perpanjangan waktu ditolak: laporan {tracking_id}"),
        gettext_noop(
            "Yth. Bapak/Ibu,\n\nPermintaan tambahan waktu Anda untuk laporan {tracking_id} ditolak pimpinan. "
            "Batas waktu tetap {due_date}.\n\nBuka laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
    ),
    "break_glass": Default(
        STAFF,
        gettext_noop("[SIMADU] Data rahasia dibuka: laporan {tracking_id}"),
        gettext_noop(
            "Yth. Inspektur Jenderal,\n\n{actor} {what} pada {when}.\n\nAlasan yang ditulis: {reason}\n\n"
            "Identitas pelapor tidak dicantumkan dalam pesan ini. Pembukaan ini tercatat di log audit dan di "
            "riwayat laporan: {case_url}\n\n"
            "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
        ),
        frozenset({"actor", "what", "when", "reason"}),
    ),
}


def allowed_placeholders(key: str) -> frozenset[str]:
    default = DEFAULTS.get(key)
    return default.placeholders if default else frozenset()
