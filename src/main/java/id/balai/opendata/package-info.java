/**
 * Open data: the catalogue of datasets with their metadata, their files as CSV and JSON, pages for people at
 * {@code /data}, and a read API at CKAN's own paths ({@code /api/3/action/package_list}, {@code package_show},
 * {@code package_search}, {@code organization_list}) so that Satu Data portals and CKAN clients can harvest it.
 * The report statistics ({@link id.balai.reports.ReportStatistics}) are a dataset refreshed daily.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open data")
package id.balai.opendata;
