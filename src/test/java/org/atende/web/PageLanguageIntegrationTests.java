package org.atende.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.channels.email.MailWording;
import org.atende.channels.whatsapp.WhatsAppWording;
import org.atende.customers.Language;
import org.atende.notifications.StaffWording;
import org.atende.identity.Identity;
import org.atende.identity.UserSummary;
import org.atende.sla.StoredCalendars;
import org.atende.support.H2Database;
import org.atende.support.MovingTime;
import org.atende.support.PageBrowser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page of the desk, portal, admin, reports and help centre, and every mail and WhatsApp text the desk
 * queued, read by an admin, a lead, an agent and a customer whose language is Portuguese, then Spanish, on the
 * demo desk: nothing may read as the English bundle's text, as an untranslated message key, or as common
 * English words written into a template. The pages are found from the request mappings, so a new page is read
 * too (or the test says how to fill its path).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"atende.demo=true",
        "atende.sla.sweep-enabled=false", "atende.email.address=support@atende.test", "atende.email.polling-enabled=false",
        "atende.notifications.dispatch-enabled=false", "atende.techservice.expiry-enabled=false"})
@Import(MovingTime.class)
class PageLanguageIntegrationTests {

    static final Instant WEDNESDAY = Instant.parse("2026-11-25T15:00:00Z");
    static final String PASSWORD = "atende-demo-2026";
    static final List<String> READERS = List.of("admin@atende.example", "lead@atende.example", "ines@atende.example",
            "joana@padaria-lusitana.pt");

    /** Words that, alone in a text, are English written into a template (checked only where the language has no such word). */
    static final List<String> ENGLISH_WORDS = List.of("Save", "Cancel", "Search", "Open", "Close", "Closed", "Back", "Next",
            "Previous", "Delete", "Edit", "Status", "Priority", "Subject", "Submit", "Send", "Reply", "Assign", "Assignee",
            "Customer", "Organisation", "Organization", "Team", "Agent", "Settings", "Filter", "Apply", "Remove", "Add",
            "New", "Yes", "No", "None", "Loading", "Show", "Hide", "More", "Less", "Name", "Email", "Phone", "Language",
            "Created", "Updated", "Due", "Overdue", "Breached", "Paused", "Waiting", "Resolved", "Pending", "Internal",
            "Note", "Notes", "Sign", "Password", "Account", "Help", "Articles", "Category", "Title", "Description", "Month",
            "Report", "Reports", "Download", "Print", "Upload", "File", "Files", "Attachment", "Attachments", "Preview",
            "Merge", "Split", "Spam", "Macro", "Macros", "Urgent", "High", "Medium", "Low", "Normal", "Business", "hours",
            "days", "day", "hour", "minutes", "ago", "today", "yesterday", "Lisbon", "the", "and", "with", "your", "you",
            "of", "for", "to", "this", "that", "not", "are", "is", "was", "will", "has", "have", "from", "by", "on", "at",
            "Customer Care", "Support");

    static Path tokens;

    @BeforeAll
    static void atAKnownTime() throws IOException {
        MovingTime.CLOCK.set(WEDNESDAY);
        tokens = Files.createTempDirectory("demo").resolve("tokens.txt");
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        H2Database.register(registry);
        registry.add("atende.demo.tokens-file", () -> tokens.toString());
    }

    @LocalServerPort int port;
    @Autowired Identity identity;
    @Autowired JdbcClient jdbc;
    @Autowired List<RequestMappingHandlerMapping> mappings;
    @Autowired StoredCalendars calendars;
    @Autowired org.atende.views.SavedViews views;

    /** What the demo desk lacks for every page to show: a stored calendar, an escalation rule and a shared view. */
    @BeforeEach
    void calendarAndEscalationRule() {
        if (jdbc.sql("SELECT COUNT(*) FROM saved_view").query(Long.class).single() == 0) {
            var admin = identity.actor(identity.userByEmail("admin@atende.example").orElseThrow().id()).orElseThrow();
            views.create(new org.atende.views.ViewDraft("Todos os pedidos", org.atende.views.ViewScope.SHARED, null, null, null, null),
                    admin);
        }
        if (calendars.list().isEmpty()) {
            calendars.create("Horário de Lisboa", JsonMapper.builder().build().readTree("""
                    {"zone": "Europe/Lisbon", "week": {"mon": ["09:00-18:00"], "tue": ["09:00-18:00"], "wed": ["09:00-18:00"],
                     "thu": ["09:00-18:00"], "fri": ["09:00-18:00"]}}"""));
        }
        if (jdbc.sql("SELECT COUNT(*) FROM escalation_rule").query(Long.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO escalation_rule (name, active, clock_kind, priorities, threshold_kind, threshold_percent,
                      raise_priority, created_at, updated_at)
                    VALUES ('Urgentes a 50%', TRUE, 'RESOLUTION', 'URGENT', 'ELAPSED', 50, 'ONE_LEVEL', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                    """).update();
        }
    }

    @Test
    void everyPageAndMessageReadsInPortuguese() throws IOException {
        readsIn(Language.PT);
    }

    @Test
    void everyPageAndMessageReadsInSpanish() throws IOException {
        readsIn(Language.ES);
    }

    @Test
    void customersSeeTheDeskByTheNameAnAdministratorGaveItInTheirLanguage() {
        String number = jdbc.sql("""
                SELECT t.number FROM ticket t JOIN organisation o ON o.id = t.organisation_id JOIN message m ON m.ticket_id = t.id
                WHERE o.name = 'Padaria Lusitana' AND m.kind = 'AGENT' ORDER BY t.number""").query(String.class).list().getFirst();
        PageBrowser admin = new PageBrowser(port).signIn("admin@atende.example", PASSWORD);
        PageBrowser customer = new PageBrowser(port).signIn("joana@padaria-lusitana.pt", PASSWORD);
        UserSummary joana = identity.userByEmail("joana@padaria-lusitana.pt").orElseThrow();
        identity.speak(joana.id(), Language.PT);
        try {
            assertThat(customer.get("/portal/tickets/" + number).body()).contains("Equipa de Suporte").doesNotContain("Customer Care");

            admin.get("/admin/desk-names");
            assertThat(admin.post("/admin/desk-names", "namePT", "Apoio Atende", "nameES", "", "nameEN", "").statusCode()).isEqualTo(302);
            assertThat(admin.get("/admin/desk-names?saved").body()).contains("value=\"Apoio Atende\"", "Support Team");
            assertThat(customer.get("/portal/tickets/" + number).body()).contains("Apoio Atende");
            identity.speak(joana.id(), Language.ES);
            assertThat(customer.get("/portal/tickets/" + number).body()).contains("Equipo de Soporte").doesNotContain("Apoio Atende");
        } finally {
            admin.get("/admin/desk-names");
            admin.post("/admin/desk-names", "namePT", "", "nameES", "", "nameEN", "");
            identity.speak(joana.id(), joana.language());
        }
    }

    private void readsIn(Language language) throws IOException {
        Bundles bundles = Bundles.load(language);
        UserData userData = UserData.of(jdbc);
        assertThat(userData.contains("Padaria Lusitana")).as("the fixtures' names are known as user data").isTrue();
        Map<String, String> before = new HashMap<>();
        for (String email : READERS) {
            UserSummary user = identity.userByEmail(email).orElseThrow();
            before.put(email, user.language() == null ? null : user.language().name());
            identity.speak(user.id(), language);
        }
        List<String> findings = new ArrayList<>();
        Set<String> rendered = new TreeSet<>();
        List<String> pages = pages();
        try {
            for (String email : READERS) {
                PageBrowser browser = new PageBrowser(port).signIn(email, PASSWORD);
                for (String page : pages) {
                    HttpResponse<String> answer = browser.get(page);
                    if (answer.statusCode() / 100 == 3 || !answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                        continue; // a refusal or an expired link is a page too, and read as one
                    }
                    if (answer.statusCode() == 200) {
                        rendered.add(pattern(page));
                    }
                    for (String finding : bundles.check(Jsoup.parse(answer.body()), userData)) {
                        findings.add(email + " " + page + ": " + finding);
                    }
                }
            }
            findings.addAll(staleForm(language, bundles, userData));
            findings.addAll(messages(language, bundles, userData));
        } finally {
            before.forEach((email, was) -> identity.speak(identity.userByEmail(email).orElseThrow().id(),
                    was == null ? null : Language.valueOf(was)));
        }
        Files.write(Path.of("target", "page-language-" + language + ".txt"), new TreeSet<>(findings));
        assertThat(findings).as("English or untranslated text in %s (all in target/page-language-%s.txt)", language, language).isEmpty();
        assertThat(rendered).as("pages read by at least one reader").hasSizeGreaterThan(60)
                .contains("/desk/queues/{queue}", "/portal", "/admin", "/reports", "/help", "/desk/tickets/{number}", "/portal/tickets/{number}");
    }

    /** A form sent after someone else changed the ticket: refused (409) in the reader's language. */
    private List<String> staleForm(Language language, Bundles bundles, UserData userData) {
        String number = new Fixtures(jdbc).fill("{number}");
        PageBrowser agent = new PageBrowser(port).signIn("ines@atende.example", PASSWORD);
        agent.get("/desk/tickets/" + number);
        HttpResponse<String> stale = agent.post("/desk/tickets/" + number + "/resolve", "version", "-1");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains(language == Language.PT ? "Outra pessoa alterou isto" : "Otra persona ha cambiado esto");
        return bundles.check(Jsoup.parse(stale.body()), userData).stream().map(f -> "stale form: " + f).toList();
    }

    /** The mails and WhatsApp texts queued for readers of this language: acknowledgements, replies, notices, surveys, resets. */
    private List<String> messages(Language language, Bundles bundles, UserData userData) {
        PageBrowser anonymous = new PageBrowser(port);
        anonymous.get("/password-reset");
        anonymous.post("/password-reset", "email", "joana@padaria-lusitana.pt");
        String code = language.name();
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT m.channel, m.purpose, m.subject, m.body FROM outgoing_message m
                WHERE m.recipient IN (SELECT email FROM contact WHERE language = :l UNION SELECT phone FROM contact WHERE language = :l)
                """).param("l", code).query().listOfRows();
        List<String> findings = new ArrayList<>();
        Set<String> purposes = new TreeSet<>();
        for (Map<String, Object> row : rows) {
            purposes.add(row.get("channel") + "/" + row.get("purpose"));
            String text = (row.get("subject") == null ? "" : row.get("subject") + "\n") + row.get("body");
            for (String line : text.split("\n")) {
                for (String finding : bundles.checkText(line, userData)) {
                    findings.add(row.get("channel") + " " + row.get("purpose") + ": " + finding);
                }
            }
        }
        assertThat(purposes).as("messages queued in %s", language).contains("EMAIL/REPLY", "EMAIL/SURVEY");
        List<String> written = new ArrayList<>(MailWording.all(language));
        written.addAll(WhatsAppWording.all(language));
        written.addAll(StaffWording.all(language));
        for (String text : written) {
            for (String line : text.split("\n")) {
                for (String finding : bundles.checkText(line, userData)) {
                    findings.add("written by a channel: " + finding);
                }
            }
        }
        return findings;
    }

    // --- the pages ------------------------------------------------------------------------------------------

    /** The GET page mappings (views, not files, JSON or fragments of data), with their path variables filled. */
    private List<String> pages() {
        Fixtures fixtures = new Fixtures(jdbc);
        Set<String> pages = new LinkedHashSet<>();
        List<String> unfilled = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                HandlerMethod method = entry.getValue();
                Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
                if (!verbs.isEmpty() && !verbs.contains(RequestMethod.GET) || !isPage(method)) {
                    continue;
                }
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api") || pattern.startsWith("/actuator") || pattern.startsWith("/webhooks")
                            || pattern.startsWith("/v3") || pattern.startsWith("/swagger") || pattern.startsWith("/error")
                            || pattern.matches(".*\\.(csv|pdf)$")) {
                        continue;
                    }
                    String path = fixtures.fill(pattern);
                    if (path == null) {
                        unfilled.add(pattern);
                    } else {
                        pages.add(path);
                    }
                }
            }
        }
        assertThat(unfilled).as("pages whose path variables this test cannot fill: add them to Fixtures").isEmpty();
        return new ArrayList<>(pages);
    }

    private static boolean isPage(HandlerMethod method) {
        Class<?> returns = method.getReturnType().getParameterType();
        return (returns == String.class || returns == ModelAndView.class)
                && !method.hasMethodAnnotation(ResponseBody.class)
                && !method.getBeanType().isAnnotationPresent(ResponseBody.class)
                && !method.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class);
    }

    private static final Map<String, String> PATTERNS = new HashMap<>();

    private static String pattern(String page) {
        return PATTERNS.getOrDefault(page, page);
    }

    /** Fills the path variables of a page with ids of the demo desk's records. */
    static final class Fixtures {

        private final JdbcClient jdbc;
        private final Map<String, Function<String, String>> fillers = new LinkedHashMap<>();

        Fixtures(JdbcClient jdbc) {
            this.jdbc = jdbc;
            String padaria = first("SELECT id FROM organisation WHERE name = 'Padaria Lusitana'");
            String ticket = first("SELECT number FROM ticket t JOIN organisation o ON o.id = t.organisation_id "
                    + "WHERE o.name = 'Padaria Lusitana' ORDER BY t.number");
            String article = first("SELECT id FROM kb_article ORDER BY id");
            String month = YearMonth.from(WEDNESDAY.atZone(ZoneId.of("Europe/Lisbon"))).toString();
            fillers.put("{number}", p -> ticket);
            fillers.put("{organisationId}", p -> padaria);
            fillers.put("{month}", p -> month);
            fillers.put("{queue}", p -> "mine");
            fillers.put("{choice}", p -> "good");
            fillers.put("{token}", p -> "no-such-token");
            fillers.put("{message}", p -> first("SELECT m.id FROM message m JOIN ticket t ON t.id = m.ticket_id "
                    + "WHERE t.number = " + ticket + " ORDER BY m.id"));
            fillers.put("{lang}", p -> first("SELECT LOWER(language) FROM kb_article WHERE status = 'PUBLISHED' ORDER BY id"));
            fillers.put("{slug}", p -> first("SELECT slug FROM kb_article WHERE status = 'PUBLISHED' ORDER BY id"));
            fillers.put("{id}", this::id);
            fillers.put("{ticketId}", p -> first("SELECT id FROM ticket WHERE number = " + ticket));
            fillers.put("{articleId}", p -> article);
        }

        /** The id a page's {id} means: the record of the page's kind. */
        private String id(String pattern) {
            Map<String, String> tables = new LinkedHashMap<>();
            tables.put("/admin/users/", "SELECT id FROM app_user WHERE role = 'AGENT' ORDER BY id");
            tables.put("/admin/teams/", "SELECT id FROM team ORDER BY id");
            tables.put("/admin/plans/", "SELECT id FROM plan ORDER BY id");
            tables.put("/admin/organisations/", "SELECT id FROM organisation WHERE name = 'Padaria Lusitana'");
            tables.put("/reports/organisations/", "SELECT id FROM organisation WHERE name = 'Padaria Lusitana'");
            tables.put("/admin/contacts/", "SELECT id FROM contact ORDER BY id");
            tables.put("/admin/calendars/", "SELECT id FROM calendar_definition ORDER BY id");
            tables.put("/admin/sla-policies/", "SELECT id FROM sla_policy ORDER BY id");
            tables.put("/admin/escalation-rules/", "SELECT id FROM escalation_rule ORDER BY id");
            tables.put("/admin/routing-rules/", "SELECT id FROM routing_rule ORDER BY id");
            tables.put("/desk/views/", "SELECT id FROM saved_view ORDER BY id");
            tables.put("/desk/macros/", "SELECT id FROM macro ORDER BY id");
            tables.put("/desk/tickets/{number}/macros/", "SELECT id FROM macro ORDER BY id");
            tables.put("/desk/knowledge/", "SELECT id FROM kb_article ORDER BY id");
            tables.put("/quotes/", "SELECT id FROM quote ORDER BY id");
            tables.put("/desk/tickets/{number}/attachments/", "SELECT id FROM attachment ORDER BY id");
            tables.put("/portal/tickets/{number}/attachments/", "SELECT id FROM attachment ORDER BY id");
            for (Map.Entry<String, String> table : tables.entrySet()) {
                if (pattern.startsWith(table.getKey().replace("{number}", "{number:\\d+}")) || pattern.startsWith(table.getKey())) {
                    return first(table.getValue());
                }
            }
            return null;
        }

        String fill(String pattern) {
            StringBuilder path = new StringBuilder();
            StringBuilder named = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                if (pattern.charAt(i) != '{') {
                    path.append(pattern.charAt(i));
                    named.append(pattern.charAt(i));
                    continue;
                }
                int depth = 0;
                int end = i;
                for (; end < pattern.length(); end++) {
                    depth += pattern.charAt(end) == '{' ? 1 : pattern.charAt(end) == '}' ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                String name = pattern.substring(i + 1, end).split(":", 2)[0];
                Function<String, String> filler = fillers.get("{" + name + "}");
                String value = filler == null ? null : filler.apply(pattern);
                if (value == null) {
                    return null;
                }
                path.append(value);
                named.append('{').append(name).append('}');
                i = end;
            }
            PATTERNS.put(path.toString(), named.toString());
            return path.toString();
        }

        private String first(String sql) {
            try {
                return jdbc.sql(sql).query((rs, n) -> rs.getString(1)).list().stream().findFirst().orElse(null);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    // --- what may not be on a page ----------------------------------------------------------------------------

    /** The English bundle's texts that the reader's bundle says otherwise, the keys, and the English words the reader's language lacks. */
    static final class Bundles {

        private static final Pattern UNTRANSLATED = Pattern.compile("\\?\\?[\\w.\\-]+\\?\\?");
        private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+[^}]*}");

        String code = "";
        final Set<String> english = new TreeSet<>();
        final List<Pattern> englishWithArguments = new ArrayList<>();
        final Set<String> keys = new TreeSet<>();
        final List<Pattern> words = new ArrayList<>();

        static Bundles load(Language language) throws IOException {
            Bundles b = new Bundles();
            b.code = language.name().toLowerCase(Locale.ROOT);
            Map<String, String> en = new HashMap<>();
            Map<String, String> own = new HashMap<>();
            String suffix = "_" + language.name().toLowerCase(Locale.ROOT);
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties")) {
                String name = file.getFilename();
                if (name == null) {
                    continue;
                }
                Properties p = new Properties();
                try (InputStream in = file.getInputStream()) {
                    p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                if (!name.contains("_")) {
                    p.forEach((k, v) -> en.put((String) k, (String) v));
                } else if (name.endsWith(suffix + ".properties")) {
                    p.forEach((k, v) -> own.put((String) k, (String) v));
                }
            }
            Set<String> ownValues = new TreeSet<>();
            own.values().forEach(v -> ownValues.add(plain(v)));
            String ownText = String.join(" ", ownValues);
            b.keys.addAll(en.keySet());
            en.forEach((key, value) -> {
                String text = plain(value);
                if (ownValues.contains(text) || text.equals(plain(own.getOrDefault(key, "")))) {
                    return; // the reader's language writes it the same (a name, "Email", "SLA")
                }
                if (ARGUMENT.matcher(text).find()) {
                    String literal = ARGUMENT.matcher(text).replaceAll(" ").strip();
                    if (literal.replaceAll("[^\\p{L}]", "").length() >= 6) {
                        StringBuilder regex = new StringBuilder();
                        Matcher m = ARGUMENT.matcher(text);
                        int at = 0;
                        while (m.find()) {
                            regex.append(Pattern.quote(text.substring(at, m.start()))).append(".+?");
                            at = m.end();
                        }
                        regex.append(Pattern.quote(text.substring(at)));
                        b.englishWithArguments.add(Pattern.compile(regex.toString()));
                    }
                } else if (text.replaceAll("[^\\p{L}]", "").length() >= 2) {
                    b.english.add(text);
                }
            });
            for (String word : ENGLISH_WORDS) {
                if (!Pattern.compile("(?<!\\p{L})" + Pattern.quote(word) + "(?!\\p{L})").matcher(ownText).find()) {
                    b.words.add(Pattern.compile("(?<![\\p{L}\\-_./@#])" + Pattern.quote(word) + "(?![\\p{L}\\-_./@])"));
                }
            }
            return b;
        }

        /** A message's text as a page shows it: arguments kept as {0}, quotes unescaped. */
        private static String plain(String value) {
            return value.replace("''", "'").strip();
        }

        List<String> check(Document page, UserData userData) {
            List<String> findings = new ArrayList<>();
            page.select("script, style, code, pre, textarea, .markdown").remove();
            page.select("[lang]:not(html)").stream().filter(e -> !e.attr("lang").startsWith(code)).forEach(Element::remove); // a name in its own language
            for (Element element : page.getAllElements()) {
                for (TextNode node : element.textNodes()) {
                    findings.addAll(checkText(node.text(), userData));
                }
                for (String attribute : List.of("title", "placeholder", "aria-label", "alt", "data-confirm", "hx-confirm")) {
                    if (element.hasAttr(attribute)) {
                        findings.addAll(checkText(element.attr(attribute), userData));
                    }
                }
                element.attributes().forEach(a -> {
                    if (a.getKey().startsWith("data-") && a.getValue().matches(".*\\p{L}{2,}\\s+\\p{L}{2,}.*") && !a.getValue().startsWith("{")) {
                        findings.addAll(checkText(a.getValue(), userData)); // a text scripts show (data-stale, data-all, …)
                    }
                });
                if (element.is("input[type=submit], input[type=button], input[type=reset]")) {
                    findings.addAll(checkText(element.attr("value"), userData));
                }
            }
            return findings;
        }

        List<String> checkText(String raw, UserData userData) {
            String text = raw.replace('\u00a0', ' ').strip();
            if (text.isEmpty() || userData.contains(text)) {
                return List.of();
            }
            List<String> findings = new ArrayList<>();
            if (UNTRANSLATED.matcher(text).find()) {
                findings.add("untranslated key: " + text);
            }
            if (keys.contains(text)) {
                findings.add("raw key: " + text);
            }
            if (english.contains(text)) {
                findings.add("English bundle text: " + text);
            } else {
                for (Pattern p : englishWithArguments) {
                    if (p.matcher(text).matches()) {
                        findings.add("English bundle text: " + text);
                        break;
                    }
                }
            }
            if (findings.isEmpty() && words.stream().anyMatch(w -> w.matcher(text).find())) {
                String left = userData.strip(text).replaceAll("https?://\\S+|\\S+@\\S+", " "); // links and addresses are no words
                for (Pattern word : words) {
                    if (word.matcher(left).find()) {
                        findings.add("English word '" + word.pattern().replaceAll(".*\\\\Q|\\\\E.*", "") + "' in: " + text);
                        break;
                    }
                }
            }
            return findings;
        }
    }

    /** What people wrote into the desk (names, subjects, messages, articles): not the page's wording. */
    static final class UserData {

        private final Set<String> values = new TreeSet<>();
        private final List<String> longestFirst = new ArrayList<>();

        static UserData of(JdbcClient jdbc) {
            UserData data = new UserData();
            List<String[]> columns = jdbc.sql("""
                    SELECT table_name, column_name FROM information_schema.columns
                    WHERE LOWER(table_schema) = 'public' AND UPPER(data_type) LIKE 'CHARACTER%'
                      AND table_name NOT IN ('outgoing_message', 'event_publication', 'spring_session', 'spring_session_attributes',
                                             'flyway_schema_history', 'desk_notification', 'audit_entry', 'timeline_event', 'message',
                                             'event_publication_archive')
                    """).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            for (String[] column : columns) {
                jdbc.sql("SELECT DISTINCT \"" + column[1] + "\" FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\" IS NOT NULL")
                        .query((rs, n) -> rs.getString(1)).list().forEach(v -> {
                            for (String line : v.split("\n")) {
                                String s = line.strip();
                                if (s.length() >= 2) {
                                    data.values.add(s);
                                }
                            }
                        });
            }
            jdbc.sql("SELECT body FROM message WHERE kind <> 'SYSTEM'").query(String.class).list()
                    .forEach(v -> Set.of(v.split("\n")).forEach(line -> {
                        if (line.strip().length() >= 2) {
                            data.values.add(line.strip());
                        }
                    }));
            data.longestFirst.addAll(data.values);
            data.longestFirst.sort((a, b) -> b.length() - a.length());
            return data;
        }

        boolean contains(String text) {
            return values.contains(text);
        }

        /** The text without the user data it quotes (a subject in a title, a name in a sentence). */
        String strip(String text) {
            String left = text;
            for (String value : longestFirst) {
                if (value.length() >= 3 && left.contains(value)) {
                    left = left.replace(value, " ");
                }
            }
            return left;
        }
    }
}
