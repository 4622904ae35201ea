import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client asks the same list again and again through the API (after 200 warm-up requests) and reports latency
 * percentiles; with "follow", every other request reads the next page by the previous answer's cursor.
 *
 * java bench/SearchLoad.java BASE_URL TOKEN NAME PATH_AND_QUERY REQUESTS [follow]
 */
public class SearchLoad {

    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+),\"totalExact\":(true|false)");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String name = args[2];
        String path = args[3];
        int requests = Integer.parseInt(args[4]);
        boolean follow = args.length > 5 && args[5].equals("follow");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String last = "";
        for (int i = 0; i < 200; i++) {
            last = get(http, base + path, token);
        }
        long[] nanos = new long[requests];
        String next = null;
        for (int i = 0; i < requests; i++) {
            String url = base + path + (follow && next != null && i % 2 == 1 ? "&after=" + next : "");
            long t0 = System.nanoTime();
            String body = get(http, url, token);
            nanos[i] = System.nanoTime() - t0;
            Matcher m = NEXT.matcher(body);
            next = m.find() ? m.group(1) : null;
            last = body;
        }
        Arrays.sort(nanos);
        Matcher total = TOTAL.matcher(last);
        System.out.printf("%-14s n=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms matched=%s%n", name, requests,
                ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[requests - 1] / 1e6,
                total.find() ? total.group(1) + (total.group(2).equals("true") ? "" : "+") : "?");
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
