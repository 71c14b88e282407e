package id.balai.organisation;

/** An OPD (organisasi perangkat daerah): a city agency such as DPUPR, DLH or Satpol PP. */
public record Agency(long id, String code, String shortName, String name) {}
