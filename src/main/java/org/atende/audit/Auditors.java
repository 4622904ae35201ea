package org.atende.audit;

import java.util.Optional;

/**
 * Who is acting in the current thread, for the audit log: implemented by the module that knows the
 * signed-in user (identity). Empty outside a signed-in request: the entry is the {@link Auditor#SYSTEM}'s.
 */
public interface Auditors {

    Optional<Auditor> current();
}
