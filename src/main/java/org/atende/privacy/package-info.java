/**
 * Personal data: erasing a contact (their name, addresses, numbers and message bodies anonymised, the files
 * of their messages removed, their accounts closed; tickets and every figure kept) and exporting an
 * organisation's data as a ZIP file (JSON and the attachments' files). Both are administrators' work, need
 * an explicit confirmation, and are written on the audit log. Every module that keeps personal data
 * erases its part when {@link org.atende.customers.ContactErased} is published; this module starts the
 * erasure and reads what the export holds through the modules' facades. {@code internal}: the REST API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customers", "tickets", "identity", "audit", "problems"})
@org.jspecify.annotations.NullMarked
package org.atende.privacy;
