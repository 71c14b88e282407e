package id.balai.organisation;

/** Levels of Indonesian local administration, largest first. */
public enum RegionLevel { KOTA, KECAMATAN, KELURAHAN, RW, RT }
