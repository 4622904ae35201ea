package org.atende.operations;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on this machine answering the one Graph API call the desk makes to send on WhatsApp
 * ({@code POST /{version}/{phone-number-id}/messages}) as Meta does: a fresh wamid per accepted message. It
 * remembers every request it accepted, by the wamid it gave, so a test can tell sends that the desk
 * recorded from sends it made twice.
 */
final class FakeGraphApi implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong sequence = new AtomicLong();
    /** wamid given → the request's body. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();

    FakeGraphApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String answer;
            int status;
            if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().endsWith("/messages")) {
                String wamid = "wamid.out." + sequence.incrementAndGet();
                accepted.put(wamid, new String(body, StandardCharsets.UTF_8));
                answer = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],\"messages\":[{\"id\":\""
                        + wamid + "\"}]}";
                status = 200;
            } else {
                answer = "{\"error\":{\"message\":\"unknown call\",\"code\":100}}";
                status = 400;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
