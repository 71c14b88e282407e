package id.balai.organisation;

/**
 * A place of the city. {@code code} is the Kemendagri code (e.g. {@code 33.77.01.1001}); RW and RT,
 * which Kemendagri does not number, extend their kelurahan's code ({@code …1001.003.002}).
 */
public record Region(String code, String name, RegionLevel level, String parentCode, String slug) {}
