package org.atende.tickets;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

interface MessageRepository extends Repository<Message, Long>, MessageInserts {

    java.util.Optional<Message> findById(long id);

    @Query("SELECT * FROM message WHERE ticket_id = :ticketId ORDER BY id")
    List<Message> findByTicket(long ticketId);
}
