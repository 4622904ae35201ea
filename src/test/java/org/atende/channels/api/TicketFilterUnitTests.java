package org.atende.channels.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;

import org.atende.tickets.TicketFilter;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestParam;

/** A bulk call's filter is the ticket list's: every filter parameter of GET /api/v1/tickets, by the same name and type. */
class TicketFilterUnitTests {

    private static final Set<String> PAGING = Set.of("sort", "page", "size", "after");

    @Test
    void hasEveryFilterOfTheTicketListAndNothingElse() throws Exception {
        Method list = Arrays.stream(TicketApi.class.getDeclaredMethods()).filter(m -> m.getName().equals("list"))
                .findFirst().orElseThrow();
        var listed = Arrays.stream(list.getParameters()).filter(p -> p.isAnnotationPresent(RequestParam.class))
                .filter(p -> !PAGING.contains(p.getName()))
                .map(TicketFilterUnitTests::describe).toList();
        var filter = Arrays.stream(TicketFilter.class.getRecordComponents()).map(TicketFilterUnitTests::describe).toList();
        assertThat(listed).isNotEmpty();
        assertThat(filter).containsExactlyElementsOf(listed);
    }

    private static String describe(Parameter p) {
        return p.getName() + ":" + p.getParameterizedType().getTypeName().replace("java.lang.", "");
    }

    private static String describe(RecordComponent c) {
        return c.getName() + ":" + c.getGenericType().getTypeName().replace("java.lang.", "");
    }
}
