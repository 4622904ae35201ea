import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A closed-loop load client: N clients each open tickets through the API, one after another, for a
 * fixed time, and the run reports throughput and latency percentiles. With {@code replies}, each client
 * opens one ticket of its own and then adds messages to it ({@code POST /api/v1/tickets/{id}/messages}).
 * TOKENS is one customer token, or several separated by commas (customers of different organisations): the
 * requests then take them in turn, so the tickets spread evenly over the organisations.
 *
 * java bench/TicketLoad.java BASE_URL TOKENS CLIENTS SECONDS [tickets|replies]
 */
public class TicketLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String[] tokens = args[1].split(",");
        int clients = Integer.parseInt(args[2]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[3]));
        boolean replies = args.length > 4 && args[4].equals("replies");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = """
                {"subject":"Não consigo exportar o relatório","body":"%s","suggestedPriority":"HIGH","tags":["load"]}"""
                .formatted("O relatório mensal falha ao exportar para PDF. ".repeat(8));
        if (!replies) { // replies come after a tickets run: the desk is warm
            warmUp(http, base, tokens, body);
        }
        String reply = """
                {"body":"%s"}""".formatted("Continua a falhar depois de reiniciar. ".repeat(4));

        LoadSummary summary = new LoadSummary();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (int c = 0; c < clients; c++) {
            long[] mine = summary.client();
            int client = c;
            Thread.ofPlatform().start(() -> {
                int n = 0;
                try {
                    String token = tokens[client % tokens.length];
                    HttpRequest[] opening = new HttpRequest[tokens.length];
                    for (int t = 0; t < tokens.length; t++) {
                        opening[t] = request(base, tokens[t], body);
                    }
                    HttpRequest each = opening[client % tokens.length];
                    if (replies) {
                        HttpResponse<String> opened = http.send(each, HttpResponse.BodyHandlers.ofString());
                        String id = opened.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
                        each = HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets/" + id + "/messages"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(reply)).build();
                    }
                    while (System.nanoTime() < end && n < mine.length) {
                        if (!replies) { // the clients together take the tokens in turn
                            each = opening[(client + n * clients) % tokens.length];
                        }
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = http.send(each, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 201) {
                            mine[n++] = System.nanoTime() - t0;
                        } else {
                            summary.failed("HTTP " + r.statusCode());
                        }
                    }
                } catch (Exception e) {
                    summary.failed(e.getClass().getSimpleName());
                } finally {
                    mine[mine.length - 1] = n; // count kept in the last slot
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        summary.print(replies ? "replies" : "tickets", clients, seconds);
    }

    private static void warmUp(HttpClient http, String base, String[] tokens, String body) throws Exception {
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> r = http.send(request(base, tokens[i % tokens.length], body), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("warm-up request failed: " + r.statusCode() + " " + r.body());
            }
        }
    }

    private static HttpRequest request(String base, String token, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
