package org.atende.macros;

/**
 * Whose a macro is: {@code PERSONAL} (its owner's: only they and admins see and change it), {@code TEAM} (a
 * team's members use it; leads and admins change it) or {@code SHARED} (every member of staff uses it; leads
 * and admins change it).
 */
public enum MacroScope {
    PERSONAL, TEAM, SHARED
}
