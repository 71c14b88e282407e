/**
 * Demo city: seeds Kota Astina (kecamatan, kelurahan with boundaries, RW/RT, OPD, categories, staff
 * accounts and a few hundred reports with their history) into an empty database when
 * {@code balai.demo.enabled=true}, so that a new installation has something to show and try. It writes
 * only through the other modules' public APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package id.balai.demo;
