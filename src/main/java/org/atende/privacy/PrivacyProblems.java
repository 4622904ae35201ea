package org.atende.privacy;

import org.atende.identity.Actor;
import org.atende.problems.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The refusals of personal-data operations. */
public final class PrivacyProblems {

    /** What the request must carry as {@code confirm} to erase a contact. */
    public static final String ERASE = "ERASE";
    /** What the request must carry as {@code confirm} to export an organisation's data. */
    public static final String EXPORT = "EXPORT";

    private PrivacyProblems() {
    }

    static void adminOnly(Actor actor, String what) {
        if (!actor.isAdmin()) {
            throw Problem.forbidden("only an administrator may " + what);
        }
    }

    /** 400 {@code confirmation-required}: an irreversible or sensitive step asked for without its confirmation word. */
    static void requireConfirmation(String given, String expected, String what) {
        if (!expected.equals(given)) {
            ErrorResponseException e = Problem.of(HttpStatus.BAD_REQUEST, "confirmation-required", "Confirmation required",
                    what + " needs \"confirm\": \"" + expected + "\"");
            e.getBody().setProperty("confirm", expected);
            throw e;
        }
    }
}
