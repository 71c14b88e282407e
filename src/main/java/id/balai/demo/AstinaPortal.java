package id.balai.demo;

import id.balai.identity.StaffDirectory;
import id.balai.identity.StaffRole;
import id.balai.organisation.GeoPoint;
import id.balai.organisation.Regions;
import id.balai.portal.ItemKind;
import id.balai.portal.SiteKind;
import id.balai.portal.SiteSetup;
import id.balai.portal.SiteSetup.NewItem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The demo city's websites: the city site with its pages, officials, news (one scheduled), programmes,
 * events, documents, forms, public services and tourism; a site per kelurahan with a profile, its lurah,
 * news and UMKM on the map; a site per OPD. The demo's lurah accounts edit their kelurahan's site and each
 * OPD's admins their OPD's site. All of it is made-up content.
 */
final class AstinaPortal {

    private static final String[][] UMKM = {
        {"Keripik Tempe Bu Sari", "kuliner", "Keripik tempe renyah, digoreng setiap pagi. Pesan lewat WhatsApp, bisa diantar.", "0812 2700 1101", "Setiap hari 07.00–17.00"},
        {"Batik Tulis Sekar Arum", "kerajinan", "Batik tulis motif kawung dan parang, kain dan kemeja. Menerima pesanan seragam.", "0813 2700 2202", "Senin–Sabtu 09.00–16.00"},
        {"Bengkel Las Maju Jaya", "jasa", "Pagar, kanopi dan teralis. Survei dan taksiran harga gratis.", "0857 2700 3303", "Senin–Sabtu 08.00–17.00"},
        {"Jamu Gendong Mbok Darmi", "kuliner", "Kunyit asam, beras kencur dan temulawak dari resep keluarga.", "0878 2700 4404", "Setiap hari 06.00–11.00"},
    };

    private final SiteSetup setup;
    private final Regions regions;
    private final StaffDirectory staff;
    private final ZoneId zone;
    private final Instant now;

    AstinaPortal(SiteSetup setup, Regions regions, StaffDirectory staff, ZoneId zone, Instant now) {
        this.setup = setup;
        this.regions = regions;
        this.staff = staff;
        this.zone = zone;
        this.now = now;
    }

    /** Seeds the sites; returns how many. */
    int seed(AstinaMap map, Map<String, Long> agencyIds) {
        seedCity();
        int sites = 1;
        int n = 0;
        for (AstinaMap.Kelurahan k : map.kelurahans()) {
            long site = setup.addSite(SiteKind.KELURAHAN, k.slug(), "Kelurahan " + k.name(),
                    "Kecamatan " + k.kecamatanName() + ", Kota Astina", k.code(), null);
            staff.byUsername("lurah." + k.slug()).ifPresent(l -> setup.addEditor(site, l.id()));
            seedKelurahan(site, k, n++);
            sites++;
        }
        for (AstinaCatalogue.AgencyDef a : AstinaCatalogue.AGENCIES) {
            long agencyId = agencyIds.get(a.code());
            long site = setup.addSite(SiteKind.OPD, a.code().toLowerCase(), a.name(), "Perangkat daerah Kota Astina", null, agencyId);
            staff.ofAgency(agencyId).stream().filter(s -> s.role() == StaffRole.AGENCY_ADMIN).forEach(s -> setup.addEditor(site, s.id()));
            setup.addItem(site, ItemKind.PAGE, NewItem.text("Tugas dan fungsi", "Apa yang dikerjakan " + a.shortName() + ".",
                    "## Tugas\n\n" + a.name() + " membantu Wali Kota Astina melaksanakan urusan pemerintahan di bidangnya.\n\n"
                            + "## Layanan\n\n- Menerima dan menindaklanjuti laporan warga yang diteruskan lewat Balai\n- Informasi program dan kegiatan\n",
                    ""));
            sites++;
        }
        return sites;
    }

    private void seedCity() {
        long city = setup.citySite();
        setup.describeCity("Kota Astina", "Kota yang melayani, warga yang peduli",
                "Balai Kota Astina, Jl. Slamet Riyadi No. 1, Astina\nTelepon (0271) 555 0100 · pengaduan@astinakota.go.id (data demo)");
        setup.addItem(city, ItemKind.PAGE, NewItem.text("Profil Kota Astina", "Sejarah singkat, wilayah dan penduduk.",
                "Kota Astina terletak di tepi Bengawan dan terbagi atas **4 kecamatan** dan **16 kelurahan**.\n\n"
                        + "## Sejarah\n\nAstina tumbuh dari pasar di persimpangan jalan dagang dan menjadi kota praja pada tahun 1950.\n\n"
                        + "## Penduduk\n\n| Kecamatan | Kelurahan |\n|---|---|\n| Utara | 4 |\n| Timur | 4 |\n| Selatan | 4 |\n| Barat | 4 |\n", ""));
        setup.addItem(city, ItemKind.PAGE, NewItem.text("Visi dan misi", "Visi dan misi Wali Kota 2025–2030.",
                "## Visi\n\nAstina yang melayani, bersih dan terbuka.\n\n## Misi\n\n1. Menjawab setiap laporan warga tepat waktu\n"
                        + "2. Membuka data anggaran dan kinerja OPD\n3. Menumbuhkan UMKM dan wisata kelurahan\n", ""));
        setup.addItem(city, ItemKind.OFFICIAL, new NewItem("Dr. Bambang Wiryawan", "", "Wali Kota Astina periode 2025–2030.", "Wali Kota",
                null, date(2025, 2, 20), date(2030, 2, 20), "", "", "", "", null, null, null, null));
        setup.addItem(city, ItemKind.OFFICIAL, new NewItem("Sri Rahayu, S.E.", "", "Wakil Wali Kota Astina periode 2025–2030.",
                "Wakil Wali Kota", null, date(2025, 2, 20), date(2030, 2, 20), "", "", "", "", null, null, null, null));
        setup.addItem(city, ItemKind.NEWS, new NewItem("Laporan warga kini bisa dilacak dari rumah",
                "Setiap laporan mendapat nomor lacak dan tenggat yang bisa dipantau.",
                "Mulai bulan ini warga Astina dapat melaporkan jalan rusak, sampah, lampu mati dan masalah lain lewat **Balai**. "
                        + "Setiap laporan diteruskan ke OPD yang bertanggung jawab dengan tenggat yang jelas.\n\n[Buat laporan](/laporan/baru)",
                "pengumuman", now.minus(Duration.ofDays(3)), null, null, "", "", "", "", null, null, null, null));
        setup.addItem(city, ItemKind.NEWS, new NewItem("APBD 2026 dibuka untuk warga", "Rincian anggaran per OPD kini bisa diunduh.",
                "Anggaran pendapatan dan belanja daerah dapat dilihat di halaman [APBD](/apbd) dan diunduh sebagai data terbuka.",
                "transparansi", now.minus(Duration.ofDays(10)), null, null, "", "", "", "", null, null, null, null));
        setup.addItem(city, ItemKind.NEWS, new NewItem("Jadwal pengangkutan sampah saat libur akhir tahun",
                "Jadwal baru berlaku mulai akhir Desember.", "Pengangkutan sampah tetap berjalan dengan jadwal yang disesuaikan.",
                "pengumuman", now.plus(Duration.ofDays(7)), null, null, "", "", "", "", null, null, null, null));
        setup.addItem(city, ItemKind.PROGRAMME, NewItem.text("Astina Terang", "Seribu lampu jalan tenaga surya di gang dan kampung.",
                "Program penerangan jalan lingkungan: lampu tenaga surya dipasang di gang yang dilaporkan gelap oleh warga.", "infrastruktur"));
        setup.addItem(city, ItemKind.PROGRAMME, NewItem.text("Kampung Bebas Sampah", "Bank sampah di setiap RW.",
                "Bank sampah RW menerima plastik dan kertas; hasilnya ditabung warga.", "lingkungan"));
        GeoPoint c = regions.centre();
        setup.addItem(city, ItemKind.EVENT, new NewItem("Musrenbang Kota Astina 2027", "Musyawarah perencanaan pembangunan tingkat kota.",
                "Warga dapat mengikuti musrenbang dan menyampaikan usulan lewat kelurahan.", "", null, now.plus(Duration.ofDays(14)),
                now.plus(Duration.ofDays(14)).plus(Duration.ofHours(4)), "Pendapa Balai Kota Astina", "", "", "", c.lat(), c.lon(), null, null));
        setup.addItem(city, ItemKind.EVENT, new NewItem("Festival UMKM Astina", "Tiga hari bazar produk UMKM kelurahan.",
                "Bazar, lomba kuliner dan pentas seni.", "", null, now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(32)),
                "Alun-alun Astina", "", "", "", c.lat() + 0.002, c.lon() - 0.002, null, null));
        setup.addItem(city, ItemKind.DOCUMENT, new NewItem("Rencana Pembangunan Jangka Menengah Daerah 2025–2030", "RPJMD Kota Astina (ringkasan).",
                "", "perencanaan", null, null, null, "", "", "", "", null, null, pdf("RPJMD Kota Astina 2025-2030 (data demo)"), "rpjmd-2025-2030.pdf"));
        setup.addItem(city, ItemKind.FORM, new NewItem("Formulir permohonan informasi publik", "Untuk meminta informasi publik ke PPID.",
                "", "PPID", null, null, null, "", "", "", "", null, null, pdf("Formulir permohonan informasi publik (data demo)"), "formulir-ppid.pdf"));
        String[][] services = {
            {"Polres Astina", "polisi", "Jl. Veteran 5", "110"},
            {"RSUD Astina", "rumah sakit", "Jl. Kolonel Sutarto 132", "(0271) 555 0119"},
            {"Puskesmas Astina Utara", "puskesmas", "Jl. Sumpah Pemuda 8", "(0271) 555 0120"},
            {"Kantor Pos Astina", "kantor pos", "Jl. Jenderal Sudirman 8", "(0271) 555 0121"},
            {"Bank Jateng Cabang Astina", "bank", "Jl. Slamet Riyadi 20", "(0271) 555 0122"},
            {"SMA Negeri 1 Astina", "sekolah", "Jl. Monginsidi 40", "(0271) 555 0123"},
        };
        for (int i = 0; i < services.length; i++) {
            String[] s = services[i];
            setup.addItem(city, ItemKind.SERVICE, NewItem.place(s[0], "", s[1], s[2], s[3], "", "Senin–Jumat 08.00–15.00",
                    c.lat() + 0.004 * Math.cos(i), c.lon() + 0.004 * Math.sin(i)));
        }
        setup.addItem(city, ItemKind.TOURISM, NewItem.place("Taman Balekambang", "Taman kota dengan danau dan rusa.", "taman",
                "Jl. Balekambang", "", "", "Setiap hari 06.00–18.00", c.lat() + 0.01, c.lon() - 0.006));
    }

    private void seedKelurahan(long site, AstinaMap.Kelurahan k, int n) {
        GeoPoint p = regions.centreOf(k.code()).orElse(regions.centre());
        setup.addItem(site, ItemKind.PAGE, NewItem.text("Profil Kelurahan " + k.name(), "Wilayah, penduduk dan kantor kelurahan.",
                "Kelurahan " + k.name() + " berada di Kecamatan " + k.kecamatanName() + ".\n\n## Kantor kelurahan\n\n"
                        + "Buka Senin–Jumat 08.00–15.00. Layanan surat pengantar, legalisasi dan pengaduan.", ""));
        setup.addItem(site, ItemKind.NEWS, new NewItem("Kerja bakti bersih saluran menjelang musim hujan",
                "Warga " + k.name() + " membersihkan saluran bersama petugas DLH.",
                "Kerja bakti diadakan Minggu pagi di setiap RW. Laporkan saluran tersumbat lewat tombol **Lapor**.", "kegiatan",
                now.minus(Duration.ofDays(2 + n % 5)), null, null, "", "", "", "", null, null, null, null));
        for (int i = 0; i < 2; i++) {
            String[] u = UMKM[(n + i) % UMKM.length];
            double angle = (n * 2 + i) * 1.3;
            setup.addItem(site, ItemKind.UMKM, NewItem.place(u[0], u[2], u[1], "RW 0" + (i + 1) + ", Kelurahan " + k.name(), "", u[3], u[4],
                    p.lat() + 0.0012 * Math.cos(angle), p.lon() + 0.0012 * Math.sin(angle)));
        }
        if (n % 4 == 0) {
            setup.addItem(site, ItemKind.TOURISM, NewItem.place("Kampung Batik " + k.name(), "Jalan-jalan di antara rumah pembatik.",
                    "wisata budaya", "Kelurahan " + k.name(), "", "", "Setiap hari 09.00–16.00", p.lat() - 0.001, p.lon() + 0.001));
        }
    }

    private Instant date(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay(zone).toInstant();
    }

    /** A one-page PDF with a line of text, its cross-reference table at the right offsets. */
    static byte[] pdf(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9 .,()/-]", "-");
        String stream = "BT /F1 14 Tf 72 760 Td (" + safe + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.length();
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) out.append(String.format("%010d 00000 n \n", o));
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
