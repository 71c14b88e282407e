/**
 * Identity: staff accounts, their roles and scope (agency, kelurahan), log-in with an adaptive
 * password hash and rate-limited attempts; the admin audit trail of staff, catalogue and template
 * changes. Citizens never need an account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package id.balai.identity;
