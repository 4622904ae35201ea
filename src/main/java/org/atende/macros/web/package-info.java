/**
 * The desk's macro pages under {@code /desk/macros}: the macros a member of staff may use, searched by name, and
 * the form that creates, changes and deletes those they may change (agents their own, leads team and shared
 * ones, admins any). The ticket page's picker is the desk's ({@code web.desk}).
 */
@org.jspecify.annotations.NullMarked
package org.atende.macros.web;
