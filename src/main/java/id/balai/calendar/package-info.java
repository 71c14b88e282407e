/**
 * Working-day calendar: weekends and Indonesian national holidays (a table the city can change),
 * used for SLA deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package id.balai.calendar;
