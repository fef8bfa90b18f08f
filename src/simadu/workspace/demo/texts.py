"""The words of the demo data set: reports in the voices of real reporters, and what staff write back.

Every text here was written by hand for the demo; every company, person and allegation is
invented. A report may carry `{pt}` (a company of its `sector`) and `{kota}` (a town of its
`places`); `simadu.workspace.demo` fills them in, so one story can be told up to three times
by different reporters about different companies without reading like a template.
This module is data only: the demo loader decides who files what, and when.
"""

from __future__ import annotations

from dataclasses import dataclass


def _p(*paragraphs: str) -> str:
    """A letter of several paragraphs."""
    return "\n\n".join(paragraphs)


@dataclass(frozen=True)
class Story:
    """One report as a reporter writes it, with the labels a verifier would settle on."""

    category: str
    unit: str  # who has the authority: a unit of the ministry, or the outside agency it goes to
    title: str
    text: str
    channel: str = ""  # "" = helpdesk for digital access, lapor otherwise
    report_type: str = "pengaduan"
    reporter_type: str = "public"
    sector: str = "pabrik"
    places: tuple[str, ...] = ()  # regency codes; () = where the sector's companies are
    reported_party: str = ""
    reply: str = ""  # this story's own answer; "" = one of the category's answers
    archive: str = ""  # the archive reason a verifier gives it (spam and off-topic messages)

    @property
    def final_channel(self) -> str:
        if self.channel:
            return self.channel
        return "helpdesk" if self.category == "akses_layanan_digital" else "lapor"

    @property
    def retellable(self) -> bool:
        """Whether other companies or towns can be put in, so it can be told more than once."""
        return "{pt}" in self.text or "{kota}" in self.text


# Towns: regency code -> the name people use in a report.
TOWNS: dict[str, str] = {
    "32.16": "Cikarang",
    "32.75": "Bekasi",
    "32.15": "Karawang",
    "36.03": "Balaraja",
    "36.71": "Tangerang",
    "21.71": "Batam",
    "35.78": "Surabaya",
    "35.15": "Sidoarjo",
    "35.25": "Gresik",
    "33.74": "Semarang",
    "33.24": "Kendal",
    "12.71": "Medan",
    "12.07": "Deli Serdang",
    "36.72": "Cilegon",
    "36.04": "Serang",
    "32.14": "Purwakarta",
    "32.13": "Subang",
    "33.20": "Jepara",
    "33.19": "Kudus",
    "35.14": "Pasuruan",
    "35.16": "Mojokerto",
    "32.77": "Cimahi",
    "32.01": "Bogor",
    "32.02": "Sukabumi",
    "31.72": "Jakarta Utara",
    "31.75": "Jakarta Timur",
    "31.71": "Jakarta Pusat",
    "32.73": "Bandung",
    "73.71": "Makassar",
    "64.71": "Balikpapan",
    "64.72": "Samarinda",
    "51.71": "Denpasar",
    "34.71": "Yogyakarta",
    "16.71": "Palembang",
    "14.71": "Pekanbaru",
    "61.71": "Pontianak",
    "71.71": "Manado",
    "63.71": "Banjarmasin",
    "13.71": "Padang",
    "91.71": "Jayapura",
    "72.06": "Morowali",
    "94.04": "Mimika",
    "62.02": "Sampit",
    "12.10": "Labuhanbatu",
    "52.03": "Lombok Timur",
    "32.12": "Indramayu",
    "32.09": "Cirebon",
    "35.02": "Ponorogo",
    "35.05": "Blitar",
    "33.01": "Cilacap",
    "53.71": "Kupang",
}

_INDUSTRIAL = (
    "32.16", "32.75", "32.15", "36.03", "36.71", "21.71", "35.78", "35.15", "35.25", "33.74",
    "33.24", "12.71", "12.07", "36.72", "36.04", "32.14", "32.13", "35.14", "35.16", "32.77",
    "32.01", "31.72",
)  # fmt: skip
_CITIES = (
    "31.72", "31.75", "31.71", "32.73", "35.78", "33.74", "12.71", "73.71", "64.71", "51.71",
    "34.71", "16.71", "14.71", "61.71", "71.71", "63.71", "13.71", "21.71", "32.75", "36.71",
)  # fmt: skip
_MIGRANT_HOME = ("52.03", "32.12", "32.09", "35.02", "35.05", "33.01", "53.71", "32.02")
_MINES = ("72.06", "94.04", "64.72", "64.71")
_ESTATES = ("62.02", "12.10", "14.71", "61.71")

# Invented companies, by the kind of work the story is about.
COMPANIES: dict[str, tuple[str, ...]] = {
    "garmen": (
        "PT Garmindo Lestari Busana",
        "PT Benang Emas Apparel",
        "PT Sandang Nusa Permai",
        "PT Jahit Prima Indotex",
        "PT Kencana Mode Garmenindo",
        "PT Rajut Sejati Textile",
    ),
    "pabrik": (
        "PT Sinar Logam Perkasa",
        "PT Indoplas Makmur Sentosa",
        "PT Cahaya Elektrindo Jaya",
        "PT Mitra Karton Nusantara",
        "PT Duta Kimia Lestari",
        "PT Rodamas Komponen Otomotif",
        "PT Surya Pangan Abadi",
        "PT Tirta Kemasan Mandiri",
    ),
    "tambang": (
        "PT Nikel Cahaya Timur",
        "PT Smelter Morindo Raya",
        "PT Batu Hitam Sejahtera",
        "PT Tambang Karya Halmindo",
    ),
    "kebun": ("PT Sawit Hijau Lestari", "PT Agro Palma Nusantara", "PT Kebun Raya Sentosa Agro"),
    "ritel": (
        "PT Serba Murah Retailindo",
        "PT Toko Harian Sejahtera",
        "CV Tiga Saudara Swalayan",
        "PT Mart Keluarga Nusantara",
    ),
    "logistik": (
        "PT Kilat Antar Nusantara",
        "PT Ekspedisi Cepat Sampai",
        "PT Gudang Niaga Terpadu",
        "PT Lintas Kargo Mandiri",
    ),
    "alih_daya": (
        "PT Mitra Tenaga Karya",
        "PT Andalan Sumber Daya Insani",
        "PT Karya Prima Outsourcindo",
        "PT Satria Jaga Utama",
    ),
    "resto": (
        "RM Sambal Bu Tini",
        "Kedai Kopi Senja Kota",
        "Restoran Bahari Delapan",
        "Hotel Melati Permai",
    ),
    "konstruksi": ("PT Bangun Cipta Perkasa", "PT Beton Kokoh Abadi", "CV Karya Bangun Persada"),
    "p3mi": (
        "PT Duta Migran Sejahtera",
        "PT Jasa Karya Insani Internasional",
        "PT Amanah Bina Pekerja",
        "PT Cahaya Insani Mandiri",
    ),
    "lpk": ("LPK Cipta Terampil", "LPK Harapan Bangsa Mandiri", "LPK Sakura Karya Gemilang"),
    "klinik": ("RS Sehat Medika Utama", "Klinik Pratama Bunda Kasih", "RS Bhakti Husada Sentosa"),
}

SECTOR_PLACES: dict[str, tuple[str, ...]] = {
    "garmen": ("32.16", "32.15", "32.14", "32.13", "36.03", "33.74", "33.24", "33.20", "32.01", "32.02"),
    "pabrik": _INDUSTRIAL,
    "tambang": _MINES,
    "kebun": _ESTATES,
    "ritel": _CITIES,
    "logistik": _INDUSTRIAL,
    "alih_daya": _INDUSTRIAL,
    "resto": _CITIES,
    "konstruksi": _CITIES,
    "p3mi": _MIGRANT_HOME,
    "lpk": _CITIES,
    "klinik": _CITIES,
    "kota": _CITIES,
}

# Reporters who give a name (invented people).
FIRST_NAMES = (
    "Siti", "Nur", "Dian", "Rudi", "Joko", "Wahyu", "Ayu", "Fitri", "Rahmat", "Eko", "Sri", "Yuliana",
    "Maria", "Yohanes", "Made", "Ni Luh", "Putu", "Ahmad", "Muhammad", "Rini", "Teguh", "Dedi", "Asep",
    "Ujang", "Neneng", "Lilis", "Hendrik", "Fransiska", "Ketut", "Rizal", "Imam", "Suparman", "Sutini",
    "Marlina", "Desi", "Tiara", "Bagus", "Arif", "Fauzan", "Nanda", "Ikhsan", "Reza", "Yanti", "Ratna",
    "Dwi", "Agustina", "Yosef", "Margaretha", "Irfan", "Wulan",
)  # fmt: skip
LAST_NAMES = (
    "Saputra", "Lestari", "Wulandari", "Hidayat", "Nugraha", "Simanjuntak", "Siregar", "Nainggolan",
    "Manurung", "Sembiring", "Ginting", "Pratama", "Kurniawan", "Susanti", "Rahayu", "Purnomo", "Santoso",
    "Wibowo", "Hasibuan", "Lubis", "Nasution", "Harahap", "Setiadi", "Anggraeni", "Permana", "Sulastri",
    "Fauzi", "Tanjung", "Pattiasina", "Latuconsina", "Mandagi", "Wenas", "Kusuma", "Halim", "Syahputra",
    "Maharani", "Pohan", "Rumbiak", "Sitompul", "Daulay",
)  # fmt: skip


_DIGITAL: list[Story] = [
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "OTP SIAPkerja tidak masuk",
        "min kok kode OTP SIAPkerja gk masuk2 ya ke hp sy, udh coba dari kemarin sore sampe skrg. nomor hp udh bener kok. mau daftar pelatihan tp gk bisa lanjut krn OTP ini. tlg dibantu min",
        reply="Terima kasih, Saudara. Pada hari yang Saudara sebutkan terjadi antrean pengiriman SMS OTP di penyedia layanan kami dan sudah dipulihkan. Silakan minta kode OTP kembali; kode berlaku 5 menit. Jika masih tidak masuk, pastikan SMS dari pengirim tidak diblokir dan sisa memori ponsel mencukupi, lalu balas pesan ini.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Tidak bisa login karena nomor dan e-mail lama",
        _p(
            "Yth. Admin Helpdesk Kemnaker,",
            "Saya tidak dapat masuk ke akun SIAPkerja sejak nomor ponsel saya berganti. Akun tersebut terdaftar dengan alamat e-mail lama yang sudah tidak aktif, sehingga tautan reset kata sandi tidak pernah saya terima.",
            "Mohon bantuan untuk mengganti alamat e-mail dan nomor ponsel pada akun saya. Data diri dapat saya kirimkan bila diperlukan. Atas bantuannya saya ucapkan terima kasih.",
        ),
        reply="Yth. Saudara, penggantian e-mail dan nomor ponsel sudah kami lakukan setelah data Saudara kami cocokkan dengan data kependudukan. Silakan masuk dengan e-mail baru dan gunakan menu 'Lupa kata sandi' untuk membuat kata sandi baru. Demi keamanan, mohon tidak membagikan kode OTP kepada siapa pun.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "NIK sudah terdaftar padahal belum pernah daftar",
        "Waktu mau buat akun SIAPkerja muncul tulisan 'NIK sudah terdaftar', padahal saya belum pernah daftar sama sekali. Apa mungkin NIK saya dipakai orang lain? Saya jadi tidak bisa ikut Program Pemagangan. Mohon dicek, saya khawatir data saya disalahgunakan.",
        reply="Terima kasih atas laporannya. Setelah kami periksa, NIK Saudara pernah didaftarkan pada tahun 2023 melalui sebuah kegiatan bursa kerja dengan alamat e-mail yang bukan milik Saudara. Akun tersebut sudah kami nonaktifkan dan NIK Saudara kini dapat dipakai untuk mendaftar ulang. Kami sarankan Saudara segera membuat kata sandi yang kuat.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Gagal unggah CV di Karirhub",
        "Pas upload CV di Karirhub selalu gagal, keterangannya 'ukuran file terlalu besar' padahal file PDF saya cuma 400 KB. Sudah coba dari laptop dan HP, dua-duanya sama. Lowongan yang mau saya lamar tutup hari Jumat ini, tolong cepat ya.",
        reply="Terima kasih, laporan Saudara membantu kami menemukan kesalahan batas ukuran berkas pada pembaruan Karirhub minggu lalu. Perbaikannya sudah dipasang; silakan unggah kembali CV Saudara. Untuk lowongan yang batas waktunya terlewat karena gangguan ini, kami sudah meminta perusahaan membuka kembali pendaftaran selama tiga hari.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Sertifikat pelatihan tidak bisa diunduh",
        "Sertifikat pelatihan daring saya di SIAPkerja tidak bisa diunduh. Tombol 'Unduh Sertifikat' sudah ditekan tapi halamannya cuma muter terus lalu muncul error 504. Sertifikatnya saya perlukan untuk melamar kerja minggu depan.",
        reply="Mohon maaf atas ketidaknyamanannya. Layanan pembuatan sertifikat sempat terganggu dan sudah pulih. Sertifikat Saudara sudah kami terbitkan ulang dan dapat diunduh pada menu Riwayat Pelatihan. Bila tombol unduh masih tidak berfungsi, coba gunakan peramban lain atau mode penyamaran.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Pelaporan WLKP di Sisnaker selalu gagal",
        "Kami dari bagian HRD {pt} mengalami kendala saat melakukan pelaporan WLKP di Sisnaker. Setelah mengisi data tenaga kerja dan menekan tombol simpan, muncul pesan 'terjadi kesalahan pada server' dan data yang sudah diisi hilang. Kendala ini terjadi tiga hari berturut-turut. Mohon petunjuk karena batas waktu pelaporan sudah dekat.",
        sector="pabrik",
        reply="Yth. Bapak/Ibu pengelola HRD {pt}, gangguan penyimpanan data WLKP disebabkan oleh isian jumlah tenaga kerja yang melebihi batas pada salah satu kolom dan sudah kami perbaiki. Data yang sempat tersimpan sebagian dapat dilanjutkan dari menu Draf. Keterlambatan pelaporan akibat gangguan ini tidak dikenai sanksi; surat keterangan dapat kami berikan bila diperlukan.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "E-mail verifikasi tidak pernah masuk",
        "email verifikasi akun gk pernah masuk, udh cek folder spam jg gk ada. sy daftar pake gmail. gmn caranya biar akun sy aktif? udh 3 hari nunggu",
        reply="Terima kasih. Alamat e-mail pada pendaftaran Saudara tertulis dengan satu huruf kurang, sehingga e-mail verifikasi terkirim ke alamat lain. Alamatnya sudah kami betulkan dan akun Saudara sudah kami aktifkan. Silakan login dengan kata sandi yang Saudara buat saat mendaftar.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Akun terkunci lebih dari 24 jam",
        "Akun SIAPkerja saya terkunci setelah tiga kali salah memasukkan kata sandi. Di layar tertulis 'coba lagi dalam 24 jam', tetapi sudah tiga hari tetap terkunci. Saya sedang mengikuti pelatihan daring dan takut dianggap tidak hadir.",
        reply="Kunci akun Saudara sudah kami buka. Ada kesalahan pada penghitung waktu penguncian yang membuat sebagian akun tidak terbuka otomatis; sudah diperbaiki. Kehadiran pelatihan Saudara selama akun terkunci sudah kami sampaikan ke penyelenggara agar tidak dihitung tidak hadir.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Halaman pengumuman hasil seleksi kosong",
        "Halaman pengumuman hasil seleksi di situs Kemnaker tidak bisa dibuka, hanya tampil layar putih. Sudah dicoba di Chrome dan Firefox, di HP juga sama. Banyak teman sesama peserta seleksi di grup yang mengalami hal yang sama.",
        reply="Terima kasih atas informasinya. Halaman pengumuman sempat tidak dapat diakses karena lonjakan kunjungan dan sudah kembali normal. Hasil seleksi juga kami kirimkan ke alamat e-mail masing-masing peserta.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Tombol Lamar di aplikasi Karirhub tidak berfungsi",
        "Di aplikasi Karirhub tombol 'Lamar' tidak bisa diklik untuk semua lowongan. Aplikasi sudah saya perbarui ke versi terbaru dan HP sudah saya restart. HP saya Android 10.",
        reply="Terima kasih. Versi aplikasi Karirhub untuk Android 10 ke bawah memang bermasalah pada tombol Lamar. Versi perbaikan sudah tersedia di Play Store; mohon perbarui aplikasi. Sementara itu, lamaran juga dapat dikirim melalui situs Karirhub di peramban.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Tanggal lahir di profil salah dan tidak bisa diubah",
        "Tanggal lahir di profil SIAPkerja saya salah, tertulis 1970, seharusnya 1997. Kolomnya tidak bisa diubah. Gara-gara itu saya dianggap melewati batas usia dan tidak bisa mendaftar Program Pemagangan. Mohon diperbaiki, fotokopi KTP bisa saya kirim.",
        reply="Tanggal lahir pada profil Saudara sudah kami sesuaikan dengan data kependudukan (Dukcapil). Kesalahan terjadi saat pemindahan data akun lama. Saudara sekarang dapat mendaftar Program Pemagangan; pendaftaran gelombang ini masih dibuka sampai akhir bulan.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Unggah NIB perusahaan selalu ditolak",
        "Perusahaan kami, {pt}, ingin mendaftar sebagai penyelenggara pemagangan di SIAPkerja, tetapi unggahan dokumen NIB selalu gagal dengan keterangan 'format tidak didukung', padahal berkasnya sudah PDF. Sudah kami coba perkecil ukurannya juga tetap gagal.",
        sector="pabrik",
        reply="Yth. pengelola akun {pt}, sistem kami menolak berkas PDF yang dilindungi kata sandi atau bertanda tangan digital tertentu. Silakan cetak ulang NIB ke PDF biasa (Print to PDF) lalu unggah kembali. Bila masih gagal, kirimkan berkasnya melalui balasan laporan ini dan akan kami unggahkan.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "QR sertifikat tidak terbaca saat dicek perusahaan",
        "QR code di sertifikat kompetensi saya waktu discan oleh HRD perusahaan malah muncul 'data tidak ditemukan'. HRD jadi ragu sertifikat saya asli atau tidak. Padahal saya ikut uji kompetensi resmi dan lulus.",
        reply="Terima kasih. Data sertifikat Saudara sudah ada, namun belum tersambung ke layanan pemeriksaan QR karena keterlambatan sinkronisasi dari lembaga sertifikasi. Sinkronisasinya sudah kami jalankan; QR pada sertifikat Saudara kini menampilkan data yang benar. Surat keterangan keabsahan dapat kami terbitkan bila perusahaan memerlukannya.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Link reset password kedaluwarsa terus",
        "link reset password katanya kadaluarsa terus padahal baru sy klik 1 menit setelah emailnya masuk. udh 5x coba tetep sama. sy pake hp, buka dr aplikasi gmail",
        reply="Terima kasih. Tautan reset kata sandi memang menjadi tidak berlaku bila dibuka di peramban bawaan aplikasi e-mail tertentu. Perbaikannya sudah dipasang. Silakan minta tautan baru lalu salin ke peramban Chrome atau Firefox bila masih gagal.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Pendaftaran job fair virtual gagal di langkah terakhir",
        "Pendaftaran job fair virtual lewat Karirhub selalu gagal di langkah terakhir, muncul tulisan 'Sesi Anda telah berakhir' lalu kembali ke halaman awal. Saya sudah lima kali mengisi ulang formulirnya dari awal. Saya dari {kota}.",
        sector="kota",
        reply="Mohon maaf atas kendala ini. Batas waktu sesi pada formulir pendaftaran job fair terlalu singkat dan sudah kami perpanjang. Pendaftaran Saudara sudah kami catat secara manual; tiket masuk job fair virtual akan dikirim ke e-mail Saudara.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Tidak bisa ganti nomor HP untuk OTP",
        "Saya sudah berumur 52 tahun dan kurang paham internet. Anak saya yang membantu mendaftar akun SIAPkerja, tapi sekarang kode OTP dikirim ke nomor lama yang sudah hangus. Bagaimana caranya supaya bisa ganti nomor? Saya mau ikut pelatihan menjahit.",
        report_type="permintaan_informasi",
        reply="Bapak/Ibu yang kami hormati, nomor ponsel pada akun Bapak/Ibu sudah kami ganti dengan nomor yang tercatat di laporan ini. Mulai sekarang kode OTP akan dikirim ke nomor tersebut. Bila perlu pendampingan mendaftar pelatihan, Bapak/Ibu juga dapat datang ke BLK terdekat dan petugas akan membantu.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Akun diambil alih orang lain",
        "Ada orang lain yang login ke akun SIAPkerja saya. Saya dapat e-mail pemberitahuan login dari perangkat yang tidak saya kenal, lalu nama dan nomor rekening di profil saya sudah berubah. Tolong akun saya diamankan, saya takut bantuan pelatihan saya dicairkan ke rekening orang lain.",
        reply="Akun Saudara sudah kami amankan: seluruh sesi login kami putus, nomor rekening dikembalikan ke data semula dan pencairan bantuan ditahan sampai Saudara membuat kata sandi baru. Kami sarankan mengaktifkan verifikasi dua langkah di menu Keamanan. Kejadian ini juga kami catat untuk penelusuran lebih lanjut.",
    ),
    Story(
        "akses_layanan_digital",
        "pusdatin",
        "Aplikasi keluar sendiri saat buka menu Pelatihan",
        "Aplikasi SIAPkerja di HP Android saya keluar sendiri (force close) setiap kali buka menu Pelatihan. HP Samsung, Android 11. Menu lain aman.",
        reply="Terima kasih atas laporannya. Kesalahan ini terjadi pada sebagian ponsel Android 11 dan sudah diperbaiki pada versi aplikasi terbaru. Mohon perbarui aplikasi melalui Play Store.",
    ),
]

_WAGES: list[Story] = [
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Gaji belum dibayar, diancam kontrak tidak diperpanjang",
        "gaji bln kemarin blm dibayar smpe skrg, kata mandor nunggu pembayaran dr buyer. kami ada kira2 300 org di bagian sewing {pt} {kota}. kalo protes diancam gk diperpanjang kontraknya. tlg pak bu ditindak, anak sy mau bayar sekolah",
        sector="garmen",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Upah di bawah UMK",
        _p(
            "Dengan hormat,",
            "Saya karyawan {pt} di {kota}, bagian gudang. Sejak enam bulan terakhir gaji yang kami terima hanya Rp2.900.000 per bulan, di bawah UMK {kota} tahun ini. Perusahaan beralasan sedang merugi, tetapi tidak pernah ada pemberitahuan resmi atau kesepakatan dengan pekerja.",
            "Kami sudah menyampaikan keberatan melalui perwakilan pekerja, namun tidak ditanggapi. Mohon kiranya Kementerian Ketenagakerjaan dapat menindaklanjuti. Slip gaji tiga bulan terakhir dapat kami lampirkan.",
            "Hormat kami, perwakilan pekerja bagian gudang",
        ),
        sector="pabrik",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Lembur Sabtu cuma dibayar uang makan",
        "Kami disuruh lembur tiap Sabtu 8 jam tapi yg dihitung cuma 'uang makan' Rp25rb. di slip gaji gk ada tulisan lembur sama sekali. yg gk mau lembur dianggap gk loyal. apa ini boleh? {pt}, {kota}",
        sector="pabrik",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Potongan uang seragam dan mess",
        "Gaji saya dipotong Rp300.000 setiap bulan dengan alasan 'uang seragam' dan 'uang mess', padahal seragam cuma dikasih dua potong waktu awal masuk dan mess-nya satu kamar diisi delapan orang. Potongan ini sudah berjalan sejak saya masuk 14 bulan lalu. Perusahaannya {pt} di {kota}.",
        sector="garmen",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Upah pekerja proyek dibayar dicicil",
        "Upah kami dibayar dicicil tiga kali dalam sebulan, kadang sampai tanggal 20 baru lunas. Kami pekerja harian lepas di proyek {pt} di {kota}, jumlah kami sekitar 60 orang. Kami punya cicilan dan anak sekolah, mohon perusahaan ditegur.",
        sector="konstruksi",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Upah buruh panen di bawah minimum",
        "Saya buruh panen sawit di kebun {pt}, {kota}. Upah kami dihitung per janjang, kalau target tidak tercapai upah dipotong. Rata-rata sebulan saya cuma terima 1,8 juta, padahal kerja dari subuh. Istri saya juga kerja sebagai pemungut brondolan tapi tidak dibayar sama sekali, katanya 'membantu suami'.",
        sector="kebun",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Pertanyaan struktur dan skala upah",
        "Selamat siang. Kami dari HRD {pt} ingin menanyakan apakah struktur dan skala upah wajib dilaporkan ke Disnaker setiap tahun, dan bagaimana perhitungan kenaikan upah untuk pekerja dengan masa kerja di atas satu tahun. Apakah ada format baku dari Kementerian? Terima kasih.",
        report_type="permintaan_informasi",
        sector="pabrik",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Kasir wajib ganti selisih kas dari gaji",
        "Saya kasir di minimarket {pt} cabang {kota}. Kalau ada selisih kas, kami yang harus ganti dari gaji, padahal kadang selisihnya karena mesin EDC error atau uang palsu dari pembeli. Bulan lalu saya ganti Rp450 ribu, gaji saya jadi tinggal sedikit. Apakah aturan seperti ini dibenarkan?",
        sector="ritel",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Gaji satpam alih daya telat tiga bulan",
        "Kami satpam dari {pt}, ditempatkan di sebuah pabrik di {kota}. Gaji kami sudah tiga bulan dibayar telat, paling cepat tanggal 15, dan kami tidak pernah dapat slip gaji. Waktu ditanya, koordinator bilang 'kalau tidak suka silakan keluar, yang antre banyak'.",
        sector="alih_daya",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Gaji terakhir tidak dibayar setelah resign",
        "Saya sudah mengundurkan diri baik-baik dari {pt} bulan lalu dengan surat pengunduran diri 30 hari sebelumnya, sesuai aturan perusahaan. Tapi gaji terakhir dan uang pengganti cuti yang belum diambil tidak dibayar. HRD bilang 'itu konsekuensi resign'. Mohon bantuannya.",
        sector="pabrik",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Kurir dibayar per paket tanpa gaji pokok",
        "kami kurir di {pt} wilayah {kota}. gaji dihitung per paket Rp1.500, gk ada gaji pokok. sebulan paling dapet 2 jtan, itu udah kerja dari pagi sampe malem, bensin sendiri. statusnya katanya 'mitra' tp kami pake seragam, ada absen, ada target dan kena SP kalo telat. itu sebenernya pekerja atau mitra?",
        sector="logistik",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Kerja 12 jam gaji 1,5 juta",
        "sy kerja di {pt} di {kota}, kerja 12 jam sehari gaji cuma 1,5jt. gk ada libur kecuali lebaran. kalo sakit gaji dipotong per hari. itu boleh gk sih? sy gk berani ngomong ke bos takut dipecat",
        sector="resto",
    ),
    Story(
        "upah",
        "ditjen_phi_jamsos",
        "Kapan penetapan UMP diumumkan",
        "Kami pengurus serikat pekerja di {kota}. Mohon informasi kapan penetapan upah minimum provinsi tahun depan diumumkan dan data apa saja yang dipakai dalam perhitungannya. Kami ingin menyiapkan masukan untuk Dewan Pengupahan. Terima kasih.",
        report_type="permintaan_informasi",
        sector="kota",
    ),
]

_THR: list[Story] = [
    Story(
        "thr",
        "ditjen_phi_jamsos",
        "THR belum cair H-3 Lebaran",
        "THR blm cair pdhl udh H-3 lebaran. kata HRD nunggu keputusan owner. kami 120 org di {pt} {kota}. tahun lalu jg gitu, cairnya malah sesudah lebaran. tolong posko THR",
        sector="pabrik",
    ),
    Story(
        "thr",
        "ditjen_phi_jamsos",
        "THR hanya dibayar 50 persen",
        _p(
            "Dengan hormat,",
            "Perusahaan tempat saya bekerja, {pt} di {kota}, hanya membayarkan THR sebesar 50% dari upah satu bulan dengan alasan penjualan menurun. Tidak ada perundingan dengan pekerja sebelumnya; keputusan itu diumumkan lewat grup WhatsApp satu hari sebelum pembayaran.",
            "Setahu kami THR wajib dibayar penuh bagi pekerja dengan masa kerja 12 bulan atau lebih. Mohon penjelasan dan tindak lanjutnya.",
        ),
        sector="garmen",
    ),
    Story(
        "thr",
        "ditjen_phi_jamsos",
        "Pekerja kontrak katanya tidak dapat THR",
        "sy pekerja kontrak baru 5 bulan di {pt}. kata atasan pekerja kontrak gk dapet THR, cuma karyawan tetap. bener gk? setau sy yg udh 1 bln kerja berhak walaupun gk penuh",
        report_type="permintaan_informasi",
        sector="ritel",
    ),
    Story(
        "thr",
        "ditjen_phi_jamsos",
        "THR diberikan dalam bentuk sembako",
        "THR kami tahun ini diberikan dalam bentuk sembako dan sarung, katanya senilai 400 ribu. Bukan uang. Gaji kami 3 juta lebih. Kami pekerja {pt} di {kota}, sekitar 45 orang. Apakah THR boleh diganti barang?",
        sector="pabrik",
    ),
    Story(
        "thr",
        "ditjen_phi_jamsos",
        "Sisa THR yang dicicil tidak dibayar",
        "THR kami dicicil dua kali: setengah sebelum Lebaran dan sisanya dijanjikan bulan berikutnya. Sekarang sudah lewat dua bulan, sisanya belum juga dibayar dan manajemen tidak mau ditemui. Perusahaan {pt}, {kota}.",
        sector="garmen",
    ),
    Story(
        "thr",
        "ditjen_phi_jamsos",
        "Di-PHK menjelang hari raya tanpa THR",
        "Saya di-PHK 20 hari sebelum hari raya dan tidak diberi THR. Saya sudah bekerja 3 tahun di {pt}. Teman-teman yang di-PHK bersamaan juga tidak dapat. Apakah ini cara perusahaan menghindari bayar THR?",
        sector="pabrik",
    ),
    Story(
        "thr",
        "ditjen_phi_jamsos",
        "Cara menghitung THR pekerja harian",
        "Selamat pagi Bapak/Ibu. Kami bagian personalia {pt}. Kami memiliki pekerja harian lepas dengan hari kerja yang tidak sama setiap bulan. Bagaimana cara menghitung THR mereka yang benar: rata-rata 12 bulan terakhir atau upah bulan terakhir? Mohon penjelasannya agar kami tidak salah.",
        report_type="permintaan_informasi",
        sector="pabrik",
    ),
    Story(
        "thr",
        "ditjen_phi_jamsos",
        "THR Natal tidak dibayar",
        "Saya beragama Kristen. Selama ini THR saya dibayar bersamaan dengan Idulfitri, tidak apa-apa. Tapi tahun ini perusahaan tidak membayar sama sekali, baik menjelang Natal maupun Lebaran. Alasannya saya 'sudah pernah dapat' tahun lalu. Perusahaan {pt}, {kota}.",
        sector="ritel",
    ),
    Story(
        "thr",
        "ditjen_phi_jamsos",
        "THR dipotong untuk kas koperasi",
        "Saya melapor atas nama sekitar 40 orang pekerja bagian produksi {pt}. THR tahun ini dipotong Rp250.000 per orang untuk 'kas koperasi', padahal kami tidak pernah jadi anggota koperasi dan tidak ada rapat anggota. Mohon diperiksa.",
        sector="pabrik",
    ),
]

_DISMISSAL: list[Story] = [
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "PHK sepihak setelah 8 tahun tanpa pesangon",
        "Saya bekerja di {pt} {kota} sejak 2017 sebagai operator mesin. Minggu lalu saya dipanggil HRD dan langsung diberi surat PHK dengan alasan efisiensi. Tidak ada pesangon, hanya 'uang tali asih' satu bulan gaji. Saya diminta tanda tangan tanda terima tapi belum saya tanda tangani. Apa yang harus saya lakukan?",
        sector="pabrik",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "Ketua serikat di-PHK setelah serikat berdiri",
        _p(
            "Kepada Yth. Menteri Ketenagakerjaan c.q. Direktorat Jenderal PHI dan Jamsos",
            "Kami pengurus Pimpinan Unit Kerja serikat pekerja di {pt}, {kota}. Dua minggu setelah kami mencatatkan serikat ke dinas setempat, ketua dan sekretaris kami di-PHK dengan alasan 'pelanggaran berat' yang tidak pernah dijelaskan. Anggota lain dipanggil satu per satu dan diminta mundur dari serikat.",
            "Kami menduga ini upaya menghalangi kebebasan berserikat. Kami mohon perlindungan dan pemeriksaan atas tindakan perusahaan. Dokumen pencatatan serikat dan surat PHK dapat kami serahkan.",
        ),
        sector="garmen",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "Dirumahkan tanpa upah sudah 3 bulan",
        "Sejak tiga bulan lalu kami 200 pekerja {pt} dirumahkan karena order sepi. Katanya sementara, tapi upah tidak dibayar sama sekali dan tidak ada kepastian kapan dipanggil kerja lagi. Kami tidak di-PHK jadi tidak bisa klaim apa-apa. Mohon bantuan.",
        sector="garmen",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "Dipaksa tanda tangan surat pengunduran diri",
        "sy dipanggil ke ruang HRD, disodorin surat pengunduran diri yg udh diketik, disuruh tanda tangan. kalo gk mau katanya bakal di-PHK dgn alasan kinerja dan gk dapet apa2. akhirnya sy tanda tangan krn takut. skrg nyesel, bisa dibatalin gk? {pt}",
        sector="logistik",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "Anjuran mediator tidak dijalankan perusahaan",
        "Kasus PHK saya dengan {pt} sudah dimediasi tiga kali di dinas tenaga kerja {kota}. Mediator sudah mengeluarkan anjuran tertulis agar perusahaan membayar pesangon sesuai aturan, dan saya menerima anjuran itu. Tapi perusahaan diam saja, sudah dua bulan. Langkah apa lagi yang bisa saya tempuh? Saya tidak punya uang untuk pengacara.",
        report_type="permintaan_informasi",
        sector="pabrik",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "PHK lewat pesan WhatsApp",
        "Saya di-PHK lewat WhatsApp jam 10 malam. Isinya cuma 'mulai besok tidak usah masuk, terima kasih atas kerja samanya'. Tidak ada surat, tidak ada alasan. Saya sudah 4 tahun kerja di {pt} cabang {kota}.",
        sector="ritel",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "Di-PHK karena hamil",
        "Saya hamil 5 bulan. Waktu saya minta jadwal kerja disesuaikan karena sering pusing, atasan malah bilang kontrak saya tidak diperpanjang karena 'nanti juga cuti lama'. Padahal kontrak teman-teman yang lain diperpanjang semua. Saya bekerja di {pt} sebagai staf administrasi.",
        sector="klinik",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "Pesangon dicicil 24 bulan",
        "Perusahaan {pt} menutup satu lini produksi dan mem-PHK 80 orang termasuk saya. Pesangonnya mau dicicil 24 bulan tanpa perjanjian tertulis. Cicilan pertama saja sudah telat. Bagaimana kami bisa memastikan perusahaan tetap membayar?",
        sector="pabrik",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "Prosedur PHK karena efisiensi",
        "Yth. Bapak/Ibu, kami manajemen {pt} berencana melakukan efisiensi karena kehilangan kontrak dengan pembeli utama. Mohon informasi prosedur PHK yang benar, termasuk kewajiban perundingan bipartit, pemberitahuan kepada pekerja, dan perhitungan kompensasinya. Kami ingin menjalankan sesuai aturan.",
        report_type="permintaan_informasi",
        sector="pabrik",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "Dipecat setelah dirawat karena tifus",
        "Saya dirawat di rumah sakit dua minggu karena tifus, surat dokter lengkap. Begitu masuk kerja lagi saya diberi surat PHK karena 'mangkir'. Padahal setiap hari istri saya mengirim kabar ke mandor. Pabriknya {pt} di {kota}.",
        sector="pabrik",
    ),
    Story(
        "phk",
        "ditjen_phi_jamsos",
        "Pabrik tutup, pemilik menghilang",
        "Pabrik tempat kami kerja, {pt} di {kota}, tiba-tiba tutup. Gerbang dikunci, mesin diangkut malam-malam, pemiliknya tidak bisa dihubungi. Gaji bulan terakhir dan pesangon 150 orang belum dibayar. Kami sudah lapor ke polsek tapi disuruh ke dinas tenaga kerja. Mohon negara hadir.",
        sector="garmen",
    ),
]

_SOCIAL_SECURITY: list[Story] = [
    Story(
        "jaminan_sosial",
        "ditjen_phi_jamsos",
        "Iuran BPJS dipotong tapi tidak disetor",
        "di slip gaji ada potongan BPJS TK tiap bulan, tp pas sy cek di aplikasi JMO iuran terakhir tercatat 8 bulan lalu. temen2 sy jg sama. jadi uang potongan kami dikemanain? {pt}, {kota}",
        sector="pabrik",
    ),
    Story(
        "jaminan_sosial",
        "ditjen_phi_jamsos",
        "Pekerja tidak didaftarkan BPJS Ketenagakerjaan",
        "Saya sudah dua tahun bekerja di {pt} tapi tidak pernah didaftarkan ke BPJS Ketenagakerjaan. Waktu saya tanya, katanya hanya karyawan tetap yang didaftarkan. Dari 30 orang pekerja, yang terdaftar cuma 5 orang di kantor.",
        sector="ritel",
    ),
    Story(
        "jaminan_sosial",
        "ditjen_phi_jamsos",
        "Didaftarkan BPJS dengan upah lebih rendah",
        "Upah saya Rp4,8 juta, tapi di BPJS Ketenagakerjaan tercatat Rp2,1 juta. Jadi nanti JHT dan pensiun saya juga kecil. Ternyata semua karyawan {pt} dilaporkan dengan upah lebih kecil. Mohon ditertibkan.",
        sector="pabrik",
    ),
    Story(
        "jaminan_sosial",
        "ditjen_phi_jamsos",
        "Hanya didaftarkan JKK dan JKM",
        "Kami pekerja {pt} di {kota} hanya didaftarkan dua program, JKK dan JKM. Program JHT dan Jaminan Pensiun tidak ikut. Perusahaan ini mempekerjakan lebih dari 200 orang. Bukankah perusahaan sebesar itu wajib mendaftarkan semua program?",
        sector="tambang",
    ),
    Story(
        "jaminan_sosial",
        "ditjen_phi_jamsos",
        "Kecelakaan kerja, ternyata tidak terdaftar",
        "Suami saya jatuh dari tangga di gudang {pt} dan kakinya patah. Waktu mau pakai BPJS Ketenagakerjaan di rumah sakit, ternyata dia tidak pernah didaftarkan. Biaya operasi 23 juta sekarang kami tanggung sendiri, perusahaan baru mengganti 3 juta. Mohon keadilan.",
        sector="logistik",
    ),
    Story(
        "jaminan_sosial",
        "ditjen_phi_jamsos",
        "Usul pencairan JHT sebagian untuk pekerja terkena PHK",
        "Saran saya untuk kebijakan jaminan sosial: sebaiknya pekerja yang terkena PHK dan belum dapat kerja lagi dalam enam bulan boleh mencairkan sebagian JHT tanpa harus menunggu proses yang rumit. Banyak teman saya yang terpaksa pinjam ke rentenir sambil menunggu. Semoga dipertimbangkan.",
        report_type="aspirasi",
    ),
    Story(
        "jaminan_sosial",
        "ditjen_phi_jamsos",
        "Perusahaan menunggak iuran, adakah keringanan",
        "Dengan hormat, {pt} sedang mengalami kesulitan keuangan sehingga menunggak iuran BPJS Ketenagakerjaan selama empat bulan. Kami ingin melunasi secara bertahap. Apakah ada ketentuan keringanan denda atau skema angsuran yang resmi? Kami tidak ingin perlindungan pekerja terputus.",
        report_type="permintaan_informasi",
        sector="pabrik",
    ),
    Story(
        "jaminan_sosial",
        "ditjen_phi_jamsos",
        "Vendor alih daya tidak membayar iuran",
        "Kami pekerja kebersihan dari vendor {pt} yang ditempatkan di sebuah pusat perbelanjaan di {kota}. Kartu BPJS Ketenagakerjaan kami ternyata nonaktif sejak vendor berganti pemilik. Perusahaan pengguna bilang itu urusan vendor, vendor bilang sedang diurus. Sudah setengah tahun.",
        sector="alih_daya",
    ),
]

_BENEFIT_CLAIMS: list[Story] = [
    Story(
        "jaminan_sosial",
        "bpjs_ketenagakerjaan",
        "Klaim JHT ditolak karena beda nama",
        "Klaim JHT saya ditolak di kantor BPJS Ketenagakerjaan cabang {kota} karena nama di KTP 'Muhamad' sedangkan di kartu peserta 'Muhammad'. Saya sudah bawa surat keterangan dari perusahaan lama, tapi tetap disuruh urus ke perusahaan yang sudah tutup. Saya bingung harus ke mana.",
        sector="kota",
    ),
    Story(
        "jaminan_sosial",
        "bpjs_ketenagakerjaan",
        "Pencairan JHT online tidak ada kabar",
        "sy klaim JHT lewat aplikasi JMO udh lebih dr sebulan, statusnya 'sedang diverifikasi' terus. telpon call center disuruh nunggu. padahal katanya 5 hari kerja. uangnya mau sy pake modal usaha krn udh gk kerja",
    ),
    Story(
        "jaminan_sosial",
        "bpjs_ketenagakerjaan",
        "Biaya rumah sakit kecelakaan kerja belum diganti",
        "Saya mengalami kecelakaan kerja dan dirawat di rumah sakit di {kota}. Perusahaan sudah melaporkan kecelakaan itu, tapi klaim JKK untuk penggantian biaya rumah sakit yang terlanjur saya bayar belum juga diproses kantor BPJS. Sudah tiga bulan.",
        sector="kota",
    ),
    Story(
        "jaminan_sosial",
        "bpjs_ketenagakerjaan",
        "Klaim JKP ditolak",
        "Saya di-PHK dan mengajukan klaim Jaminan Kehilangan Pekerjaan, tapi ditolak dengan alasan iuran kurang dari 12 bulan. Padahal saya sudah kerja hampir 2 tahun. Perusahaan memang pernah telat bayar iuran, apakah itu salah saya?",
    ),
    Story(
        "jaminan_sosial",
        "bpjs_ketenagakerjaan",
        "Santunan kematian suami belum cair",
        "Suami saya meninggal dunia dua bulan lalu. Berkas klaim Jaminan Kematian sudah saya serahkan lengkap ke kantor BPJS Ketenagakerjaan di {kota}, tapi sampai sekarang belum cair. Setiap datang disuruh menunggu. Saya punya tiga anak kecil.",
        sector="kota",
    ),
    Story(
        "jaminan_sosial",
        "bpjs_ketenagakerjaan",
        "Antrean klaim di kantor cabang dan petugas ketus",
        "Saya datang jam 6 pagi ke kantor BPJS Ketenagakerjaan {kota} untuk klaim JHT, nomor antrean sudah habis jam 7. Disuruh datang lagi besok. Petugas satpam dan petugas loket bicaranya ketus. Tolong layanan klaim diperbaiki.",
        sector="kota",
    ),
]

_NORMS: list[Story] = [
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Ijazah asli ditahan perusahaan",
        "Waktu masuk kerja ijazah asli SMK saya ditahan {pt} sebagai 'jaminan'. Sekarang saya mau pindah kerja, tapi ijazah tidak dikembalikan kecuali saya bayar 'denda putus kontrak' 5 juta. Tanpa ijazah saya tidak bisa melamar ke mana-mana.",
        sector="ritel",
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Kontrak diperpanjang terus selama 6 tahun",
        "Saya sudah 6 tahun bekerja di {pt} {kota} dengan kontrak yang diperpanjang setiap 6 bulan, kadang dijeda satu minggu lalu kontrak baru lagi. Pekerjaan saya sama terus, operator produksi. Apakah status saya tidak seharusnya sudah karyawan tetap?",
        sector="pabrik",
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Jam kerja 12 jam tanpa hari libur",
        "jam kerja di {pt} dari jam 7 pagi sampe jam 7 malem, senin sampe minggu. libur cuma kalo mesin rusak. yg lembur gk pernah ditanya mau atau nggak. kami udh capek banget, ada temen pingsan minggu lalu",
        sector="pabrik",
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Cuti melahirkan dipotong jadi sebulan",
        "Saya melahirkan bulan lalu. Perusahaan hanya memberi cuti satu bulan, dan bilang kalau mau cuti tiga bulan, dua bulan sisanya tidak dibayar. Setahu saya cuti melahirkan itu 3 bulan dibayar penuh. Saya pekerja di {pt} di {kota}.",
        sector="garmen",
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Anak-anak bekerja di pabrik rumahan",
        "Di kampung kami di pinggiran {kota} ada usaha pengolahan ikan asin milik seorang juragan. Di sana banyak anak umur 12-14 tahun bekerja sampai malam, bahkan saat jam sekolah. Upahnya dibayar borongan ke orang tuanya. Saya tidak tega melihatnya. Mohon identitas saya tidak disebut, saya tetangga pemiliknya.",
        places=("32.12", "32.09", "33.01", "35.25"),
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Alih daya untuk pekerjaan inti produksi",
        "Di {pt} hampir semua operator produksi adalah pekerja alih daya dari tiga perusahaan penyalur berbeda. Gaji dan hak kami jauh di bawah karyawan langsung padahal pekerjaannya sama, di lini yang sama. Setiap tahun kami dipindah ke penyalur lain supaya masa kerja mulai dari nol.",
        sector="pabrik",
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Dilarang berjilbab saat bekerja",
        "Sejak ada manajer baru, karyawati di {pt} cabang {kota} dilarang memakai jilbab saat bertugas dengan alasan 'standar penampilan'. Yang menolak dipindahkan ke gudang atau tidak diperpanjang kontraknya. Apakah ini tidak termasuk diskriminasi?",
        sector="resto",
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Satpam jaga 24 jam",
        "Kami petugas keamanan dari {pt}. Kami diwajibkan jaga 24 jam lalu libur 24 jam, dan kalau teman tidak masuk kami harus lanjut jaga sampai 36 jam. Tidak ada uang lembur. Kalau tertidur saat jaga langsung dapat SP.",
        sector="alih_daya",
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Pekerja disabilitas tidak diberi penyesuaian",
        "Saya pengguna kursi roda dan diterima bekerja di {pt} lewat program rekrutmen disabilitas. Tapi meja kerja saya di lantai dua tanpa lift, dan toilet tidak bisa saya gunakan. Permintaan pindah ke lantai satu tidak ditanggapi, malah saya dianggap terlambat terus. Mohon bantuan.",
        sector="logistik",
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Disuruh tanda tangan kontrak kosong",
        "Setiap perpanjangan kontrak kami disuruh tanda tangan lembar kontrak yang masih kosong, belum ada tanggal dan besaran upah. Katanya nanti diisi HRD. Kami tidak pernah dapat salinan kontrak. Kami buruh harian di gudang {pt}, {kota}.",
        sector="logistik",
    ),
    Story(
        "norma_kerja",
        "ditjen_binwasnaker_k3",
        "Cuti tahunan tidak pernah diberikan",
        "Saya sudah 3 tahun bekerja di {pt} dan tidak pernah mendapat cuti tahunan. Kalau izin pulang kampung karena orang tua sakit, gaji dipotong per hari. Di peraturan perusahaan pun tidak ada soal cuti. Mohon dilakukan pemeriksaan.",
        sector="resto",
    ),
]

_SAFETY: list[Story] = [
    Story(
        "k3",
        "ditjen_binwasnaker_k3",
        "Pekerja jatuh dari perancah, meninggal",
        "Minggu lalu seorang rekan kami jatuh dari perancah setinggi 8 meter di proyek {pt} di {kota} dan meninggal di tempat. Dia tidak memakai sabuk pengaman karena perusahaan memang tidak menyediakan. Setelah kejadian, kami semua disuruh bilang dia jatuh karena kelalaian sendiri. Keluarganya hanya diberi uang duka. Saya takut kejadian ini terulang.",
        sector="konstruksi",
    ),
    Story(
        "k3",
        "ditjen_binwasnaker_k3",
        "Tidak ada APD di bagian bahan kimia",
        "sy di bagian pencampuran bahan kimia {pt}. gk ada masker, cuma dikasih masker kain. sarung tangan juga beli sendiri. tangan sy sama temen2 pada gatel dan melepuh. udh bilang ke supervisor katanya 'nanti diajukan' tp udh 3 bln",
        sector="pabrik",
    ),
    Story(
        "k3",
        "ditjen_binwasnaker_k3",
        "Ledakan di smelter, pekerja takut",
        _p(
            "Yth. Direktorat Jenderal Binwasnaker dan K3,",
            "Kami pekerja di kawasan industri {kota}, di {pt}. Bulan ini sudah dua kali terjadi ledakan kecil di area tungku. Beberapa rekan mengalami luka bakar dan dirawat. Kami tidak pernah mendapat pelatihan tanggap darurat dan jalur evakuasi tidak jelas.",
            "Kami memohon agar dilakukan pemeriksaan K3 menyeluruh sebelum terjadi kecelakaan yang lebih besar. Kami mohon nama kami tidak disampaikan kepada perusahaan.",
        ),
        sector="tambang",
    ),
    Story(
        "k3",
        "ditjen_binwasnaker_k3",
        "Pintu darurat dikunci saat jam kerja",
        "Di pabrik {pt}, pintu darurat di lantai produksi selalu dikunci dari luar dengan alasan supaya pekerja tidak keluar-masuk mencuri barang. Kami ada 400 orang di satu gedung. Kalau ada kebakaran kami tidak bisa keluar. Tolong segera diperiksa sebelum ada korban.",
        sector="garmen",
    ),
    Story(
        "k3",
        "ditjen_binwasnaker_k3",
        "Bising mesin tanpa pelindung telinga",
        "Bagian penenunan di {pt} sangat bising, rasanya telinga berdenging sampai pulang ke rumah. Kami tidak diberi pelindung telinga dan tidak pernah ada pemeriksaan kesehatan berkala. Beberapa teman yang sudah lama bekerja pendengarannya menurun.",
        sector="garmen",
    ),
    Story(
        "k3",
        "ditjen_binwasnaker_k3",
        "Operator forklift tanpa lisensi",
        "Di gudang {pt} {kota} operator forklift kebanyakan tidak punya SIO. Siapa saja yang bisa menyetir disuruh bawa forklift. Bulan lalu ada kaki pekerja terlindas. Forkliftnya juga sering rem blong.",
        sector="logistik",
    ),
    Story(
        "k3",
        "ditjen_binwasnaker_k3",
        "Ketel uap tidak pernah diperiksa",
        "Saya teknisi di {pt}. Ketel uap (boiler) di pabrik kami sudah lebih dari 20 tahun dan setahu saya izin pemakaiannya sudah habis. Tekanannya sering naik tidak normal. Saya sudah lapor ke atasan tapi disuruh diam karena produksi tidak boleh berhenti.",
        sector="pabrik",
    ),
    Story(
        "k3",
        "ditjen_binwasnaker_k3",
        "Bekerja di tambang dalam cuaca panas tanpa istirahat",
        "Kami pekerja di area tambang terbuka {pt}. Shift 12 jam di bawah panas terik, air minum terbatas, tidak ada tempat berteduh. Dua orang kolaps minggu ini. Alat berat juga sering beroperasi di dekat jalur pejalan kaki tanpa rambu.",
        sector="tambang",
    ),
]

_PLACEMENT: list[Story] = [
    Story(
        "penempatan_kerja",
        "ditjen_binapenta_pkk",
        "Lowongan palsu pakai logo Kemnaker",
        "Ada akun di Facebook dan TikTok yang membuka lowongan kerja 'rekrutmen resmi Kemnaker' untuk penempatan di BUMN, lengkap dengan logo kementerian. Pelamar diminta transfer Rp350.000 untuk 'biaya seragam dan tes kesehatan'. Sepupu saya sudah transfer. Mohon diumumkan bahwa ini palsu supaya tidak banyak korban.",
    ),
    Story(
        "penempatan_kerja",
        "lembaga_lain",
        "Penipuan lowongan kerja, minta diproses polisi",
        "Saya dan 14 orang teman dari {kota} menjadi korban penipuan lowongan kerja kapal pesiar. Kami masing-masing sudah membayar Rp8 juta kepada orang yang mengaku perekrut resmi, lalu dia menghilang. Kami punya bukti transfer dan percakapan. Kami minta kasus ini dilaporkan ke polisi dan pelakunya ditangkap.",
        sector="kota",
    ),
    Story(
        "penempatan_kerja",
        "ditjen_binapenta_pkk",
        "Job fair memungut biaya pendaftaran",
        "Job fair di {kota} akhir pekan lalu memungut biaya pendaftaran Rp75.000 per orang. Penyelenggaranya swasta tetapi spanduknya memakai logo Kemnaker. Di dalam, banyak stan yang kosong dan perusahaan yang ada hanya menerima CV tanpa wawancara. Apakah job fair boleh berbayar?",
        sector="kota",
    ),
    Story(
        "penempatan_kerja",
        "ditjen_binapenta_pkk",
        "Magang nasional ditempatkan tidak sesuai jurusan",
        "Saya lulusan D3 akuntansi dan diterima Program Magang Nasional. Tapi di {pt} saya ditempatkan di bagian pengepakan barang, berdiri 9 jam sehari, sama sekali tidak ada hubungannya dengan akuntansi. Pembimbing juga tidak pernah ada. Uang saku bulan kedua belum dibayar.",
        sector="logistik",
    ),
    Story(
        "penempatan_kerja",
        "pemda",
        "Kartu kuning AK1 dipersulit",
        "Mau buat kartu kuning (AK1) di dinas tenaga kerja {kota}, katanya blanko habis sudah dua minggu. Disuruh bolak-balik terus. Padahal untuk melamar kerja di pabrik AK1 wajib dilampirkan. Apa bisa dibuat online saja?",
        sector="kota",
    ),
    Story(
        "penempatan_kerja",
        "ditjen_binapenta_pkk",
        "Uang saku magang nasional belum dibayar",
        "Mohon informasi, uang saku peserta Program Magang Nasional dari pemerintah itu dibayar tanggal berapa? Saya sudah dua bulan magang di {pt} dan belum menerima sama sekali. Di grup peserta juga banyak yang sama.",
        report_type="permintaan_informasi",
        sector="pabrik",
    ),
    Story(
        "penempatan_kerja",
        "ditjen_binapenta_pkk",
        "Penyalur kerja menahan KTP dan minta biaya",
        "Saya melamar lewat penyalur tenaga kerja {pt} di {kota}. KTP asli saya ditahan dan saya diminta membayar Rp1,5 juta 'biaya administrasi penempatan' yang nantinya dipotong dari gaji. Sudah sebulan belum ada panggilan kerja, KTP juga tidak dikembalikan.",
        sector="alih_daya",
    ),
    Story(
        "penempatan_kerja",
        "ditjen_binapenta_pkk",
        "Usul bursa kerja di Indonesia timur",
        "Saya mahasiswa tingkat akhir di {kota}. Saran saya, bursa kerja dan job fair sebaiknya tidak hanya diadakan di Jawa. Banyak lulusan di Indonesia timur yang harus keluar biaya besar ke Jakarta atau Surabaya hanya untuk ikut job fair. Mohon dipertimbangkan job fair keliling atau virtual yang benar-benar ada wawancaranya.",
        report_type="aspirasi",
        places=("91.71", "53.71", "71.71", "73.71"),
        sector="kota",
    ),
    Story(
        "penempatan_kerja",
        "lembaga_lain",
        "Uang pendaftaran kerja dibawa kabur, mohon proses hukum",
        "Kami korban perekrutan kerja di pabrik fiktif. Seseorang mengaku HRD {pt} mengumpulkan uang Rp2 juta per orang dari 30 orang di desa kami di {kota}, menjanjikan langsung kerja. Ternyata pabrik itu tidak pernah membuka lowongan. Kami mohon dibantu dilaporkan ke kepolisian agar uang kami kembali.",
        sector="pabrik",
    ),
]

_FOREIGN_WORKERS: list[Story] = [
    Story(
        "tka",
        "ditjen_binapenta_pkk",
        "TKA bekerja sebagai operator",
        "Di {pt} {kota} banyak tenaga kerja asing yang bekerja sebagai operator alat berat dan tukang las, pekerjaan yang bisa dikerjakan orang lokal. Sementara warga sekitar yang melamar ditolak. Mohon diperiksa izin mereka.",
        sector="tambang",
    ),
    Story(
        "tka",
        "ditjen_binapenta_pkk",
        "TKA tanpa tenaga kerja pendamping",
        "Di bagian produksi {pt} ada beberapa pekerja asing yang menjabat kepala lini, tapi tidak ada pekerja Indonesia yang ditunjuk sebagai pendamping untuk alih teknologi. Sudah bertahun-tahun. Kami sudah tanya ke HRD tapi tidak dijawab.",
        sector="pabrik",
    ),
    Story(
        "tka",
        "ditjen_binapenta_pkk",
        "Data RPTKA perusahaan di daerah",
        "Selamat siang. Saya peneliti di sebuah universitas di {kota}. Apakah data jumlah RPTKA yang disahkan per kabupaten/kota dan per sektor bisa diperoleh? Untuk keperluan penelitian tentang dampak investasi terhadap penyerapan tenaga kerja lokal.",
        report_type="permintaan_informasi",
        sector="kota",
    ),
    Story(
        "tka",
        "ditjen_binapenta_pkk",
        "Pekerja asing di restoran memakai visa kunjungan",
        "Di {pt} di {kota} ada beberapa juru masak dan pelayan warga negara asing. Setahu saya mereka masuk dengan visa kunjungan, bukan izin kerja. Mereka sudah bekerja lebih dari enam bulan.",
        sector="resto",
    ),
]

_TRAINING: list[Story] = [
    Story(
        "pelatihan_vokasi",
        "ditjen_binalavotas",
        "Pelatihan di BLK dibatalkan tanpa kabar",
        "Saya sudah lulus seleksi pelatihan las di BLK {kota} dan diminta datang hari Senin. Sesampainya di sana, ternyata kelas dibatalkan dan tidak ada yang memberi tahu. Saya datang dari luar kota dan sudah keluar biaya. Kapan pelatihannya dibuka lagi?",
        sector="kota",
    ),
    Story(
        "pelatihan_vokasi",
        "ditjen_binalavotas",
        "Biaya tambahan uji kompetensi di LSP",
        "Untuk uji kompetensi di {pt}, kami diminta biaya tambahan Rp600.000 di luar biaya yang diumumkan, katanya untuk 'bahan praktik'. Yang tidak bayar tidak dijadwalkan ujian. Apakah biaya ini resmi?",
        sector="lpk",
    ),
    Story(
        "pelatihan_vokasi",
        "ditjen_binalavotas",
        "Peserta pemagangan dijadikan pekerja penuh",
        "Saya peserta pemagangan di {pt} sudah setahun. Tugas saya sama dengan karyawan biasa, ikut target produksi dan shift malam, tapi yang dibayar cuma uang saku. Tidak ada instruktur dan tidak ada kurikulum. Kontrak pemagangan saya juga sudah diperpanjang sekali.",
        sector="pabrik",
    ),
    Story(
        "pelatihan_vokasi",
        "ditjen_binalavotas",
        "Uang saku pelatihan belum diterima",
        "Saya peserta pelatihan berbasis kompetensi kejuruan menjahit angkatan bulan lalu di {kota}. Dijanjikan uang saku dan uang transport, tapi sampai pelatihan selesai belum diterima. Petugas bilang tunggu pencairan. Mohon kepastiannya.",
        report_type="permintaan_informasi",
        sector="kota",
    ),
    Story(
        "pelatihan_vokasi",
        "ditjen_binalavotas",
        "Usul tambah kelas pelatihan kejuruan",
        "Saran untuk BLK di {kota}: sebaiknya kelas pengelasan dan kelistrikan ditambah kuotanya. Setiap pembukaan pendaftaran, kuotanya penuh dalam beberapa jam, padahal industri di sini butuh banyak tukang las bersertifikat. Juga mohon dipertimbangkan kelas malam untuk yang sudah bekerja.",
        report_type="aspirasi",
        sector="kota",
    ),
    Story(
        "pelatihan_vokasi",
        "ditjen_binalavotas",
        "Masa berlaku sertifikat kompetensi",
        "Mohon informasi, apakah sertifikat kompetensi BNSP yang saya miliki sejak 2021 masih berlaku? Perusahaan tempat saya melamar meminta sertifikat yang masih aktif. Bagaimana cara memperpanjangnya dan berapa biayanya?",
        report_type="permintaan_informasi",
    ),
    Story(
        "pelatihan_vokasi",
        "ditjen_binalavotas",
        "Peralatan praktik BLK rusak",
        "Kami peserta pelatihan otomotif di balai latihan kerja di {kota}. Dari 10 unit mesin praktik, hanya 3 yang bisa dipakai. Akhirnya satu mesin dipakai bergantian 8 orang dan praktik kami jauh dari cukup. Mohon peralatannya diperbaiki atau diganti.",
        sector="kota",
    ),
]

_MIGRANTS: list[Story] = [
    Story(
        "pekerja_migran",
        "kp2mi",
        "Adik di Malaysia gaji tidak dibayar, paspor ditahan",
        "Adik saya bekerja di Malaysia sebagai pembantu rumah tangga, berangkat lewat {pt}. Sudah 7 bulan gajinya tidak dibayar majikan dan paspornya ditahan. Dia hanya bisa menghubungi kami diam-diam lewat HP temannya. Kami keluarga di {kota} sangat khawatir. Tolong bantu pulangkan adik saya.",
        sector="p3mi",
    ),
    Story(
        "pekerja_migran",
        "kp2mi",
        "Suami ABK kapal ikan di Taiwan tidak bisa dihubungi",
        "Suami saya bekerja sebagai ABK kapal ikan berbendera Taiwan, berangkat lewat {pt}. Sudah 4 bulan tidak ada kabar dan gaji yang biasanya dikirim ke rekening keluarga berhenti. Agensinya di {kota} selalu bilang 'kapal sedang di laut'. Saya mohon dicarikan kabar.",
        sector="p3mi",
    ),
    Story(
        "pekerja_migran",
        "kp2mi",
        "Sponsor minta uang, keberangkatan tertunda 8 bulan",
        "Anak saya didaftarkan sponsor kampung untuk kerja di pabrik di Taiwan. Kami sudah bayar 25 juta, katanya berangkat 2 bulan. Sudah 8 bulan belum berangkat, sponsor selalu bilang 'visa sedang diproses'. Perusahaan yang disebut sponsor adalah {pt}. Uang itu hasil jual sawah.",
        sector="p3mi",
    ),
    Story(
        "pekerja_migran",
        "kp2mi",
        "Hilang kontak dengan ibu yang bekerja di Arab Saudi",
        "Ibu saya berangkat ke Arab Saudi tahun 2019. Sejak setahun lalu kami kehilangan kontak sama sekali. Nomor majikan tidak aktif. Kami sudah tanya ke perusahaan yang memberangkatkan di {kota} tapi kantornya sudah tutup. Kami hanya punya fotokopi paspor ibu.",
        sector="p3mi",
    ),
    Story(
        "pekerja_migran",
        "kp2mi",
        "Potongan gaji berlebihan pekerja di Hong Kong",
        "Saya pekerja migran di Hong Kong. Gaji saya dipotong agensi selama 7 bulan, total lebih dari HK$10.000, untuk 'biaya penempatan'. Padahal waktu di penampungan {pt} saya dijanjikan tanpa potongan. Apakah potongan ini sesuai aturan?",
        sector="p3mi",
    ),
    Story(
        "pekerja_migran",
        "kp2mi",
        "Klaim asuransi pekerja migran purna",
        "Saya baru pulang dari Korea karena kecelakaan kerja di sana, jari saya diamputasi. Saya mau mengurus klaim perlindungan sebagai pekerja migran tapi tidak tahu caranya. Saya tinggal di {kota}.",
        report_type="permintaan_informasi",
        sector="p3mi",
    ),
    Story(
        "pekerja_migran",
        "kp2mi",
        "Calon pekerja migran ditahan di penampungan",
        "Keponakan saya sudah tiga bulan di penampungan {pt} di {kota}. HP-nya disita, hanya boleh telepon keluarga seminggu sekali dengan diawasi. Kalau mau pulang, disuruh bayar ganti rugi 15 juta. Kami mohon bantuan.",
        sector="p3mi",
    ),
    Story(
        "pekerja_migran",
        "kp2mi",
        "Cara resmi bekerja ke Korea",
        "Bagaimana cara resmi mendaftar kerja ke Korea Selatan lewat program pemerintah? Di kampung saya banyak yang menawarkan jalur cepat dengan bayar puluhan juta. Saya tidak mau tertipu. Saya lulusan SMA, umur 23 tahun.",
        report_type="permintaan_informasi",
    ),
]

_INFORMATION: list[Story] = [
    Story(
        "informasi_publik",
        "setjen",
        "Permohonan data jumlah pengawas ketenagakerjaan",
        "Dengan hormat, saya mahasiswa S2 yang sedang menyusun tesis tentang penegakan hukum ketenagakerjaan. Saya memohon data jumlah pengawas ketenagakerjaan per provinsi dalam lima tahun terakhir, beserta jumlah perusahaan yang diperiksa. Data dapat dikirim dalam bentuk Excel. Terima kasih.",
        report_type="permintaan_informasi",
    ),
    Story(
        "informasi_publik",
        "setjen",
        "Salinan keputusan menteri tentang pedoman pengaduan",
        "Kami dari sebuah lembaga bantuan hukum perburuhan di {kota}. Kami memohon salinan Keputusan Menteri Ketenagakerjaan tentang pedoman pengelolaan pengaduan yang terbaru beserta lampirannya, karena di situs resmi hanya tersedia halaman pertamanya.",
        report_type="permintaan_informasi",
        sector="kota",
    ),
    Story(
        "informasi_publik",
        "setjen",
        "Rekap pengaduan Posko THR",
        "Saya jurnalis di sebuah media daring. Mohon informasi rekap jumlah pengaduan Posko THR tahun ini per provinsi dan berapa yang sudah selesai ditindaklanjuti. Apakah data tersebut terbuka untuk publik?",
        report_type="permintaan_informasi",
    ),
    Story(
        "informasi_publik",
        "setjen",
        "Data PHK per sektor",
        "Mohon informasi publik berupa data jumlah pekerja terkena PHK per sektor usaha dan per provinsi, per bulan, untuk tahun berjalan. Data akan kami gunakan untuk kajian kebijakan di lembaga kami. Jika ada prosedur permohonan informasi melalui PPID, mohon dijelaskan.",
        report_type="permintaan_informasi",
    ),
    Story(
        "informasi_publik",
        "setjen",
        "Permenaker tentang alih daya",
        "Minta tolong, peraturan menteri yang terbaru soal alih daya (outsourcing) itu nomor berapa ya, dan di mana bisa diunduh? Saya mau baca sendiri karena di tempat kerja saya banyak yang bilang beda-beda.",
        report_type="permintaan_informasi",
    ),
]

_POLICY: list[Story] = [
    Story(
        "kebijakan",
        "barenbang",
        "Perlindungan pengemudi ojek daring",
        "Aspirasi saya sebagai pengemudi ojek daring: mohon pemerintah membuat aturan yang jelas tentang status kami. Kami bekerja 10-12 jam sehari, tarif ditentukan sepihak oleh aplikator, tidak ada jaminan kalau sakit atau kecelakaan. Sebaiknya ada perlindungan minimum bagi pekerja platform.",
        report_type="aspirasi",
    ),
    Story(
        "kebijakan",
        "barenbang",
        "Usul uji coba empat hari kerja",
        "Saya ingin mengusulkan agar Kementerian mengkaji uji coba empat hari kerja seminggu untuk sektor tertentu, seperti yang sudah dicoba di beberapa negara. Banyak pekerja di kota besar menghabiskan 3-4 jam sehari di jalan. Semoga bisa jadi bahan kebijakan.",
        report_type="aspirasi",
    ),
    Story(
        "kebijakan",
        "barenbang",
        "Pekerja lepas kreatif tidak terlindungi",
        "Saya desainer lepas. Sering klien tidak membayar setelah pekerjaan selesai dan tidak ada tempat mengadu karena tidak ada hubungan kerja. Saran saya, pemerintah mempertimbangkan standar kontrak dan mekanisme pengaduan untuk pekerja lepas.",
        report_type="aspirasi",
    ),
    Story(
        "kebijakan",
        "barenbang",
        "Kerja di luar ruangan saat cuaca panas ekstrem",
        "Belakangan cuaca di {kota} sangat panas. Pekerja bangunan, tukang parkir, dan kurir bekerja di bawah terik tanpa jeda. Mohon pemerintah mempertimbangkan pedoman kerja saat cuaca panas ekstrem, misalnya jam istirahat wajib di siang hari.",
        report_type="aspirasi",
        sector="kota",
    ),
    Story(
        "kebijakan",
        "barenbang",
        "Satukan aplikasi layanan ketenagakerjaan",
        "Usul: aplikasi dan situs layanan ketenagakerjaan terlalu banyak dan akunnya terpisah-pisah. Sebaiknya disatukan dengan satu akun, supaya pencari kerja dan perusahaan tidak bingung harus daftar di mana.",
        report_type="aspirasi",
    ),
]

_SUPERVISORY_PUBLIC: list[Story] = [
    Story(
        "pungli",
        "itjen",
        "Diminta uang untuk mengambil sertifikat pelatihan",
        "Saya alumni pelatihan di balai pelatihan vokasi milik Kemnaker di {kota}. Waktu mengambil sertifikat, seorang petugas meminta Rp500.000 'uang administrasi' dan bilang kalau tidak bayar sertifikatnya belum bisa keluar. Pelatihan itu katanya gratis. Beberapa teman seangkatan juga dimintai uang yang sama.",
        reported_party="Petugas bagian administrasi balai pelatihan",
        sector="kota",
    ),
    Story(
        "pungli",
        "itjen",
        "Uang pelicin pengesahan dokumen TKA",
        "Saya bekerja di perusahaan jasa pengurusan izin. Dalam pengurusan pengesahan dokumen TKA untuk klien kami, seorang oknum pegawai kementerian menghubungi lewat WhatsApp dan meminta 'uang percepatan' Rp3 juta per berkas. Berkas yang tidak disertai uang itu dibiarkan berminggu-minggu tanpa alasan.",
        reported_party="Oknum pegawai layanan perizinan TKA",
    ),
    Story(
        "pungli",
        "itjen",
        "Biaya tidak resmi seleksi program pemagangan ke Jepang",
        "Anak saya ikut seleksi pemagangan ke Jepang. Setelah lulus tes tertulis, ada petugas yang meminta Rp7 juta supaya 'pasti lolos' tahap wawancara dan dokumen cepat diproses. Katanya semua peserta juga begitu. Kami orang kecil, mohon ini diperiksa.",
        reported_party="Petugas panitia seleksi pemagangan",
    ),
    Story(
        "disiplin_asn",
        "itjen",
        "Loket layanan kosong di jam kerja",
        "Saya datang ke loket layanan di kantor kementerian jam 10 pagi. Loket kosong, ada tulisan 'sedang istirahat'. Saya tunggu sampai jam 1 siang baru ada petugas datang, itupun sambil makan. Ini bukan pertama kali. Tolong petugasnya ditertibkan.",
        reported_party="Petugas loket layanan",
    ),
    Story(
        "disiplin_asn",
        "itjen",
        "Instruktur sering tidak hadir",
        "Instruktur kelas kami di balai pelatihan {kota} dalam sebulan hanya datang sekitar separuh jadwal. Kalau tidak datang, kami disuruh belajar sendiri dari video. Tapi di daftar hadir instruktur selalu tercatat hadir. Kami takut tidak lulus uji kompetensi.",
        reported_party="Instruktur kelas kejuruan",
        sector="kota",
    ),
    Story(
        "penyalahgunaan_wewenang",
        "itjen",
        "Peserta pelatihan diwajibkan membeli perlengkapan dari toko pegawai",
        "Peserta pelatihan menjahit di balai {kota} diwajibkan membeli kain dan perlengkapan dari toko yang ternyata milik salah satu pejabat balai. Harganya lebih mahal dari pasar. Yang membeli di tempat lain dianggap tidak mengikuti aturan dan ditegur di depan kelas.",
        reported_party="Pejabat balai pelatihan",
        sector="kota",
    ),
    Story(
        "kkn",
        "itjen",
        "Tender penyelenggara acara diatur",
        "Perusahaan kami ikut tender jasa penyelenggaraan acara di lingkungan kementerian. Pemenangnya sudah santer disebut sejak sebelum pengumuman, dan spesifikasinya disusun sangat mirip dengan profil perusahaan itu. Kami menduga ada pengaturan pemenang. Kami siap memberikan dokumen penawaran kami.",
        reported_party="Panitia pengadaan jasa penyelenggaraan acara",
    ),
]

_SUPERVISORY_REGIONAL: list[Story] = [
    Story(
        "pungli",
        "pemda",
        "Mediator dinas minta uang",
        "Mediator di dinas tenaga kerja {kota} yang menangani perselisihan saya meminta 'uang transport' Rp2 juta supaya anjuran cepat keluar dan isinya menguntungkan saya. Saya menolak, dan sejak itu jadwal mediasi saya terus ditunda.",
        reported_party="Mediator hubungan industrial dinas tenaga kerja",
        sector="kota",
    ),
    Story(
        "pungli",
        "pemda",
        "Bayar Rp50 ribu untuk kartu AK1",
        "Buat kartu AK1 di dinas tenaga kerja kabupaten di {kota} dimintai Rp50.000 tanpa kuitansi. Katanya 'uang blanko'. Di papan pengumuman tertulis gratis. Petugasnya menerima uang di meja, tidak ada yang protes karena butuh kartu untuk melamar kerja.",
        reported_party="Petugas layanan AK1 dinas tenaga kerja",
        sector="kota",
    ),
    Story(
        "penyalahgunaan_wewenang",
        "pemda",
        "Pengawas provinsi menekan perusahaan kecil",
        "Saya pemilik usaha konveksi kecil di {kota}. Seorang pengawas ketenagakerjaan provinsi datang memeriksa, lalu mengancam akan menutup usaha kami kecuali kami 'berdamai'. Dia menyebut angka Rp15 juta. Kami bersedia memperbaiki kekurangan, tapi tidak mau menyuap.",
        reported_party="Pengawas ketenagakerjaan provinsi",
        sector="kota",
    ),
]

_WHISTLEBLOWING: list[Story] = [
    Story(
        "gratifikasi",
        "itjen",
        "Parsel dan amplop untuk tim pemeriksa",
        "Saya pegawai di lingkungan kementerian. Menjelang akhir pemeriksaan sebuah perusahaan, tim kami menerima parsel dan amplop dari perusahaan tersebut yang dibagikan oleh ketua tim. Saya menolak, tetapi anggota lain menerimanya. Laporan hasil pemeriksaan kemudian melunak. Mohon identitas saya dirahasiakan.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Ketua tim pemeriksa (inisial HS)",
    ),
    Story(
        "gratifikasi",
        "itjen",
        "Perjalanan keluarga pejabat dibiayai rekanan",
        "Seorang pejabat eselon III di direktorat kami berlibur ke luar negeri bersama keluarganya. Tiket dan hotelnya dipesan dan dibayar oleh perusahaan rekanan yang sedang mengerjakan proyek sistem informasi di direktorat tersebut. Saya melihat bukti pemesanannya dikirim ke e-mail kantor.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Pejabat eselon III (inisial RW)",
    ),
    Story(
        "gratifikasi",
        "itjen",
        "Fee dari agen pengurusan izin TKA",
        "Ada pegawai yang secara rutin menerima transfer dari beberapa agen pengurusan izin tenaga kerja asing. Besarnya tergantung jumlah berkas yang 'dibantu'. Saya mengetahui ini karena pernah diminta menyusun daftar berkas prioritas untuknya. Saya khawatir ikut terseret.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Pegawai pelayanan perizinan (inisial DK)",
    ),
    Story(
        "kode_etik",
        "itjen",
        "Pelecehan oleh atasan",
        "Saya pegawai perempuan di salah satu unit kementerian. Atasan langsung saya berulang kali mengirim pesan bernada seksual di luar jam kerja dan menyentuh saya tanpa izin di ruang kerja. Saat saya menolak, penilaian kinerja saya diturunkan. Saya takut melapor lewat jalur biasa karena dia dekat dengan pimpinan.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Atasan langsung (inisial AP)",
    ),
    Story(
        "kode_etik",
        "itjen",
        "Petugas membentak pencari kerja",
        "Saya mengantar adik saya ke layanan informasi pasar kerja di kantor kementerian. Petugas di meja layanan membentak adik saya di depan banyak orang hanya karena berkasnya kurang satu, dan menyebutnya 'orang kampung tidak bisa baca'. Adik saya sampai menangis. Perilaku seperti ini tidak pantas untuk pelayan publik.",
        reported_party="Petugas meja layanan informasi pasar kerja",
    ),
    Story(
        "kode_etik",
        "itjen",
        "Konflik kepentingan pejabat pemilik LPK",
        "Seorang pejabat di balai pelatihan di {kota} diketahui merupakan pemilik sebuah LPK swasta. LPK tersebut selalu mendapat kuota peserta program pelatihan dari balai, padahal ada LPK lain yang lebih memenuhi syarat. Istri pejabat tersebut tercatat sebagai direktur LPK.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Pejabat balai pelatihan",
        sector="kota",
    ),
    Story(
        "kode_etik",
        "itjen",
        "Perundungan pegawai baru",
        "Pegawai baru di bagian kami sering dipermalukan dalam rapat, disuruh membelikan makanan dan membayar tagihan senior, dan diancam dinilai buruk kalau menolak. Dua orang sudah mengajukan pindah. Saya sendiri pernah mengalaminya. Kami ingin ini dihentikan tanpa kami dikenali.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Beberapa pegawai senior bagian umum",
    ),
    Story(
        "kkn",
        "itjen",
        "Penggelembungan harga alat praktik",
        "Saya pegawai di balai pelatihan di {kota}. Pengadaan mesin las dan alat praktik tahun ini harganya dua kali lipat harga pasar. Spesifikasi yang diterima juga lebih rendah dari kontrak, sebagian mesin bekas yang dicat ulang. Dokumen kontrak dan foto alat dapat saya berikan melalui saluran ini.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Pejabat pembuat komitmen balai",
        sector="kota",
    ),
    Story(
        "kkn",
        "itjen",
        "Rekrutmen tenaga pendukung diisi keluarga pejabat",
        "Dalam rekrutmen tenaga pendukung di unit kami tahun ini, hampir semua yang diterima adalah anak, keponakan atau ipar pejabat. Pengumuman lowongan hanya dipasang satu hari dan tidak dipublikasikan. Pelamar lain yang nilainya lebih tinggi tidak diterima.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Panitia rekrutmen tenaga pendukung",
    ),
    Story(
        "kkn",
        "itjen",
        "Perjalanan dinas fiktif",
        "Di bagian kami ada perjalanan dinas yang tidak pernah dilakukan tetapi tetap dipertanggungjawabkan, lengkap dengan tiket dan bukti hotel. Pegawai yang namanya dipakai diberi sebagian uangnya. Saya pernah diminta menandatangani laporan perjalanan yang tidak saya lakukan.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Kepala bagian dan bendahara pengeluaran",
    ),
    Story(
        "disiplin_asn",
        "itjen",
        "Titip absen dan berjualan di jam kerja",
        "Seorang rekan kerja saya hampir setiap hari titip absen lalu pergi mengurus toko onlinenya. Dia kembali ke kantor sore hari hanya untuk absen pulang. Atasan tahu tetapi diam saja karena masih saudara. Pekerjaannya dibebankan kepada kami.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Pegawai bagian tata usaha",
    ),
    Story(
        "disiplin_asn",
        "itjen",
        "Bermain judi daring di kantor",
        "Beberapa pegawai di ruangan kami bermain judi daring memakai komputer dan jaringan kantor pada jam kerja. Salah satunya sampai meminjam uang kepada rekan-rekan dan tidak mengembalikan. Saya melapor di sini karena takut dikucilkan.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Beberapa pegawai di satu ruangan",
    ),
    Story(
        "penyalahgunaan_wewenang",
        "itjen",
        "Pegawai honorer disuruh mengurus keperluan pribadi pejabat",
        "Pegawai honorer di bagian kami sering disuruh pejabat mengantar anaknya ke sekolah, belanja keperluan rumah, bahkan membersihkan rumahnya di akhir pekan, memakai mobil dinas. Yang menolak diancam kontraknya tidak diperpanjang.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Pejabat eselon IV (inisial MF)",
    ),
    Story(
        "penyalahgunaan_wewenang",
        "itjen",
        "Hasil pemeriksaan diubah atas perintah atasan",
        "Saya pengawas ketenagakerjaan di kementerian. Atas perintah atasan, beberapa temuan dalam nota pemeriksaan sebuah perusahaan dihapus sebelum ditandatangani, padahal pelanggarannya jelas. Atasan saya kemudian sering terlihat bertemu pemilik perusahaan itu. Saya takut kariernya dipakai untuk membalas saya.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Koordinator pengawas (inisial TB)",
    ),
    Story(
        "pungli",
        "itjen",
        "Potongan honorarium untuk setoran",
        "Setiap kegiatan di unit kami, honorarium narasumber dan panitia dipotong 20 persen untuk 'setoran' yang dikumpulkan bendahara. Tidak ada dasar aturannya dan tidak ada tanda terima. Semua pegawai tahu tapi tidak berani menolak.",
        channel="wbs",
        reporter_type="internal",
        reported_party="Bendahara kegiatan",
    ),
]

_OTHER: list[Story] = [
    Story(
        "lainnya",
        "setjen",
        "Promo pinjaman cepat",
        "PINJAMAN DANA CEPAT CAIR TANPA JAMINAN!!! Bunga rendah, proses 1 jam, hubungi admin kami sekarang juga. Khusus karyawan dan PNS. Klik tautan di profil.",
        report_type="pengaduan",
        archive="spam",
    ),
    Story("lainnya", "setjen", "tes", "tes tes coba kirim laporan dari hp", archive="spam"),
    Story(
        "lainnya",
        "setjen",
        "Tetangga membuat keributan",
        "Tetangga saya setiap malam menyalakan musik keras sampai jam 2 pagi, sudah ditegur RT tapi tidak berubah. Anak saya jadi susah tidur. Mohon ditindak.",
        archive="out_of_scope",
    ),
    Story(
        "lainnya",
        "setjen",
        "Cara perpanjang SIM",
        "Mau tanya, perpanjang SIM C yang sudah mati 2 bulan bisa online atau harus bikin baru?",
        report_type="permintaan_informasi",
        archive="out_of_scope",
    ),
    Story(
        "lainnya",
        "lembaga_lain",
        "Ditagih pinjol dengan ancaman",
        "Saya diteror penagih pinjaman online, data kontak di HP saya disebar dan atasan saya di kantor ikut dihubungi. Saya dipermalukan di depan rekan kerja. Saya harus lapor ke mana?",
    ),
    Story(
        "lainnya",
        "setjen",
        "Terima kasih",
        "Terima kasih Bapak Ibu petugas, masalah gaji saya di pabrik sudah selesai setelah dibantu kemarin. Semoga sehat selalu.",
        archive="not_a_complaint",
    ),
    Story(
        "lainnya",
        "lembaga_lain",
        "Insentif Kartu Prakerja belum masuk",
        "Saya sudah menyelesaikan pelatihan Kartu Prakerja dan mengisi ulasan, tapi insentif belum masuk ke e-wallet saya sudah lebih dari sebulan. Di dasbor statusnya 'dalam proses'.",
    ),
    Story(
        "lainnya",
        "lembaga_lain",
        "Akun Prakerja diblokir",
        "akun prakerja sy tiba2 diblokir dgn alasan 'terindikasi pelanggaran' padahal sy gk ngapa2in, cuma ikut 1 pelatihan. saldo pelatihan sy masih ada. mohon dibuka",
    ),
]

STORIES: tuple[Story, ...] = (
    *_DIGITAL,
    *_WAGES,
    *_THR,
    *_DISMISSAL,
    *_SOCIAL_SECURITY,
    *_BENEFIT_CLAIMS,
    *_NORMS,
    *_SAFETY,
    *_PLACEMENT,
    *_FOREIGN_WORKERS,
    *_TRAINING,
    *_MIGRANTS,
    *_INFORMATION,
    *_POLICY,
    *_SUPERVISORY_PUBLIC,
    *_SUPERVISORY_REGIONAL,
    *_WHISTLEBLOWING,
    *_OTHER,
)


# ---------------------------------------------------------------------------------------------
# What staff write. `{pt}` and `{kota}` are the same company and town as in the report.
# ---------------------------------------------------------------------------------------------

# Answers written for one story (by its title), where a category's answer would not fit.
ANSWERS: dict[str, str] = {
    "Pertanyaan struktur dan skala upah": "Yth. Bapak/Ibu pengelola HRD {pt}, struktur dan skala upah wajib disusun dan diberitahukan kepada seluruh pekerja, serta ditunjukkan kepada pengawas ketenagakerjaan saat pemeriksaan; tidak ada kewajiban melaporkannya setiap tahun ke dinas. Penyesuaian upah bagi pekerja bermasa kerja satu tahun atau lebih berpedoman pada struktur dan skala upah tersebut (PP 36/2021 sebagaimana diubah PP 51/2023, dan Permenaker 1/2017). Contoh format dapat Bapak/Ibu unduh di laman JDIH Kemnaker. Bila diperlukan, kami dapat mengundang tim HRD Bapak/Ibu ke sesi konsultasi daring setiap Kamis.",
    "Kapan penetapan UMP diumumkan": "Terima kasih atas pertanyaan Bapak/Ibu. Upah minimum provinsi ditetapkan gubernur dan diumumkan paling lambat tanggal yang ditentukan dalam peraturan pemerintah tentang pengupahan setiap tahunnya. Perhitungannya memakai data pertumbuhan ekonomi, inflasi dan indeks tertentu dari BPS yang disampaikan kementerian kepada Dewan Pengupahan Provinsi. Masukan serikat pekerja dapat disampaikan melalui wakil serikat di Dewan Pengupahan {kota}.",
    "Pekerja kontrak katanya tidak dapat THR": "Saudara benar. THR keagamaan wajib dibayar kepada pekerja yang telah bekerja satu bulan terus-menerus atau lebih, baik pekerja tetap (PKWTT) maupun kontrak (PKWT). Untuk masa kerja kurang dari 12 bulan, THR dihitung proporsional: masa kerja dibagi 12 dikali satu bulan upah. Bila THR Saudara tidak dibayar, silakan balas laporan ini; kami akan meminta pengawas ketenagakerjaan memeriksa {pt}.",
    "Cara menghitung THR pekerja harian": "Yth. bagian personalia {pt}, bagi pekerja harian lepas dengan masa kerja 12 bulan atau lebih, upah satu bulan untuk THR dihitung dari rata-rata upah 12 bulan terakhir sebelum hari raya. Bila masa kerja kurang dari 12 bulan, dihitung dari rata-rata upah bulanan selama masa kerja. Ketentuan rincinya ada dalam Permenaker 6/2016 dan surat edaran THR tahun berjalan. Terima kasih telah memastikan hak pekerja dipenuhi dengan benar.",
    "Anjuran mediator tidak dijalankan perusahaan": "Terima kasih atas informasinya. Anjuran mediator yang tidak dilaksanakan oleh salah satu pihak dapat Saudara lanjutkan dengan mengajukan gugatan ke Pengadilan Hubungan Industrial di wilayah tempat Saudara bekerja. Gugatan dengan nilai di bawah Rp150 juta tidak dikenai biaya perkara. Saudara juga dapat meminta pendampingan gratis dari serikat pekerja atau lembaga bantuan hukum. Risalah mediasi dan anjuran tertulis wajib dilampirkan pada gugatan.",
    "Prosedur PHK karena efisiensi": "Yth. manajemen {pt}, terima kasih atas itikad baik untuk mengikuti aturan. PHK wajib didahului upaya mencegahnya dan, bila tidak terhindarkan, diberitahukan secara tertulis kepada pekerja paling lambat 14 hari kerja sebelumnya. Bila pekerja menolak, wajib dirundingkan secara bipartit, lalu melalui mediasi di dinas setempat. Kompensasi untuk PHK karena efisiensi diatur dalam PP 35/2021 (pesangon, uang penghargaan masa kerja dan uang penggantian hak). Kami juga menyarankan perusahaan melaporkan rencana ini ke dinas tenaga kerja setempat.",
    "Usul pencairan JHT sebagian untuk pekerja terkena PHK": "Terima kasih atas aspirasi Saudara. Saat ini pekerja yang terkena PHK dapat mencairkan JHT setelah masa tunggu satu bulan, serta dapat memperoleh manfaat Jaminan Kehilangan Pekerjaan berupa uang tunai, akses informasi pasar kerja dan pelatihan. Usulan Saudara kami catat sebagai bahan evaluasi kebijakan jaminan sosial ketenagakerjaan.",
    "Perusahaan menunggak iuran, adakah keringanan": "Yth. manajemen {pt}, terima kasih atas itikad baik perusahaan. Penjadwalan pembayaran tunggakan iuran dapat diajukan langsung ke kantor cabang BPJS Ketenagakerjaan tempat perusahaan terdaftar, dengan melampirkan laporan keuangan. Perlu kami sampaikan bahwa selama menunggak, pekerja tetap berhak atas manfaat dan perusahaan wajib menanggung manfaat yang tidak dapat dibayarkan BPJS akibat tunggakan. Mohon pelunasan diutamakan.",
    "Uang saku magang nasional belum dibayar": "Terima kasih atas pertanyaannya. Uang saku peserta Program Magang Nasional dibayarkan setiap bulan paling lambat tanggal 15 setelah kehadiran bulan sebelumnya diverifikasi oleh perusahaan. Untuk Saudara, kehadiran bulan pertama belum diverifikasi oleh {pt}; kami sudah menghubungi perusahaan dan pembayaran dijadwalkan pada termin berikutnya.",
    "Usul bursa kerja di Indonesia timur": "Terima kasih atas aspirasinya. Tahun ini kami menambah penyelenggaraan job fair di enam kota di kawasan timur, termasuk {kota}, bekerja sama dengan pemerintah daerah. Job fair virtual juga kami wajibkan menyediakan jadwal wawancara daring. Usulan job fair keliling kami teruskan sebagai bahan perencanaan tahun depan.",
    "Data RPTKA perusahaan di daerah": "Terima kasih. Data rekapitulasi pengesahan RPTKA per provinsi dan per sektor tersedia dalam publikasi statistik ketenagakerjaan yang dapat diunduh di portal data kementerian. Data per kabupaten/kota dapat diajukan melalui permohonan informasi kepada PPID dengan menyebutkan tujuan penelitian. Data yang menyebut nama perusahaan tidak dapat kami berikan.",
    "Uang saku pelatihan belum diterima": "Terima kasih atas pertanyaannya. Uang saku dan transport peserta pelatihan angkatan Saudara sudah dicairkan ke rekening masing-masing peserta pada minggu ini; keterlambatan terjadi karena rekening beberapa peserta tidak sesuai dengan data kependudukan. Bila dalam tiga hari kerja belum diterima, mohon balas laporan ini dengan nama bank Saudara.",
    "Usul tambah kelas pelatihan kejuruan": "Terima kasih atas aspirasi Bapak/Ibu. Kuota kelas pengelasan dan kelistrikan di {kota} akan ditambah dua rombongan belajar mulai gelombang depan, dan kami sedang menjajaki kelas akhir pekan bagi pekerja. Informasi pendaftaran diumumkan melalui SIAPkerja.",
    "Masa berlaku sertifikat kompetensi": "Terima kasih. Sertifikat kompetensi BNSP umumnya berlaku tiga tahun sejak diterbitkan, kecuali skema tertentu. Sertifikat yang terbit tahun 2021 kemungkinan sudah habis masa berlakunya. Perpanjangan dilakukan melalui uji kompetensi ulang (resertifikasi) di LSP yang menerbitkannya; biayanya ditetapkan LSP tersebut dan tercantum di laman BNSP.",
    "Permohonan data jumlah pengawas ketenagakerjaan": "Yth. Saudara, permohonan informasi Saudara kami proses melalui PPID. Data jumlah pengawas ketenagakerjaan per provinsi lima tahun terakhir dan jumlah perusahaan yang diperiksa kami kirimkan dalam bentuk berkas Excel ke alamat e-mail Saudara. Data pemeriksaan per perusahaan tidak termasuk informasi yang dapat dibuka.",
    "Salinan keputusan menteri tentang pedoman pengaduan": "Yth. Bapak/Ibu, salinan lengkap Keputusan Menteri beserta lampirannya sudah kami unggah ulang di laman JDIH kementerian; berkas sebelumnya memang terpotong. Terima kasih telah memberi tahu kami.",
    "Rekap pengaduan Posko THR": "Terima kasih. Rekap pengaduan Posko THR per provinsi beserta status tindak lanjutnya sudah dipublikasikan dalam siaran pers kementerian dan tersedia di halaman statistik SIMADU. Untuk rincian tambahan, Saudara dapat mengajukan permohonan informasi kepada PPID; jawaban diberikan paling lambat 10 hari kerja.",
    "Data PHK per sektor": "Yth. Bapak/Ibu, data PHK per sektor dan per provinsi yang dilaporkan melalui sistem kami tersedia per triwulan dan sudah kami kirimkan ke e-mail yang Bapak/Ibu cantumkan. Data per bulan belum dapat diberikan karena masih dalam proses validasi. Prosedur permohonan informasi dapat dilihat di laman PPID.",
    "Permenaker tentang alih daya": "Terima kasih atas pertanyaannya. Ketentuan alih daya saat ini diatur dalam PP 35/2021 tentang PKWT, alih daya, waktu kerja dan waktu istirahat, serta PHK, beserta perubahannya. Seluruh peraturan dapat diunduh gratis di laman JDIH Kemnaker. Bila ada praktik di tempat kerja Saudara yang menurut Saudara melanggar, silakan laporkan melalui SIMADU.",
    "Perlindungan pengemudi ojek daring": "Terima kasih atas aspirasi Saudara. Kementerian sedang menyusun kajian dan rancangan pengaturan perlindungan pekerja platform, termasuk jaminan sosial dan mekanisme penetapan tarif yang adil. Aspirasi Saudara kami catat dan sertakan dalam bahan konsultasi publik yang akan diumumkan.",
    "Usul uji coba empat hari kerja": "Terima kasih atas usulan yang menarik ini. Kajian mengenai fleksibilitas waktu kerja, termasuk pengalaman negara lain dengan empat hari kerja, sedang kami lakukan bersama akademisi dan asosiasi pengusaha. Usulan Saudara kami masukkan sebagai bahan kajian.",
    "Pekerja lepas kreatif tidak terlindungi": "Terima kasih atas aspirasinya. Perlindungan pekerja lepas termasuk dalam kajian kami tentang bentuk-bentuk hubungan kerja baru. Untuk sengketa pembayaran saat ini, perjanjian kerja tertulis dengan klien sangat membantu sebagai dasar penagihan melalui jalur perdata.",
    "Kerja di luar ruangan saat cuaca panas ekstrem": "Terima kasih atas kepedulian Bapak/Ibu. Kementerian sedang menyiapkan surat edaran tentang pencegahan penyakit akibat panas di tempat kerja, termasuk anjuran jeda istirahat dan penyediaan air minum. Aspirasi dari {kota} ini kami sertakan sebagai bahan penyusunannya.",
    "Satukan aplikasi layanan ketenagakerjaan": "Terima kasih atas masukannya. Penyatuan akun layanan ketenagakerjaan melalui SIAPkerja sedang berjalan bertahap: Karirhub dan layanan pelatihan sudah memakai satu akun, layanan lain menyusul tahun ini.",
}

# More answers written for one story each.
ANSWERS.update(
    {
        "Potongan uang seragam dan mess": "Terima kasih, laporan Saudara sudah kami tindak lanjuti. Pemotongan upah hanya boleh untuk hal-hal yang diatur dalam PP Pengupahan dan dengan persetujuan tertulis pekerja; seragam kerja wajib disediakan tanpa biaya. Pengawas ketenagakerjaan telah memerintahkan {pt} menghentikan potongan tersebut dan mengembalikan potongan tiga bulan terakhir. Bila potongan masih berlanjut, mohon kabari kami.",
        "Kasir wajib ganti selisih kas dari gaji": "Terima kasih atas laporannya. Pemotongan upah untuk ganti rugi hanya dibenarkan bila kerugian terjadi karena kesengajaan atau kelalaian pekerja yang dibuktikan, diatur dalam perjanjian kerja, dan paling banyak 50% dari upah. Kerugian karena mesin EDC yang rusak bukan tanggung jawab kasir. Pengawas telah meminta {pt} meninjau aturan tersebut dan mengembalikan potongan yang tidak sesuai.",
        "Kurir dibayar per paket tanpa gaji pokok": "Terima kasih atas laporan Saudara. Berdasarkan hasil pemeriksaan, hubungan Saudara dengan {pt} memenuhi unsur pekerjaan, upah dan perintah (ada seragam, absensi, target dan sanksi), sehingga merupakan hubungan kerja dan berlaku ketentuan upah minimum serta jaminan sosial. Perusahaan telah diberi nota pemeriksaan. Simpan bukti pembayaran per paket sebagai bukti bila diperlukan.",
        "THR dipotong untuk kas koperasi": "Terima kasih, laporan Saudara sudah ditindaklanjuti. Pemotongan THR untuk keperluan apa pun tanpa persetujuan pekerja tidak dibenarkan, apalagi untuk koperasi yang pekerja tidak pernah menjadi anggotanya. {pt} telah diperintahkan mengembalikan potongan tersebut kepada seluruh pekerja dan menyerahkan bukti pengembaliannya kepada pengawas.",
        "Ketua serikat di-PHK setelah serikat berdiri": "Yth. pengurus serikat pekerja, laporan ini sangat serius. Menghalangi pekerja membentuk atau menjalankan serikat pekerja, termasuk dengan PHK, diancam pidana menurut UU 21/2000. Perkara ini sudah kami serahkan kepada pengawas ketenagakerjaan selaku penyidik, dan mediator telah meminta {pt} mempekerjakan kembali ketua dan sekretaris serikat selama proses berjalan. Kami akan memantau sampai selesai.",
        "Kecelakaan kerja, ternyata tidak terdaftar": "Ibu yang kami hormati, karena suami Ibu tidak didaftarkan dalam program jaminan sosial, {pt} wajib menanggung sendiri seluruh manfaat yang seharusnya dibayar BPJS Ketenagakerjaan, termasuk biaya operasi dan perawatan serta upah selama tidak mampu bekerja. Perusahaan telah diperintahkan mengganti seluruh biaya yang Ibu keluarkan dan mendaftarkan seluruh pekerjanya. Kami memantau pelaksanaannya; mohon kabari kami bila penggantian belum diterima.",
        "Ijazah asli ditahan perusahaan": "Yth. Pelapor, penahanan dokumen pribadi pekerja seperti ijazah tidak dibenarkan, dan 'denda putus kontrak' sebesar itu tidak dapat dijadikan syarat pengembaliannya. Setelah klarifikasi pengawas ketenagakerjaan, {pt} menyatakan akan mengembalikan ijazah Saudara tanpa syarat. Mohon kabari kami bila dokumen belum Saudara terima dalam satu minggu.",
        "Kontrak diperpanjang terus selama 6 tahun": "Terima kasih atas laporannya. PKWT tidak boleh dipakai untuk pekerjaan yang bersifat tetap, dan pelanggaran atas ketentuan itu membuat hubungan kerja demi hukum menjadi PKWTT (pekerja tetap). Hasil pemeriksaan di {pt} telah dituangkan dalam nota pemeriksaan yang mewajibkan perusahaan menyesuaikan status Saudara dan rekan-rekan dengan masa kerja dihitung sejak kontrak pertama.",
        "Jam kerja 12 jam tanpa hari libur": "Terima kasih atas laporan Saudara. Waktu kerja paling lama 40 jam seminggu, lembur hanya dengan persetujuan pekerja dan paling lama 4 jam sehari, serta wajib ada istirahat mingguan. Pengawas ketenagakerjaan telah memeriksa {pt} dan memerintahkan perusahaan menyusun jadwal kerja sesuai ketentuan serta membayar upah lembur yang belum dibayar. Identitas Saudara tidak kami sampaikan kepada perusahaan.",
        "Satpam jaga 24 jam": "Terima kasih atas laporannya. Jadwal jaga 24 jam tanpa upah lembur melanggar ketentuan waktu kerja. Pengawas telah memeriksa {pt} dan memerintahkan perusahaan menerapkan pola gilir kerja yang sesuai, membayar kekurangan upah lembur, dan tidak menjatuhkan sanksi kepada petugas yang kelelahan karena jadwal tersebut.",
        "Cuti tahunan tidak pernah diberikan": "Terima kasih atas laporan Saudara. Pekerja yang telah bekerja 12 bulan terus-menerus berhak atas cuti tahunan paling sedikit 12 hari kerja dengan upah penuh. {pt} telah diberi nota pemeriksaan untuk memberikan hak cuti tersebut, termasuk mengganti hak cuti yang tidak diberikan, dan menyusun peraturan perusahaan yang disahkan dinas.",
        "Cuti melahirkan dipotong jadi sebulan": "Ibu yang kami hormati, pekerja perempuan berhak atas istirahat melahirkan 1,5 bulan sebelum dan 1,5 bulan sesudah melahirkan dengan upah penuh. Pengawas ketenagakerjaan telah memerintahkan {pt} memberikan sisa cuti Ibu dengan upah penuh. Perusahaan juga diingatkan bahwa PHK karena hamil atau melahirkan batal demi hukum.",
        "Anak-anak bekerja di pabrik rumahan": "Terima kasih atas kepedulian Saudara. Mempekerjakan anak pada pekerjaan seperti itu, apalagi pada jam sekolah dan malam hari, dilarang. Pengawas ketenagakerjaan bersama dinas sosial dan pemerintah desa telah mendatangi lokasi usaha tersebut; anak-anak dikembalikan ke sekolah dan pemilik usaha dibina serta diawasi. Identitas Saudara tidak kami sampaikan kepada siapa pun.",
        "Alih daya untuk pekerjaan inti produksi": "Terima kasih atas laporannya. Pekerja alih daya berhak atas perlindungan upah, kesejahteraan dan syarat kerja yang sama, dan pengalihan antarperusahaan penyalur tidak boleh menghapus hak atas masa kerja. Pengawas telah memeriksa {pt} dan perusahaan penyalurnya serta memerintahkan perbaikan perjanjian kerja dan pemenuhan hak para pekerja.",
        "Dilarang berjilbab saat bekerja": "Terima kasih atas laporan Saudara. Pengusaha wajib memberikan kesempatan dan perlakuan yang sama tanpa diskriminasi, termasuk atas dasar agama. Setelah klarifikasi pengawas, {pt} mencabut aturan penampilan tersebut dan mengembalikan karyawati yang dipindahkan ke posisi semula.",
        "Pekerja disabilitas tidak diberi penyesuaian": "Terima kasih atas laporannya. Pemberi kerja wajib menyediakan akomodasi yang layak bagi pekerja penyandang disabilitas. Pengawas telah meminta {pt} memindahkan tempat kerja Saudara ke lantai satu, menyediakan toilet yang dapat diakses, dan meninjau ulang catatan keterlambatan Saudara.",
        "Disuruh tanda tangan kontrak kosong": "Terima kasih atas laporan Saudara. Perjanjian kerja wajib memuat syarat kerja, termasuk besaran upah, sebelum ditandatangani, dan satu salinannya wajib diberikan kepada pekerja. {pt} telah diperintahkan memberikan salinan kontrak kepada seluruh pekerja dan tidak lagi meminta tanda tangan pada lembar kosong.",
        "Pekerja jatuh dari perancah, meninggal": "Terima kasih atas laporan Saudara, dan turut berduka atas wafatnya rekan Saudara. Kecelakaan kerja wajib dilaporkan perusahaan paling lambat 2x24 jam; pemeriksaan pengawas K3 menemukan {pt} tidak melaporkannya dan tidak menyediakan alat pelindung jatuh. Pekerjaan di ketinggian dihentikan sampai perbaikan selesai, perusahaan diwajibkan memenuhi hak ahli waris, dan perkara pidananya diproses penyidik ketenagakerjaan.",
        "Pintu darurat dikunci saat jam kerja": "Terima kasih atas laporan yang sangat penting ini. Pengawas K3 telah melakukan pemeriksaan mendadak ke {pt} dan membenarkan pintu darurat terkunci. Perusahaan diperintahkan membuka seluruh pintu darurat pada hari itu juga, memasang tanda jalur evakuasi, dan melakukan latihan tanggap darurat. Pemeriksaan ulang dilakukan tanpa pemberitahuan.",
        "Lowongan palsu pakai logo Kemnaker": "Terima kasih atas laporan Saudara. Kementerian tidak pernah memungut biaya apa pun dalam rekrutmen atau penempatan kerja. Akun-akun yang mengatasnamakan kementerian telah kami laporkan ke platform media sosial dan sebagian sudah ditutup; peringatan resmi juga sudah kami umumkan. Bagi korban yang sudah mentransfer uang, silakan membuat laporan polisi dengan membawa bukti transfer.",
        "Job fair memungut biaya pendaftaran": "Terima kasih atas laporannya. Job fair yang memakai logo kementerian wajib terdaftar dan tidak boleh memungut biaya dari pencari kerja. Penyelenggara job fair di {kota} tersebut tidak terdaftar; kami telah meminta dinas setempat menghentikan penggunaan logo dan mengumumkan kepada masyarakat. Jadwal job fair resmi yang gratis dapat dilihat di Karirhub.",
        "Magang nasional ditempatkan tidak sesuai jurusan": "Terima kasih atas laporannya. Penempatan peserta magang wajib sesuai dengan kompetensi dan rencana magang. Kami telah menegur {pt} dan meminta Saudara dipindahkan ke bagian keuangan dengan pembimbing yang ditunjuk; uang saku bulan kedua juga sudah dijadwalkan cair. Bila tidak ada perubahan dalam dua minggu, Saudara dapat mengajukan pindah tempat magang melalui SIAPkerja.",
        "Penyalur kerja menahan KTP dan minta biaya": "Yth. Pelapor, perusahaan penempatan dilarang memungut biaya dari pencari kerja dan menahan dokumen pribadi. Setelah klarifikasi, {pt} telah mengembalikan KTP dan uang yang Saudara bayarkan melalui dinas setempat; izin usahanya sedang dievaluasi. Mohon kabari kami bila pengembalian belum Saudara terima.",
        "TKA tanpa tenaga kerja pendamping": "Yth. Pelapor, hasil pemeriksaan menunjukkan {pt} belum menunjuk tenaga kerja pendamping bagi TKA sebagaimana diwajibkan. Perusahaan telah diperintahkan menunjuk pendamping dan melaksanakan pendidikan dan pelatihan alih teknologi; laporan pelaksanaannya wajib disampaikan setiap semester.",
        "Pekerja asing di restoran memakai visa kunjungan": "Terima kasih. Temuan terkait izin tinggal telah kami koordinasikan dengan kantor imigrasi setempat, sedangkan pelanggaran ketenagakerjaannya ditindaklanjuti pengawas. {pt} diwajibkan berhenti mempekerjakan orang asing tanpa pengesahan RPTKA.",
        "Pelatihan di BLK dibatalkan tanpa kabar": "Terima kasih atas laporan Saudara, dan mohon maaf. Kelas dibatalkan karena instruktur berhalangan dan pemberitahuan tidak terkirim ke semua peserta. Saudara sudah kami jadwalkan pada angkatan berikutnya, dan biaya transport yang Saudara keluarkan dapat diganti dengan menunjukkan bukti di bagian administrasi balai.",
        "Biaya tambahan uji kompetensi di LSP": "Yth. Pelapor, biaya uji kompetensi yang sah hanya yang tercantum dalam skema dan ditetapkan LSP. Kami telah meminta BNSP melakukan klarifikasi kepada {pt}; pungutan di luar ketentuan harus dikembalikan kepada peserta dan peserta yang belum membayar tetap harus dijadwalkan ujian.",
        "Peserta pemagangan dijadikan pekerja penuh": "Terima kasih atas laporannya. Peserta pemagangan tidak boleh diperlakukan sebagai pekerja untuk mengejar target produksi atau shift malam, dan pemagangan paling lama satu tahun. Kami telah mengevaluasi penyelenggaraan pemagangan di {pt}; perusahaan diwajibkan mengangkat peserta yang melewati batas waktu sebagai pekerja, atau menghentikan program dan membayar hak-haknya.",
        "Peralatan praktik BLK rusak": "Terima kasih atas masukannya. Perbaikan dan penggantian peralatan praktik sudah kami anggarkan; sebagian mesin baru tiba bulan depan. Sementara itu, jadwal praktik diatur ulang agar setiap peserta mendapat waktu praktik yang cukup sebelum uji kompetensi.",
    }
)

# Answers by category for complaints whose story has no answer of its own.
REPLIES: dict[str, tuple[str, ...]] = {
    "upah": (
        "Terima kasih atas laporan Saudara. Kami telah berkoordinasi dengan Pengawas Ketenagakerjaan Provinsi yang kemudian melakukan pemeriksaan ke {pt}. Perusahaan terbukti belum membayar upah sesuai ketentuan dan telah diberi nota pemeriksaan untuk membayar kekurangannya dalam 14 hari. Bila sampai batas itu pembayaran belum diterima, mohon sampaikan melalui laporan ini agar kami tindak lanjuti dengan langkah penegakan hukum.",
        "Yth. Pelapor, menindaklanjuti laporan Saudara, manajemen {pt} telah kami undang klarifikasi bersama perwakilan pekerja. Perusahaan menyatakan sanggup melunasi kekurangan upah secara bertahap dan menandatangani jadwal pembayarannya. Pengawas ketenagakerjaan akan memantau pelaksanaan jadwal tersebut. Terima kasih atas keberanian Saudara melapor.",
    ),
    "thr": (
        "Terima kasih atas laporan Saudara ke Posko THR. Laporan telah kami teruskan ke Pengawas Ketenagakerjaan Provinsi yang sudah memanggil {pt}. Perusahaan diwajibkan membayar THR secara penuh paling lambat tujuh hari setelah nota pemeriksaan diterima, ditambah denda keterlambatan 5% yang dipakai untuk kesejahteraan pekerja. Mohon kabari kami bila THR belum Saudara terima.",
        "Yth. Pelapor, THR wajib dibayar dalam bentuk uang rupiah, penuh, paling lambat tujuh hari sebelum hari raya. Manajemen {pt} telah kami klarifikasi dan menyatakan akan membayar kekurangan THR pada periode penggajian berikutnya. Pengawas ketenagakerjaan akan memastikan pembayaran tersebut. Terima kasih.",
    ),
    "phk": (
        "Terima kasih atas laporan Saudara. PHK wajib diberitahukan secara tertulis dengan alasannya, dan bila pekerja menolak, wajib dirundingkan. Kami telah meminta dinas tenaga kerja setempat memfasilitasi perundingan bipartit antara Saudara dan {pt}; bila tidak tercapai kesepakatan, perkara dilanjutkan ke mediasi tanpa biaya. Mohon simpan semua bukti dan jangan menandatangani dokumen yang belum Saudara pahami.",
        "Yth. Pelapor, laporan Saudara sudah kami klarifikasi kepada {pt}. Perusahaan bersedia meninjau kembali keputusannya dan membuka perundingan mengenai hak-hak Saudara, didampingi mediator dinas setempat. Bila perundingan tidak berjalan, silakan balas laporan ini.",
        "Terima kasih atas laporannya. Hak Saudara atas pesangon, uang penghargaan masa kerja dan uang penggantian hak diatur dalam PP 35/2021. Kami telah meneruskan perkara ini ke mediator hubungan industrial di {kota}, yang akan memanggil kedua pihak dalam waktu dekat. Saudara berhak didampingi serikat pekerja atau kuasa hukum tanpa biaya dalam mediasi.",
    ),
    "jaminan_sosial": (
        "Terima kasih atas laporan Saudara. Berdasarkan data kepesertaan yang kami periksa bersama BPJS Ketenagakerjaan, {pt} memang belum memenuhi kewajiban iurannya. Perusahaan telah diperiksa dan diwajibkan melunasi tunggakan beserta dendanya. Status kepesertaan Saudara dapat dipantau melalui aplikasi JMO; bila dalam 30 hari belum berubah, mohon kabari kami.",
        "Yth. Pelapor, setiap pemberi kerja wajib mendaftarkan seluruh pekerjanya dalam program jaminan sosial ketenagakerjaan sesuai skala usahanya, dengan upah yang sebenarnya. Pengawas ketenagakerjaan telah memerintahkan {pt} mendaftarkan seluruh pekerja dan memperbaiki data upah yang dilaporkan. Terima kasih telah membantu kami menertibkan kepatuhan perusahaan.",
    ),
    "k3": (
        "Terima kasih atas laporan Saudara yang sangat penting ini. Pengawas ketenagakerjaan spesialis K3 telah melakukan pemeriksaan mendadak ke {pt}. Ditemukan pelanggaran syarat K3 dan perusahaan diperintahkan menghentikan sementara kegiatan di area berbahaya sampai perbaikan selesai dan diperiksa ulang. Identitas pelapor tidak kami sampaikan.",
        "Yth. Pelapor, laporan Saudara telah ditindaklanjuti dengan pemeriksaan K3. {pt} diwajibkan menyediakan alat pelindung diri yang sesuai tanpa biaya bagi pekerja, membentuk P2K3 yang berfungsi, memeriksakan peralatan dan pesawat kerjanya, serta melaksanakan pemeriksaan kesehatan berkala. Pelaksanaannya akan kami pantau.",
    ),
    "tka": (
        "Terima kasih atas laporan Saudara. Tim pengawasan TKA telah melakukan pemeriksaan ke {pt}. Beberapa tenaga kerja asing ditemukan menduduki jabatan yang tidak sesuai dengan RPTKA. Perusahaan dikenai sanksi administratif dan diwajibkan mengganti posisi tersebut dengan tenaga kerja Indonesia.",
    ),
    "supervisory": (
        "Terima kasih atas laporan Saudara. Inspektorat Jenderal telah melakukan telaah dan klarifikasi terhadap pihak terlapor serta saksi-saksi. Laporan Saudara terbukti sebagian. Pegawai yang bersangkutan telah dijatuhi hukuman disiplin sesuai PP 94/2021, dan unit kerjanya diminta memperbaiki tata kelola layanan. Kami menghargai kepedulian Saudara.",
        "Yth. Pelapor, laporan Saudara telah ditindaklanjuti dengan audit investigatif. Hasilnya telah disampaikan kepada pimpinan disertai rekomendasi penjatuhan sanksi dan pengembalian kerugian negara. Pemantauan tindak lanjut rekomendasi dilakukan oleh Inspektorat Jenderal. Identitas Saudara tetap kami rahasiakan.",
        "Terima kasih atas laporan Saudara. Setelah pemeriksaan, bukti yang tersedia belum cukup untuk membuktikan seluruh dugaan. Namun kami menemukan kelemahan prosedur dan telah merekomendasikan perbaikan kepada unit terkait, serta memberikan pembinaan kepada pegawai yang bersangkutan. Bila Saudara memiliki bukti tambahan, silakan sampaikan melalui laporan ini.",
        "Yth. Pelapor, Inspektorat Jenderal telah menyelesaikan pemeriksaan atas laporan Saudara. Dugaan tersebut terbukti dan telah direkomendasikan penjatuhan hukuman disiplin berat. Unit terkait juga diwajibkan memasang informasi biaya layanan dan kanal pengaduan. Terima kasih, laporan seperti ini membantu kami membersihkan layanan.",
    ),
    "umum": (
        "Terima kasih atas laporan Saudara. Laporan telah kami tindak lanjuti bersama pihak terkait, dan permasalahan yang Saudara sampaikan sudah ditangani. Bila masih ada kendala, silakan sampaikan melalui laporan ini.",
    ),
}

# A verifier's question for the reporter, and how a reporter might answer it, by kind of report.
QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "kerja": (
        (
            "Terima kasih atas laporan Saudara. Agar dapat kami teruskan, mohon sebutkan alamat lengkap tempat kerja Saudara dan sejak kapan kejadian ini berlangsung.",
            "Tempatnya di {kota}, nama perusahaannya {pt}. Kejadiannya sudah dari awal tahun ini pak.",
        ),
        (
            "Yth. Pelapor, apakah Saudara memiliki bukti seperti slip gaji, kontrak kerja, atau foto/pesan yang berkaitan? Bila ada, mohon dilampirkan.",
            "Ada, slip gaji 3 bulan terakhir sudah saya foto. Kontrak kerja tidak pernah dikasih salinannya.",
        ),
        (
            "Mohon informasi, berapa kira-kira jumlah pekerja yang mengalami hal yang sama dengan Saudara?",
            "kurang lebih 50an org di bagian sy, bagian lain katanya jg sama",
        ),
        (
            "Terima kasih. Apakah Saudara sudah menyampaikan masalah ini kepada pihak perusahaan atau serikat pekerja? Bila sudah, bagaimana tanggapannya?",
            "Sudah bu, lewat mandor dan HRD. Jawabannya disuruh sabar terus. Serikat di tempat kami tidak ada.",
        ),
    ),
    "pengawasan": (
        (
            "Yth. Pelapor, mohon dijelaskan lebih rinci kejadiannya: kapan, di mana, dan siapa saja yang terlibat, agar laporan dapat kami telaah.",
            "Kejadiannya hari Senin minggu lalu sekitar jam 10 pagi di ruang layanan. Orangnya laki-laki berseragam, saya tidak tahu namanya, tapi bisa mengenali wajahnya.",
        ),
        (
            "Yth. Pelapor, apakah ada dokumen atau saksi lain yang dapat mendukung laporan ini? Identitas saksi akan kami jaga kerahasiaannya.",
            "Ada dua rekan yang juga mengetahui kejadian itu, tetapi mereka belum siap dihubungi. Saya punya salinan dokumen yang bisa saya unggah di sini.",
        ),
    ),
    "migran": (
        (
            "Terima kasih atas laporannya. Mohon sebutkan nama perusahaan yang memberangkatkan dan negara serta kota tempat keluarga Saudara bekerja.",
            "Perusahaannya {pt}, berangkat dari {kota}. Kerjanya di Johor, Malaysia, di rumah majikan.",
        ),
    ),
    "digital": (
        (
            "Mohon maaf, laporan Saudara belum menyebutkan aplikasi atau situs yang bermasalah. Mohon dilengkapi beserta tangkapan layar pesan kesalahannya.",
            "Maaf kurang lengkap. Aplikasi SIAPkerja di HP Android, pesan errornya 'Terjadi kesalahan, silakan coba lagi'. Tangkapan layarnya saya lampirkan.",
        ),
        (
            "Untuk membantu pemeriksaan, mohon sebutkan alamat e-mail yang terdaftar pada akun Saudara dan perkiraan waktu terakhir berhasil masuk.",
            "Emailnya yang saya pakai di laporan ini. Terakhir berhasil masuk kira-kira dua minggu lalu.",
        ),
    ),
}

ASSIGN_NOTES: tuple[str, ...] = (
    "Mohon ditindaklanjuti sesuai kewenangan.",
    "Laporan lengkap, sudah diverifikasi. Mohon tindak lanjut dan jawaban kepada pelapor.",
    "Pelapor sudah melengkapi keterangan. Mohon diprioritaskan.",
    "Identitas pelapor dirahasiakan; jangan sampaikan data pelapor kepada pihak terlapor.",
)

VERIFIER_NOTES: tuple[str, ...] = (
    "Cek duplikasi: tidak ada laporan serupa dalam 30 hari terakhir.",
    "Ada laporan lain tentang pihak yang sama bulan lalu, sudah ditangani unit. Perlu perhatian.",
    "Pelapor menelepon call center menanyakan perkembangan. Sudah dijelaskan tahapannya.",
    "Lampiran yang disebut pelapor belum ada; tetap diproses karena uraiannya cukup jelas.",
)

UNIT_NOTES: dict[str, tuple[str, ...]] = {
    "pusdatin": (
        "Kendala terkonfirmasi di log aplikasi. Tiket perbaikan sudah dibuat untuk tim pengembang.",
        "Data akun sudah dicocokkan dengan Dukcapil.",
        "Perbaikan sudah dipasang di server uji, menunggu jadwal rilis.",
    ),
    "itjen": (
        "Telaah awal selesai: ada bukti permulaan yang cukup. Usul klarifikasi kepada terlapor.",
        "Klarifikasi terlapor dijadwalkan; surat tugas sudah terbit.",
        "Permintaan dokumen ke unit terkait sudah dikirim.",
        "Dua saksi sudah dimintai keterangan. Keterangan saling menguatkan.",
        "Nilai dugaan kerugian di bawah Rp1 miliar; tidak perlu koordinasi dengan KPK.",
        "Draf laporan hasil pemeriksaan selesai, menunggu reviu Inspektur.",
    ),
    "umum": (
        "Sudah koordinasi dengan pengawas ketenagakerjaan provinsi; jadwal pemeriksaan minggu depan.",
        "Surat panggilan klarifikasi sudah dikirim ke perusahaan.",
        "Perusahaan hadir klarifikasi, mengakui sebagian. Menunggu bukti pemenuhan hak pekerja.",
        "Menunggu laporan hasil pemeriksaan dari pengawas.",
        "Perusahaan minta waktu dua minggu untuk melengkapi dokumen.",
        "Konsultasi dengan bagian hukum soal dasar aturan sebelum menjawab pelapor.",
    ),
}

INTERIM_REPLIES: tuple[str, ...] = (
    "Yth. Pelapor, laporan Saudara sedang kami tindak lanjuti. Kami sudah menjadwalkan klarifikasi dengan pihak terkait dan akan menyampaikan hasilnya melalui laporan ini.",
    "Terima kasih atas kesabaran Saudara. Pemeriksaan masih berlangsung; jawaban akan kami sampaikan sebelum batas waktu penyelesaian.",
    "Kami sudah menerima keterangan tambahan dari Saudara. Terima kasih, keterangan tersebut sangat membantu.",
)

REPORTER_FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "digital": (
        "Sudah dicoba lagi tapi masih sama, min.",
        "Selamat pagi, apakah sudah ada perkembangan? Saya masih belum bisa masuk.",
    ),
    "umum": (
        "Selamat siang, bagaimana perkembangan laporan saya? Terima kasih.",
        "pak bu udh ada kabar blm? di tempat kerja blm ada perubahan apa2",
        "Mohon maaf mengganggu, saya mau menambahkan: minggu ini ada dua orang lagi yang mengalami hal yang sama.",
        "Apakah identitas saya aman? Saya khawatir ketahuan.",
    ),
}

CORRECTED_NOTE = "Klasifikasi usulan sistem dikoreksi saat disposisi. Mohon ditangani unit."

# The second answer, after the reporter objected to the first.
ANSWERS_AFTER_OBJECTION: dict[str, tuple[str, ...]] = {
    "digital": (
        "Menindaklanjuti keberatan Saudara, kami memeriksa ulang akun Saudara dan menemukan penyebab kedua: data sesi lama masih tersimpan di server. Data tersebut sudah kami hapus dan akun Saudara sudah kami uji dapat dipakai masuk. Mohon maaf atas ketidaknyamanannya.",
        "Terima kasih atas keberatan Saudara. Setelah pemeriksaan ulang bersama tim pengembang, perbaikan tambahan sudah dipasang hari ini. Silakan coba kembali; bila masih gagal, mohon kirimkan tangkapan layar pesan kesalahannya.",
    ),
    "pengawasan": (
        "Menindaklanjuti keberatan Saudara, Inspektorat Jenderal melakukan pemeriksaan lanjutan dengan meminta keterangan saksi tambahan dan memeriksa dokumen pendukung. Hasilnya memperkuat dugaan dalam laporan Saudara; rekomendasi sanksi telah disampaikan kepada pejabat yang berwenang. Identitas Saudara tetap dirahasiakan.",
    ),
    "umum": (
        "Menindaklanjuti keberatan Saudara, pengawas ketenagakerjaan melakukan pemeriksaan ulang langsung ke lokasi dan meminta keterangan beberapa pekerja tanpa kehadiran manajemen. Hasil pemeriksaan ulang dituangkan dalam nota pemeriksaan kedua dengan batas waktu pemenuhan 7 hari. Bila sampai batas itu belum dipenuhi, perkara dilanjutkan ke penyidikan.",
        "Terima kasih atas keberatan Saudara. Kami telah memanggil kembali pihak terkait bersama perwakilan pelapor. Hak yang belum dipenuhi telah disepakati untuk diselesaikan dalam dua minggu, dengan bukti penyelesaian diserahkan kepada kami. Kami juga mengingatkan bahwa tindakan balasan terhadap pelapor dilarang.",
    ),
}

OBJECTIONS: dict[str, tuple[str, ...]] = {
    "digital": (
        "Akun saya masih tidak bisa dipakai, pesan kesalahan yang sama masih muncul.",
        "Sudah saya coba sesuai petunjuk tapi tetap gagal. Mohon dicek lagi.",
    ),
    "umum": (
        "Saya keberatan. Jawaban bilang perusahaan sudah memenuhi kewajibannya, tapi sampai hari ini kami belum menerima apa-apa.",
        "jawabannya gk sesuai sama yg sy laporin. sy minta diperiksa langsung ke lokasi, bukan cuma nanya ke HRD",
        "Saya tidak puas karena pemeriksaan hanya berdasarkan keterangan satu pihak. Kami yang mengalami tidak ada yang ditanya.",
        "Masalahnya belum selesai. Setelah pemeriksaan, kami yang dianggap melapor malah diancam.",
    ),
}

RATING_COMMENTS: dict[int, tuple[str, ...]] = {
    5: (
        "Terima kasih banyak, masalah saya selesai.",
        "Cepat dan jelas, mantap.",
        "Alhamdulillah sudah beres. Terima kasih bapak ibu.",
        "Petugasnya sopan dan jawabannya jelas.",
        "",
    ),
    4: ("Sudah terbantu, tapi prosesnya agak lama.", "Terima kasih, semoga tidak terulang lagi.", ""),
    3: ("Lumayan, tapi belum semua yang saya laporkan ditindaklanjuti.", ""),
    2: ("Jawabannya terlalu umum, masalah belum benar-benar selesai.", "Terlalu lama."),
    1: ("Tidak ada perubahan apa pun.", "Kecewa, laporan saya seperti tidak dibaca."),
}

CLOSE_NOTES: tuple[str, ...] = (
    "Pelapor menyatakan puas. Laporan ditutup.",
    "Tindak lanjut selesai dan sudah dijawab. Ditutup.",
    "",
)

AUTO_CLOSE_NOTE = "Ditutup otomatis: tidak ada tanggapan pelapor 10 hari kerja setelah jawaban."

LEADERSHIP_CLOSE_NOTES: tuple[str, ...] = (
    "Disetujui untuk ditutup. Rekomendasi dipantau melalui pemantauan tindak lanjut.",
    "Laporan hasil pemeriksaan sudah direviu. Setuju ditutup.",
    "Setuju ditutup; tindak lanjut sanksi dilaporkan dalam rapat pimpinan bulan depan.",
)

FORWARD_REASONS: dict[str, tuple[str, ...]] = {
    "bpjs_ketenagakerjaan": (
        "Yth. Pelapor, klaim manfaat jaminan sosial (JHT, JKK, JKM, JKP) dilayani langsung oleh BPJS Ketenagakerjaan. Laporan Saudara telah kami alihkan ke BPJS Ketenagakerjaan dengan permintaan agar ditangani segera. Saudara juga dapat menghubungi layanan pengaduan BPJS Ketenagakerjaan dengan menyebutkan nomor rujukan pengalihan.",
        "Laporan Saudara menyangkut layanan klaim di BPJS Ketenagakerjaan, sehingga kami alihkan ke BPJS Ketenagakerjaan yang berwenang. Kami meminta agar hasil penanganannya disampaikan juga kepada kami.",
    ),
    "kp2mi": (
        "Yth. Pelapor, perlindungan pekerja migran Indonesia dan pengawasan perusahaan penempatannya menjadi kewenangan Kementerian Pelindungan Pekerja Migran Indonesia (KP2MI). Laporan Saudara sudah kami alihkan ke KP2MI untuk ditangani segera, termasuk koordinasi dengan perwakilan RI di negara penempatan.",
        "Laporan Saudara kami alihkan ke KP2MI yang berwenang menangani pekerja migran dan perusahaan penempatannya. Saudara juga dapat menghubungi posko pengaduan KP2MI dengan menyebut nomor rujukan pengalihan.",
    ),
    "pemda": (
        "Yth. Pelapor, laporan Saudara menyangkut layanan atau aparat pemerintah daerah, sehingga kami alihkan ke pemerintah daerah setempat (dinas tenaga kerja dan inspektorat daerah) yang berwenang. Kami meminta agar tindak lanjutnya dilaporkan kembali kepada kami.",
        "Laporan Saudara kami alihkan ke inspektorat daerah setempat karena pihak yang dilaporkan adalah pegawai pemerintah daerah. Inspektorat Jenderal akan memantau penanganannya.",
    ),
    "lembaga_lain": (
        "Yth. Pelapor, karena Saudara meminta proses pidana atas dugaan penipuan, laporan ini kami alihkan ke kepolisian. Mohon siapkan bukti transfer dan percakapan untuk pemeriksaan. Kementerian juga akan mengumumkan peringatan agar tidak ada korban lain.",
        "Laporan Saudara berada di luar kewenangan Kementerian Ketenagakerjaan dan telah kami alihkan ke lembaga yang berwenang menanganinya.",
        "Program yang Saudara laporkan dikelola oleh lembaga lain, sehingga laporan Saudara kami alihkan kepada pengelola program tersebut.",
    ),
}

# What the reporter reads when a report is archived ("" = no message), by reason code.
ARCHIVE_NOTES: dict[str, tuple[str, ...]] = {
    "spam": ("",),
    "duplicate": (
        "Yth. Pelapor, laporan ini sama dengan laporan lain yang sudah kami terima dan sedang ditangani. Tindak lanjutnya dilakukan melalui laporan tersebut.",
    ),
    "incomplete": (
        "Laporan ini kami arsipkan karena keterangan yang kami minta belum diterima sampai batas waktu. Saudara dapat mengirim laporan baru dengan keterangan yang lengkap.",
    ),
    "not_a_complaint": (
        "Terima kasih atas pesan Saudara. Pesan ini kami catat sebagai ucapan, bukan pengaduan.",
    ),
    "out_of_scope": (
        "Yth. Pelapor, hal yang Saudara sampaikan tidak berkaitan dengan ketenagakerjaan dan tidak dapat kami alihkan. Silakan menghubungi instansi setempat yang berwenang.",
    ),
}

DUPLICATE_NOTE = "Duplikat dari {other}; ditangani di laporan itu."
