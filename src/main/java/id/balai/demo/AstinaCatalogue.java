package id.balai.demo;

import id.balai.identity.StaffRole;
import id.balai.reports.CatalogueAdmin.QuestionKind;
import java.util.List;

/** Kota Astina's OPD, report categories, routing exceptions, reply templates and staff: plain data. */
final class AstinaCatalogue {

    private AstinaCatalogue() {}

    record AgencyDef(String code, String shortName, String name) {}

    static final List<AgencyDef> AGENCIES = List.of(
            new AgencyDef("DPUPR", "DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"),
            new AgencyDef("DLH", "DLH", "Dinas Lingkungan Hidup"),
            new AgencyDef("BPBD", "BPBD", "Badan Penanggulangan Bencana Daerah"),
            new AgencyDef("SATPOLPP", "Satpol PP", "Satuan Polisi Pamong Praja"),
            new AgencyDef("DISHUB", "Dishub", "Dinas Perhubungan"),
            new AgencyDef("DAMKAR", "Damkar", "Dinas Pemadam Kebakaran dan Penyelamatan"),
            new AgencyDef("DINKES", "Dinkes", "Dinas Kesehatan"),
            new AgencyDef("DISKOMINFO", "Diskominfo", "Dinas Komunikasi dan Informatika"),
            new AgencyDef("DPRKP", "Perkim", "Dinas Perumahan Rakyat dan Kawasan Permukiman"));

    record QuestionDef(String code, String labelId, String labelEn, QuestionKind kind, boolean required, List<String> choices) {}

    /**
     * A category; {@code agencyCode} null means the complaint desk routes by hand. {@code weight} is how
     * common such reports are in the demo; {@code twentyFourHours} marks OPD that work round the clock.
     */
    record CategoryDef(String code, String nameId, String nameEn, String hashtag, String icon, String agencyCode,
            boolean emergency, int verifyDays, int followUpDays, int autoCloseDays, int weight, boolean twentyFourHours,
            List<QuestionDef> questions) {}

    static final List<CategoryDef> CATEGORIES = List.of(
            new CategoryDef("banjir", "Banjir", "Flood", "#banjirastina", "water", "BPBD", false, 3, 5, 10, 10, true, List.of(
                    new QuestionDef("kedalaman", "Kedalaman air (cm)", "Water depth (cm)", QuestionKind.NUMBER, true, List.of()),
                    new QuestionDef("masuk_rumah", "Air masuk rumah?", "Is water entering homes?", QuestionKind.CHOICE, false, List.of("Ya", "Tidak")))),
            new CategoryDef("sampah", "Sampah", "Rubbish", "#sampahastina", "trash", "DLH", false, 3, 5, 10, 18, false, List.of()),
            new CategoryDef("jalan-rusak", "Jalan rusak", "Damaged road", "#jalanrusakastina", "road", "DPUPR", false, 3, 5, 10, 16, false, List.of(
                    new QuestionDef("ukuran", "Ukuran kerusakan", "Size of the damage", QuestionKind.CHOICE, false, List.of("Kecil", "Sedang", "Besar")))),
            new CategoryDef("parkir-liar", "Parkir liar", "Illegal parking", "#parkirliarastina", "parking", "DISHUB", false, 3, 5, 10, 8, false, List.of()),
            new CategoryDef("lampu-jalan", "Lampu jalan mati", "Street light out", "#lampuastina", "lamp", "DPRKP", false, 3, 5, 10, 10, false, List.of(
                    new QuestionDef("nomor_tiang", "Nomor tiang (jika terlihat)", "Pole number (if visible)", QuestionKind.TEXT, false, List.of()))),
            new CategoryDef("pohon-tumbang", "Pohon tumbang", "Fallen tree", "#pohonastina", "tree", "DLH", false, 3, 5, 10, 6, false, List.of(
                    new QuestionDef("waktu_tumbang", "Kapan pohon tumbang?", "When did the tree fall?", QuestionKind.DATETIME, false, List.of()))),
            new CategoryDef("kebakaran", "Kebakaran", "Fire", "#kebakaranastina", "fire", "DAMKAR", true, 1, 1, 10, 4, true, List.of()),
            new CategoryDef("saluran", "Drainase/saluran tersumbat", "Blocked drain", "#saluranastina", "drain", "DPUPR", false, 3, 5, 10, 9, false, List.of(
                    new QuestionDef("akibat", "Akibatnya (boleh lebih dari satu)", "What it causes (one or more)", QuestionKind.MULTI_CHOICE, false,
                            List.of("Air meluap ke jalan", "Bau tidak sedap", "Sarang nyamuk")))),
            new CategoryDef("ketertiban", "Pedagang kaki lima / ketertiban", "Street vendors / public order", "#tertibastina", "shield", "SATPOLPP", false, 3, 5, 10, 8, false, List.of()),
            new CategoryDef("kesehatan", "Fasilitas kesehatan", "Health facilities", "#kesehatanastina", "health", "DINKES", false, 3, 5, 10, 5, false, List.of(
                    new QuestionDef("fasilitas", "Nama fasilitas dan keterangan", "Name of the facility, and details", QuestionKind.LONG_TEXT, false, List.of()))),
            new CategoryDef("lainnya", "Lainnya", "Other", "#lainnyaastina", "other", null, false, 3, 5, 10, 6, false, List.of()));

    /** A category in a kelurahan that another OPD than the default looks after. */
    record RoutingRuleDef(String categoryCode, String kelurahanCode, String agencyCode) {}

    static final List<RoutingRuleDef> ROUTING_RULES = List.of(
            // Tegalsari lies along the river: rubbish there is river rubbish, cleared by DPUPR's water resources team.
            new RoutingRuleDef("sampah", "33.77.02.1001", "DPUPR"),
            // Kebonagung's boulevard trees are city park (RTH) trees, looked after by Perkim's parks team.
            new RoutingRuleDef("pohon-tumbang", "33.77.01.1003", "DPRKP"));

    record TemplateDef(String agencyCode, String title, String body) {}

    static final List<TemplateDef> TEMPLATES = List.of(
            new TemplateDef(null, "Laporan sedang ditindaklanjuti", "Terima kasih, laporan Anda sudah kami terima dan sedang kami tindak lanjuti."),
            new TemplateDef(null, "Petugas dijadwalkan", "Petugas sudah dijadwalkan ke lokasi. Perkembangannya akan kami kabarkan di halaman laporan ini."),
            new TemplateDef(null, "Mohon keterangan tambahan", "Mohon lengkapi patokan lokasi atau foto agar petugas dapat menemukan titik yang dimaksud."),
            new TemplateDef(null, "Selesai ditangani", "Laporan sudah selesai ditangani. Jika masalah belum teratasi, silakan buka kembali laporan ini."),
            new TemplateDef(null, "Diteruskan ke instansi lain", "Lokasi ini menjadi kewenangan instansi lain; laporan sudah kami teruskan kepada yang berwenang."),
            new TemplateDef("DLH", "Jadwal angkut sampah", "Armada pengangkut sampah DLH dijadwalkan mengangkut sampah di lokasi ini pada pagi hari berikutnya."),
            new TemplateDef("DPUPR", "Penambalan jalan", "Tim UPT Jalan DPUPR akan melakukan penambalan sementara; perbaikan permanen masuk jadwal pemeliharaan berkala."),
            new TemplateDef("BPBD", "Tim reaksi cepat berangkat", "Tim Reaksi Cepat BPBD sudah diberangkatkan. Utamakan keselamatan dan jauhi aliran air yang deras."),
            new TemplateDef("DAMKAR", "Unit pemadam berangkat", "Unit pemadam sudah diberangkatkan. Mohon jauhi lokasi dan beri jalan bagi kendaraan Damkar."),
            new TemplateDef("DISHUB", "Penertiban parkir", "Petugas Dishub akan melakukan penertiban parkir di lokasi ini pada jam sibuk."));

    /** A demo staff account; e-mail addresses use the reserved {@code .example} domain so no mail can reach anybody. */
    record AccountDef(String username, String fullName, StaffRole role, String agencyCode, String regionCode, boolean agencyHead) {

        String email() {
            return username + "@astina.example";
        }
    }

    /** Lurah accounts: {@code lurah.<slug>} for these kelurahan. */
    static final List<String> LURAH_KELURAHAN = List.of("33.77.01.1001", "33.77.02.1001");

    static List<AccountDef> fixedAccounts() {
        return List.of(
                new AccountDef("admin", "Rina Kusumawati", StaffRole.CITY_ADMIN, null, null, false),
                new AccountDef("koordinator", "Agus Setiawan", StaffRole.COORDINATOR, null, null, false),
                new AccountDef("dpupr", "Ir. Bambang Suryanto", StaffRole.AGENCY_ADMIN, "DPUPR", null, true),
                new AccountDef("dlh", "Sri Rahayu", StaffRole.AGENCY_ADMIN, "DLH", null, true),
                new AccountDef("bpbd", "Heru Prasetyo", StaffRole.AGENCY_ADMIN, "BPBD", null, true),
                new AccountDef("satpolpp", "Slamet Widodo", StaffRole.AGENCY_ADMIN, "SATPOLPP", null, true),
                new AccountDef("dishub", "Teguh Santoso", StaffRole.AGENCY_ADMIN, "DISHUB", null, true),
                new AccountDef("damkar", "Yudi Kurniawan", StaffRole.AGENCY_ADMIN, "DAMKAR", null, true),
                new AccountDef("dinkes", "dr. Ratna Dewi", StaffRole.AGENCY_ADMIN, "DINKES", null, true),
                new AccountDef("diskominfo", "Andi Saputra", StaffRole.AGENCY_ADMIN, "DISKOMINFO", null, true),
                new AccountDef("dprkp", "Wulan Sari", StaffRole.AGENCY_ADMIN, "DPRKP", null, true),
                new AccountDef("petugas.dlh", "Sugeng Riyanto", StaffRole.FIELD_OFFICER, "DLH", null, false),
                new AccountDef("petugas.dpupr", "Darmanto", StaffRole.FIELD_OFFICER, "DPUPR", null, false),
                new AccountDef("walikota", "H. Suryo Wibowo", StaffRole.LEADER, null, null, false));
    }

    static final List<String> LURAH_NAMES = List.of("Hartono", "Siti Nurhayati");
}
