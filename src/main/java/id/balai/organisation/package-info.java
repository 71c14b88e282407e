/**
 * Organisation: the places of the city (kota → kecamatan → kelurahan → RW → RT, keyed by Kemendagri
 * codes, with kelurahan boundaries) and its agencies (OPD). Other modules ask it which kelurahan a
 * point lies in and who an agency is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package id.balai.organisation;
