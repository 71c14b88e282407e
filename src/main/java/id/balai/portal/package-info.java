/**
 * The city portal: the city's site and one micro-site per kelurahan and per OPD, served by this one
 * install. Each site has its own name, colours, logo, menu and editors; its content is items (pages,
 * news, officials, programmes, events, documents, forms, public services, tourism, UMKM). Every change is
 * a version that can be restored. Public pages are kept by {@code PublicPageCache}; an edit moves
 * {@code PublicContent} after its commit, so the next visitor sees it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package id.balai.portal;
