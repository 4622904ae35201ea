import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes N customer organisations through the API, each with a contact, a customer user and an API token, on the
 * plan named PLAN, and prints the tokens separated by commas: the ticket benchmark spreads its tickets over them.
 *
 * java bench/Organisations.java BASE_URL ADMIN_TOKEN N PLAN
 */
public class Organisations {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        int count = Integer.parseInt(args[2]);
        String plan = args[3];
        long planId = planId(call(base, admin, "GET", "/api/v1/plans", null), plan);
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String domain = "org%02d.bench.example".formatted(i);
            long org = id(call(base, admin, "POST", "/api/v1/organisations", """
                    {"name":"Organização %d","planId":%d,"language":"PT","emailDomains":["%s"]}""".formatted(i, planId, domain)));
            long contact = id(call(base, admin, "POST", "/api/v1/organisations/" + org + "/contacts", """
                    {"name":"Cliente %d","email":"cliente@%s","language":"PT"}""".formatted(i, domain)));
            long user = id(call(base, admin, "POST", "/api/v1/users", """
                    {"email":"cliente@%s","name":"Cliente %d","role":"CUSTOMER","organisationId":%d,"contactId":%d}"""
                    .formatted(domain, i, org, contact)));
            String issued = call(base, admin, "POST", "/api/v1/users/" + user + "/tokens", """
                    {"name":"bench"}""");
            tokens.add(field(issued, "\"secret\"\\s*:\\s*\"([^\"]+)\""));
        }
        System.out.println(String.join(",", tokens));
    }

    private static String call(String base, String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static long planId(String plans, String name) {
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"").matcher(plans);
        if (!m.find()) {
            throw new IllegalStateException("no plan named " + name + " in " + plans);
        }
        return Long.parseLong(m.group(1));
    }

    private static long id(String body) {
        return Long.parseLong(field(body, "^\\{\"id\":(\\d+)"));
    }

    private static String field(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return m.group(1);
    }
}
