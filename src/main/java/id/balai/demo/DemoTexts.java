package id.balai.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the people of Kota Astina write: report texts built from a few sentences per category and a
 * street, and what the OPD answer. Placeholders: {jalan} street, {tempat} landmark, {kel} kelurahan,
 * {n} a small number.
 */
final class DemoTexts {

    private DemoTexts() {}

    static final List<String> STREETS = List.of("Jl. Pemuda", "Jl. Gatot Subroto", "Jl. Diponegoro", "Jl. Jenderal Sudirman",
            "Jl. Ahmad Yani", "Jl. Pahlawan", "Jl. Kartini", "Jl. Veteran", "Jl. Mataram", "Jl. Majapahit", "Jl. Imam Bonjol",
            "Jl. Dr. Cipto", "Jl. Wahid Hasyim", "Jl. Pandanaran", "Jl. Sriwijaya", "Jl. Kelud Raya", "Jl. Merbabu", "Jl. Lawu",
            "Jl. Kenanga", "Jl. Flamboyan", "Gg. Mawar", "Gg. Melati", "Jl. Sawo Kecik", "Jl. Tentara Pelajar");

    static final List<String> LANDMARKS = List.of("depan SD Negeri 2", "dekat Masjid Al-Ikhlas", "samping pasar", "depan Puskesmas",
            "di pertigaan dekat minimarket", "belakang kantor kelurahan", "dekat jembatan", "depan gereja", "samping lapangan voli",
            "dekat pos kamling", "seberang SMP Negeri 5", "di tikungan dekat bengkel", "depan balai warga");

    static final List<String> CLOSINGS = List.of("Mohon segera ditindaklanjuti.", "Terima kasih.", "Tolong dicek, Pak/Bu.",
            "Mohon bantuannya.", "Semoga cepat ditangani.", "");

    /** Sentences of a category: {@code openings} describe the problem, {@code details} add to it. */
    record Sentences(List<String> openings, List<String> details) {}

    static final Map<String, Sentences> REPORTS = Map.ofEntries(
            Map.entry("banjir", new Sentences(List.of(
                    "Banjir setinggi kurang lebih {n}0 cm di {jalan} {tempat}.",
                    "Jalan di {jalan} tergenang banjir sejak tadi malam.",
                    "Air sungai meluap ke permukiman warga {kel}, {jalan} {tempat}."), List.of(
                    "Air belum surut dan motor tidak bisa lewat.",
                    "Saluran di sekitar sini selalu meluap setiap hujan deras.",
                    "Warga lansia kesulitan keluar rumah.",
                    "Anak-anak tidak bisa berangkat sekolah."))),
            Map.entry("sampah", new Sentences(List.of(
                    "Tumpukan sampah di {jalan} {tempat} sudah {n} hari tidak diangkut.",
                    "TPS di {jalan} penuh, sampah meluber sampai ke badan jalan.",
                    "Warga membuang sampah sembarangan di lahan kosong {jalan} {tempat}."), List.of(
                    "Baunya menyengat dan banyak lalat.",
                    "Dekat dengan warung makan dan sekolah.",
                    "Kalau hujan, sampah terbawa ke saluran.",
                    "Mohon dipasang papan larangan membuang sampah."))),
            Map.entry("jalan-rusak", new Sentences(List.of(
                    "Jalan berlubang cukup dalam di {jalan} {tempat}.",
                    "Aspal di {jalan} mengelupas sepanjang kurang lebih {n}0 meter.",
                    "Ada jalan amblas di {jalan} {tempat}."), List.of(
                    "Sudah ada pengendara motor yang jatuh minggu ini.",
                    "Saat hujan lubang tertutup air sehingga tidak terlihat.",
                    "Truk sering lewat sehingga lubang makin lebar.",
                    "Warga sudah menandai dengan ban bekas supaya pengendara waspada."))),
            Map.entry("parkir-liar", new Sentences(List.of(
                    "Banyak mobil parkir di bahu jalan {jalan} {tempat} sehingga jalan menyempit.",
                    "Trotoar di {jalan} dipakai untuk parkir motor.",
                    "Ada juru parkir liar di {jalan} {tempat}."), List.of(
                    "Tarif parkir Rp5.000 tanpa karcis.",
                    "Macet parah setiap sore jam pulang kantor.",
                    "Pejalan kaki terpaksa berjalan di badan jalan.",
                    "Ambulans pernah tertahan di sini."))),
            Map.entry("lampu-jalan", new Sentences(List.of(
                    "Lampu penerangan jalan di {jalan} {tempat} mati sudah {n} malam.",
                    "Ada {n} tiang lampu PJU di {jalan} yang tidak menyala.",
                    "Lampu jalan di {jalan} berkedip-kedip lalu padam."), List.of(
                    "Jalan menjadi sangat gelap dan rawan kejahatan.",
                    "Sudah pernah ada penjambretan di sini.",
                    "Warga yang pulang kerja malam merasa tidak aman.",
                    "Kabelnya terlihat menjuntai dari tiang."))),
            Map.entry("pohon-tumbang", new Sentences(List.of(
                    "Pohon besar tumbang menutup sebagian {jalan} {tempat} setelah hujan angin.",
                    "Dahan pohon patah dan menggantung di atas {jalan}.",
                    "Pohon angsana di pinggir {jalan} sudah miring dan rawan roboh."), List.of(
                    "Dahan menimpa kabel listrik, mohon segera dipotong.",
                    "Kendaraan harus bergantian lewat.",
                    "Akarnya sudah mengangkat trotoar.",
                    "Warga khawatir karena musim hujan sudah mulai."))),
            Map.entry("kebakaran", new Sentences(List.of(
                    "Ada kebakaran di rumah warga {jalan} {tempat}, asap tebal terlihat.",
                    "Lahan kosong di {jalan} terbakar dan api mendekati permukiman.",
                    "Kios di {jalan} {tempat} terbakar."), List.of(
                    "Warga sudah berusaha memadamkan dengan air seadanya.",
                    "Diduga karena korsleting listrik.",
                    "Angin cukup kencang, api cepat membesar.",
                    "Belum ada petugas di lokasi."))),
            Map.entry("saluran", new Sentences(List.of(
                    "Saluran air di {jalan} {tempat} tersumbat sampah dan lumpur.",
                    "Gorong-gorong di {jalan} tertutup sedimen.",
                    "Selokan di {jalan} mampet dan airnya hitam."), List.of(
                    "Air menggenang dan berbau setiap kali hujan.",
                    "Banyak jentik nyamuk di genangan.",
                    "Mohon dinormalisasi sebelum puncak musim hujan.",
                    "Penutup saluran juga ada yang jebol."))),
            Map.entry("ketertiban", new Sentences(List.of(
                    "Pedagang kaki lima berjualan di trotoar {jalan} {tempat}.",
                    "Lapak-lapak di {jalan} berdiri sampai ke badan jalan.",
                    "Ada pengamen dan manusia silver di perempatan {jalan}."), List.of(
                    "Pejalan kaki harus turun ke jalan.",
                    "Lapak ditinggal malam hari dan meninggalkan sampah.",
                    "Mengganggu pengendara saat lampu merah.",
                    "Sudah berlangsung berbulan-bulan."))),
            Map.entry("kesehatan", new Sentences(List.of(
                    "Antrean di Puskesmas {kel} sangat panjang, pendaftaran dibuka terlambat.",
                    "Banyak jentik nyamuk di genangan dekat {jalan}, {n} warga terkena DBD.",
                    "Toilet di Pustu {kel} rusak dan kotor."), List.of(
                    "Mohon dilakukan fogging.",
                    "Pasien lansia menunggu berjam-jam.",
                    "Petugas jaga hanya satu orang.",
                    "Air bersih di sana juga sering mati."))),
            Map.entry("lainnya", new Sentences(List.of(
                    "Papan nama jalan di {jalan} {tempat} roboh.",
                    "Ada anjing liar berkeliaran di {jalan} {tempat}.",
                    "Suara musik keras dari tempat hiburan di {jalan} sampai lewat tengah malam.",
                    "Wifi gratis di taman {kel} tidak bisa dipakai."), List.of(
                    "Pengunjung jadi bingung mencari alamat.",
                    "Seorang anak sempat dikejar.",
                    "Warga sekitar tidak bisa istirahat.",
                    "Sudah lebih dari seminggu."))));

    /** Messages the desk rejects: not reports at all. */
    static final List<String> SPAM = List.of("Promo pinjaman online cepat cair tanpa jaminan, hubungi admin kami sekarang juga!",
            "Dijual tanah kavling murah dekat {jalan}, sertifikat SHM, bisa dicicil. Minat hubungi kami.");

    static final List<String> QUESTIONS = List.of("Mau tanya, pembuatan KTP elektronik di kantor kelurahan {kel} buka hari apa saja?",
            "Apakah pendaftaran sekolah negeri tahun ini sudah dibuka? Di mana informasinya?",
            "Bagaimana cara mengurus surat pindah domisili ke {kel}?");

    /** Which OPD the desk picks for a "lainnya" report, by the index of its opening sentence. */
    static final List<String> OTHER_AGENCIES = List.of("DISHUB", "DLH", "SATPOLPP", "DISKOMINFO");

    /** What the OPD writes when it resolves a report of the category (public). */
    static final Map<String, List<String>> RESOLUTIONS = Map.ofEntries(
            Map.entry("banjir", List.of("Tim BPBD sudah menyedot genangan bersama warga dan membersihkan saluran. Air sudah surut.",
                    "Pompa portabel sudah dioperasikan; genangan surut. Kami koordinasikan dengan DPUPR untuk normalisasi saluran.")),
            Map.entry("sampah", List.of("Sampah sudah diangkut oleh armada DLH. Terima kasih atas laporannya.",
                    "Sampah sudah dibersihkan dan papan larangan membuang sampah sudah dipasang.")),
            Map.entry("jalan-rusak", List.of("Lubang sudah ditambal dengan aspal oleh tim UPT Jalan DPUPR.",
                    "Perbaikan sementara sudah dilakukan; perbaikan permanen masuk jadwal pemeliharaan bulan depan.")),
            Map.entry("parkir-liar", List.of("Petugas Dishub sudah melakukan penertiban dan memasang rambu larangan parkir.",
                    "Juru parkir liar sudah dibina dan kendaraan di bahu jalan sudah ditertibkan.")),
            Map.entry("lampu-jalan", List.of("Lampu PJU sudah diganti dengan lampu LED baru dan menyala kembali.",
                    "Kabel yang putus sudah disambung; lampu jalan sudah menyala.")),
            Map.entry("pohon-tumbang", List.of("Pohon sudah dipotong dan dibersihkan dari badan jalan.",
                    "Dahan yang membahayakan sudah dipangkas.")),
            Map.entry("kebakaran", List.of("Api sudah dipadamkan oleh regu Damkar. Tidak ada korban jiwa.",
                    "Kebakaran sudah padam dan lokasi sudah didinginkan. Warga diimbau memeriksa instalasi listrik.")),
            Map.entry("saluran", List.of("Saluran sudah dinormalisasi dan sedimen sudah diangkut.",
                    "Sumbatan gorong-gorong sudah dibersihkan; penutup saluran yang jebol sudah diganti.")),
            Map.entry("ketertiban", List.of("Satpol PP sudah melakukan penertiban dan pembinaan kepada para pedagang.",
                    "Lapak yang memakan badan jalan sudah dipindahkan ke lokasi relokasi.")),
            Map.entry("kesehatan", List.of("Dinkes sudah berkoordinasi dengan Puskesmas; jam pendaftaran sudah diperbaiki.",
                    "Fogging dan pemberantasan sarang nyamuk sudah dilakukan bersama kader jumantik.")),
            Map.entry("lainnya", List.of("Sudah ditindaklanjuti oleh petugas di lapangan. Terima kasih.",
                    "Masalah sudah ditangani; kami akan memantau lokasi ini secara berkala.")));

    static final List<String> PROGRESS_NOTES = List.of("Petugas sudah dijadwalkan ke lokasi.",
            "Laporan sudah kami terima dan sedang kami tindak lanjuti.", "Tim sudah meninjau lokasi; pengerjaan dijadwalkan minggu ini.",
            "Menunggu ketersediaan alat dan material; mohon kesabarannya.");

    static final List<String> INTERNAL_NOTES = List.of("Sudah koordinasi dengan lurah setempat.", "Perlu alat berat, diajukan ke bidang sarpras.",
            "Lokasi sama dengan laporan bulan lalu, mohon dicek ulang pekerjaan sebelumnya.", "Anggaran pemeliharaan triwulan ini tersedia.");

    static final List<String> LURAH_NOTES = List.of("Sudah kami sampaikan ke ketua RW setempat.",
            "Warga sekitar siap membantu kerja bakti.", "Lokasi ini memang sering dikeluhkan warga dalam musrenbang.");

    static final List<String> REOPEN_REASONS = List.of("Masih belum beres, hanya sebagian yang dikerjakan.",
            "Setelah hujan kemarin masalahnya muncul lagi.", "Petugas datang tapi belum ada perbaikan.",
            "Hanya bertahan dua hari lalu rusak lagi.");

    static final List<String> HAND_BACK_REASONS = List.of("Bukan kewenangan kami. Mohon didisposisikan ke OPD yang membidangi.",
            "Lokasi dan jenis masalah ini di luar tugas pokok kami; mohon diteruskan ke OPD terkait.");

    static final Map<Integer, List<String>> RATING_COMMENTS = Map.of(
            5, List.of("Cepat sekali, terima kasih!", "Mantap, petugasnya ramah.", ""),
            4, List.of("Sudah beres, walau agak lama.", "Terima kasih, semoga dirawat terus.", ""),
            3, List.of("Lumayan, tapi sempat menunggu lama.", ""),
            2, List.of("Penanganannya lama sekali.", "Hasilnya kurang rapi."),
            1, List.of("Tidak ada perubahan berarti.", "Kecewa, laporan saya sempat diabaikan."));

    static final List<String> REPORTER_NAMES = List.of("Budi Santoso", "Siti Aminah", "Dewi Lestari", "Agus Prasetyo", "Sri Wahyuni",
            "Joko Susilo", "Rina Marlina", "Hendra Gunawan", "Yuni Astuti", "Slamet Riyadi", "Wahyu Hidayat", "Nur Aini", "Eko Purnomo",
            "Retno Handayani", "Bagus Saputro", "Lestari Ningsih");

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    static String fill(String template, String street, String landmark, String kelurahan, Random random) {
        return template.replace("{jalan}", street).replace("{tempat}", landmark).replace("{kel}", kelurahan)
                .replace("{n}", String.valueOf(2 + random.nextInt(6)));
    }
}
