/**
 * Reports (aduan): citizens' reports from submission to closure — categories, routing to the
 * responsible OPD, the status workflow, SLA clocks on the working-day calendar, escalation, the
 * public list and map, and moderation. Other modules learn about reports through the events in this
 * package and read what they need through {@link id.balai.reports.ReportLookup}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports (aduan)")
package id.balai.reports;
