package org.atende.tickets;

/**
 * Who wrote a message and who may read it: notes and system lines are for staff only. An automatic
 * message (a quota notice, an acknowledgement) is public but written by the desk: it is not a first
 * response.
 */
public enum MessageKind {
    CUSTOMER, AGENT, NOTE, SYSTEM, AUTOMATIC;

    public boolean isPublic() {
        return this == CUSTOMER || this == AGENT || this == AUTOMATIC;
    }
}
