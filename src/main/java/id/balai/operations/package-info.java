/**
 * Operations: what the city's IT staff need to keep Balai safe. Online backups of the database and
 * stored files (on demand from {@code /admin/cadangan}, over HTTP Basic from {@code /admin/api/cadangan},
 * and daily through db-scheduler), and an offline restore run with {@code --balai.restore=<backup.zip>}
 * before anything opens the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package id.balai.operations;
