package org.atende.customers;

import org.jspecify.annotations.Nullable;

/**
 * Who is looking at customer data, as far as this module cares: staff see every organisation, a
 * customer only its own. Identity's {@code Actor} is one; the REST API receives it as the principal.
 */
public interface Viewer {

    /** The organisation a customer belongs to; null for staff. */
    @Nullable OrganisationId organisationId();

    boolean isStaff();

    /** True for administrators, who manage plans. */
    boolean isAdmin();

    /** True when this viewer may know that {@code organisation} exists and see its data. */
    default boolean canSee(OrganisationId organisation) {
        return isStaff() || organisation.equals(organisationId());
    }
}
