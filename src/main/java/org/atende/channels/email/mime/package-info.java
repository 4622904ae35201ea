/** Reading e-mail: raw RFC 5322 bytes to a safe, structured message, classified (person, automated, out-of-office, bounce). */
@org.jspecify.annotations.NullMarked
package org.atende.channels.email.mime;
