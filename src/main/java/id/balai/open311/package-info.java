/**
 * Open311 GeoReport v2: the API that cities' and partners' systems (FixMyStreet installs, provincial
 * systems, civic apps) speak to file reports into Balai and read them back, in XML and JSON, under
 * {@code /open311/v2/}. Services are the report categories ({@link id.balai.reports.ReportCatalogue});
 * their extra questions are the service definitions' attributes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311 API")
package id.balai.open311;
