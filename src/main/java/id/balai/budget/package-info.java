/**
 * Budget transparency (APBD): the city admin imports a year's revenue and expenditure (by OPD, programme and
 * activity, plan and realisation) from a CSV file; every error is reported with its row and column and nothing is
 * half imported. The public reads totals, tables and charts drawn on the server as SVG (no JavaScript), and can
 * download the source file.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Budget (APBD)")
package id.balai.budget;
