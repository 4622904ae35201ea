package org.atende.channels.whatsapp;

import java.util.Optional;

import org.atende.customers.ContactSummary;

/**
 * Where a contact is reached on WhatsApp: the phone number as WhatsApp writes it (E.164 digits without
 * the {@code +}), else the business-scoped user id of a user who hides or has no number.
 */
public final class WhatsAppAddress {

    private WhatsAppAddress() {
    }

    public static Optional<String> of(ContactSummary contact) {
        if (contact.phone() != null) {
            String digits = contact.phone().replaceAll("[^0-9]", "");
            if (!digits.isEmpty()) {
                return Optional.of(digits);
            }
        }
        String userId = contact.whatsappUserId();
        return userId == null || userId.isBlank() ? Optional.empty() : Optional.of(userId.strip());
    }

    /** A phone number (digits only), as opposed to a user id such as {@code PT.7741029384756}. */
    static boolean isPhone(String address) {
        return !address.isEmpty() && address.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
