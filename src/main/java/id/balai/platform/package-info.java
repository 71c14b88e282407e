/**
 * Shared infrastructure used by every business module: configuration, file storage, web layout,
 * language switching and error pages. It holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package id.balai.platform;
