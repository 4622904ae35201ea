package org.atende.techservice;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface QuoteRepository extends Repository<Quote, Long> {

    Optional<Quote> findById(long id);

    List<Quote> findByTicketIdOrderByRevision(long ticketId);

    List<Quote> findAllById(Iterable<Long> ids);

    Quote save(Quote quote);
}
