/** The report pages for leads and administrators ({@code /reports/**}) and the monthly report in the portal ({@code /portal/reports/**}). */
@org.jspecify.annotations.NullMarked
package org.atende.reporting.web;
