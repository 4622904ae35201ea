/** The satisfaction pages: the rating page of the e-mail's links (no sign-in), the report page, and the API. */
@org.jspecify.annotations.NullMarked
package org.atende.satisfaction.web;
