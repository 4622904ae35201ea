package org.atende.tickets;

/** How {@link MessageRepository} writes a message: see {@link MessageInsertsImpl}. */
interface MessageInserts {

    /** Inserts a new message (messages are written once) and gives it its id; its words join its ticket's full-text entry. */
    Message save(Message message);
}
