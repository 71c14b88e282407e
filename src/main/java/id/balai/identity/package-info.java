/**
 * Identity: staff accounts, their roles and scope (agency, kelurahan), log-in with an adaptive
 * password hash and rate-limited attempts. Citizens never need an account.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package id.balai.identity;
