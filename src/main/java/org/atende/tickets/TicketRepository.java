package org.atende.tickets;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface TicketRepository extends Repository<Ticket, Long> {

    Ticket save(Ticket ticket);

    Optional<Ticket> findById(long id);

    Optional<Ticket> findByNumber(long number);
}
