/**
 * The admin pages (leads and administrators): plans and quotas, SLA policies, calendars with a live
 * preview of due times, teams, users and invitations, and the channels' health. The pages call the
 * modules' facades and show their validation problems next to the fields; what only an administrator
 * may change is checked here as the REST API checks it.
 */
@org.jspecify.annotations.NullMarked
package org.atende.web.admin;
