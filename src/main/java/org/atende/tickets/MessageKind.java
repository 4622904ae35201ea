package org.atende.tickets;

/** Who wrote a message and who may read it: notes and system lines are for staff only. */
public enum MessageKind {
    CUSTOMER, AGENT, NOTE, SYSTEM;

    public boolean isPublic() {
        return this == CUSTOMER || this == AGENT;
    }
}
