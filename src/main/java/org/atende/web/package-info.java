/**
 * The application's edges shared by every module: RFC 9457 problem details for every error,
 * request size limits and the OpenAPI document; and the pages people work in (the agent desk and admin,
 * in sub-packages), with what every page shares: the language of pages and error pages. Nothing depends
 * on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "customers", "tickets", "sla", "techservice", "notifications", "calendar", "channels", "routing", "outage", "audit", "privacy", "problems", "satisfaction", "macros", "views"})
@org.jspecify.annotations.NullMarked
package org.atende.web;
