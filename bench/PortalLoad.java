import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A closed-loop load client for the customer portal: N clients each sign in as the customer (a session of their
 * own, as a browser would), read the new-request form once for its CSRF token, then send the form
 * ({@code POST /portal/tickets}) one request after another for a fixed time. A request counts when the portal
 * answers with the redirect to the new ticket; the redirect itself is not followed.
 *
 * java bench/PortalLoad.java BASE_URL EMAIL PASSWORD CLIENTS SECONDS
 */
public class PortalLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String email = args[1];
        String password = args[2];
        int clients = Integer.parseInt(args[3]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[4]));
        String description = "O relatório mensal falha ao exportar para PDF. ".repeat(8);

        LoadSummary summary = new LoadSummary();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            long[] mine = summary.client();
            Thread.ofPlatform().start(() -> {
                int n = 0;
                try {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    Map<String, String> jar = new java.util.LinkedHashMap<>();
                    String token = signIn(http, jar, base, email, password);
                    HttpRequest each = HttpRequest.newBuilder(URI.create(base + "/portal/tickets"))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies(jar))
                            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("_csrf", token, "kind", "support",
                                    "subject", "Não consigo exportar o relatório", "description", description, "priority", "HIGH"))))
                            .build();
                    ready.countDown();
                    go.await();
                    while (System.nanoTime() < window[1] && n < mine.length) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = http.send(each, HttpResponse.BodyHandlers.discarding());
                        String location = r.headers().firstValue("Location").orElse("");
                        if (r.statusCode() == 302 && location.contains("/portal/tickets/") && location.endsWith("?created")) {
                            mine[n++] = System.nanoTime() - t0;
                        } else {
                            summary.failed("HTTP " + r.statusCode() + " " + location);
                        }
                    }
                } catch (Exception e) {
                    summary.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                    ready.countDown();
                } finally {
                    mine[mine.length - 1] = n; // count kept in the last slot
                    done.countDown();
                }
            });
        }
        ready.await(); // every client signed in before the clock starts
        window[0] = System.nanoTime();
        window[1] = window[0] + length.toNanos();
        go.countDown();
        done.await();
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        summary.print("requests", clients, seconds);
    }

    /**
     * Signs in through the sign-in form and answers the CSRF token of the new-request form. The session cookie is
     * kept by hand: the desk marks it Secure, which browsers accept from http://localhost and Java's cookie handler
     * does not.
     */
    private static String signIn(HttpClient http, Map<String, String> jar, String base, String email, String password) throws Exception {
        String login = send(http, jar, HttpRequest.newBuilder(URI.create(base + "/login")).GET(), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<Void> signedIn = send(http, jar, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", email, "password", password, "_csrf", csrf(login))))),
                HttpResponse.BodyHandlers.discarding());
        String to = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || to.contains("error")) {
            throw new IllegalStateException("sign-in refused: " + signedIn.statusCode() + " " + to);
        }
        return csrf(send(http, jar, HttpRequest.newBuilder(URI.create(base + "/portal/tickets/new")).GET(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static <T> HttpResponse<T> send(HttpClient http, Map<String, String> jar, HttpRequest.Builder request,
            HttpResponse.BodyHandler<T> body) throws Exception {
        if (!jar.isEmpty()) {
            request.header("Cookie", cookies(jar));
        }
        HttpResponse<T> response = http.send(request.build(), body);
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return response;
    }

    private static String cookies(Map<String, String> jar) {
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
