package org.atende.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.atende.customers.ContactDraft;
import org.atende.customers.ContactSummary;
import org.atende.customers.Customers;
import org.atende.customers.Language;
import org.atende.customers.OrganisationDraft;
import org.atende.customers.OrganisationSummary;
import org.atende.customers.OverQuotaPolicy;
import org.atende.customers.PlanDraft;
import org.atende.customers.PlanSummary;
import org.atende.customers.Quotas;
import org.atende.identity.Actor;
import org.atende.identity.Agents;
import org.atende.identity.Identity;
import org.atende.identity.IssuedToken;
import org.atende.identity.Role;
import org.atende.identity.TeamDraft;
import org.atende.identity.TeamKind;
import org.atende.identity.TeamSummary;
import org.atende.identity.TokenDraft;
import org.atende.identity.UserDraft;
import org.atende.identity.UserSummary;
import org.atende.knowledge.KnowledgeBase;
import org.atende.macros.Macros;
import org.atende.routing.RoutingMethod;
import org.atende.routing.RoutingOutcome;
import org.atende.routing.RoutingRuleDraft;
import org.atende.routing.RoutingRules;
import org.atende.sla.Outcome;
import org.atende.sla.SlaPolicies;
import org.atende.sla.SlaPolicy;
import org.atende.sla.SlaPolicyDraft;
import org.atende.sla.TargetUnit;
import org.atende.satisfaction.Rating;
import org.atende.satisfaction.Surveys;
import org.atende.tickets.Channel;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Priority;
import org.atende.tickets.Reply;
import org.atende.tickets.TicketChanges;
import org.atende.tickets.TicketStatus;
import org.atende.tickets.TicketType;
import org.atende.tickets.TicketView;
import org.atende.tickets.Tickets;
import org.atende.techservice.QuoteDraft;
import org.atende.techservice.QuoteView;
import org.atende.techservice.Quotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo desk on the first start with {@code atende.demo=true}, and never again: an existing
 * organisation means the desk is in use. Tickets are received over the last two weeks, and agents act
 * on them now, so their clocks end up running, paused, met and breached.
 */
@Component
@ConditionalOnBooleanProperty("atende.demo")
class DemoDesk implements ApplicationRunner {

    static final String PASSWORD = "atende-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoDesk.class);

    private final Customers customers;
    private final Identity identity;
    private final SlaPolicies policies;
    private final Tickets tickets;
    private final Quotas quotas;
    private final Quotes quotes;
    private final KnowledgeBase knowledge;
    private final Macros macros;
    private final RoutingRules routing;
    private final Agents agentProfiles;
    private final Surveys surveys;
    private final Clock clock;
    private final Path tokensFile;

    DemoDesk(Customers customers, Identity identity, SlaPolicies policies, Tickets tickets, Quotas quotas,
            Quotes quotes, KnowledgeBase knowledge, RoutingRules routing, Agents agentProfiles, Macros macros, Surveys surveys,
            Clock clock, @Value("${atende.demo.tokens-file:data/demo-tokens.txt}") Path tokensFile) {
        this.macros = macros;
        this.surveys = surveys;
        this.routing = routing;
        this.agentProfiles = agentProfiles;
        this.customers = customers;
        this.quotas = quotas;
        this.quotes = quotes;
        this.knowledge = knowledge;
        this.identity = identity;
        this.policies = policies;
        this.tickets = tickets;
        this.clock = clock;
        this.tokensFile = tokensFile;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (customers.countOrganisations() > 0) {
            log.info("Demo data not seeded: the desk already has organisations");
            return;
        }
        Instant now = clock.instant();
        SlaPolicy standard = policies.list().stream().filter(p -> p.name().equals("Standard support terms")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the standard SLA policy is missing"));
        SlaPolicy premium = saved(policies.create(premiumPolicy()));
        PlanSummary starter = customers.createPlan(new PlanDraft("Arranque", standard.id(), "LOW", 3, OverQuotaPolicy.REFUSE));
        PlanSummary flex = customers.createPlan(new PlanDraft("Flex", standard.id(), "LOW", 2, OverQuotaPolicy.ACCEPT_AND_FLAG));
        PlanSummary essential = customers.createPlan(new PlanDraft("Essencial", standard.id(), "LOW", 30, OverQuotaPolicy.REFUSE));
        PlanSummary professional = customers.createPlan(new PlanDraft("Profissional", standard.id(), "MEDIUM", 60,
                OverQuotaPolicy.ACCEPT_AND_FLAG));
        PlanSummary enterprise = customers.createPlan(new PlanDraft("Empresarial", premium.id(), "HIGH"));

        TeamSummary firstLine = identity.createTeam(new TeamDraft("Primeira linha", TeamKind.FIRST_LINE));
        TeamSummary secondLine = identity.createTeam(new TeamDraft("Segunda linha", TeamKind.SECOND_LINE));
        TeamSummary engineering = identity.createTeam(new TeamDraft("Engenharia", TeamKind.ENGINEERING));
        UserSummary admin = staff("admin@atende.example", "Marta Admin", Role.ADMIN, null);
        UserSummary lead = staff("lead@atende.example", "Rui Lead", Role.LEAD, firstLine, Language.PT, Language.EN);
        List<Actor> agents = List.of(
                actor(staff("ines@atende.example", "Inês Duarte", Role.AGENT, firstLine, Language.PT, Language.EN)),
                actor(staff("tiago@atende.example", "Tiago Moreira", Role.AGENT, firstLine, Language.PT, Language.ES)),
                actor(staff("lucia@atende.example", "Lucía Romero", Role.AGENT, secondLine, Language.ES, Language.PT)),
                actor(staff("owen@atende.example", "Owen Hughes", Role.AGENT, secondLine, Language.EN, Language.PT)));
        staff("bruno@atende.example", "Bruno Teixeira", Role.AGENT, engineering, Language.PT, Language.EN);
        staff("sofia@atende.example", "Sofia Almeida", Role.AGENT, engineering, Language.PT, Language.ES);

        seedRouting(firstLine, secondLine, engineering, enterprise);
        long leadId = lead.id().value();
        List<Customer> orgs = List.of(
                customer("Padaria Lusitana", enterprise, Language.PT, "padaria-lusitana.pt", leadId, "Joana Ferreira", "Miguel Santos"),
                customer("Hotel Miramar", professional, Language.ES, "hotelmiramar.es", leadId, "Carmen López", "Javier Ruiz"),
                customer("Northwind Facilities", professional, Language.EN, "northwind.example", leadId, "Emma Clarke", "Daniel Price"),
                customer("Clínica São João", essential, Language.PT, "clinicasaojoao.pt", leadId, "Ana Pereira", "Pedro Alves"));

        int articles = HelpArticles.seed(knowledge);
        DemoMacros demoMacros = new DemoMacros(macros, actor(lead), agents.getFirst(), firstLine, secondLine);
        List<Work> work = new ArrayList<>();
        int made = seedTickets(orgs, agents, secondLine, now, work, demoMacros);
        seedQuotes(work, agents, actor(lead), now);
        made += seedQuotaLimits(customer("Oficina Rápida", starter, Language.PT, "oficinarapida.pt", leadId, "Rita Nunes"),
                customer("Lumen Studio", flex, Language.EN, "lumen.example", leadId, "Oliver Grant"), now);
        IssuedToken adminToken = identity.issueToken(admin.id(), new TokenDraft("demo", null));
        IssuedToken customerToken = identity.issueToken(orgs.getFirst().user().userId(), new TokenDraft("demo", null));
        writeTokens(adminToken.secret(), customerToken.secret());
        log.info("Demo desk seeded: 5 plans, {} organisations, {} agents, 3 routing rules, {} tickets, {} help articles; sign in as admin@atende.example "
                + "(password {}); API tokens in {}", customers.countOrganisations(), agents.size() + 2, made, articles, PASSWORD, tokensFile.toAbsolutePath());
    }

    /**
     * Rules that send every ticket somewhere, routed after this seeding commits: technical service to Engenharia (least
     * open work), Spanish speakers and the Empresarial plan's customers to Segunda linha (round robin), everything else
     * to Primeira linha (round robin) as the default. The tickets the demo assigns or escalates by hand keep their owner.
     */
    private void seedRouting(TeamSummary firstLine, TeamSummary secondLine, TeamSummary engineering, PlanSummary enterprise) {
        rule("Engenharia — serviço técnico", new RoutingRuleDraft.Conditions(null, null, null, List.of("TECHNICAL_SERVICE"), null, null,
                null, null, null), engineering, RoutingMethod.LEAST_OPEN_WORK);
        rule("Pedidos em espanhol", new RoutingRuleDraft.Conditions(null, null, null, null, null, List.of("ES"), null, null, null),
                secondLine, RoutingMethod.ROUND_ROBIN);
        rule("Clientes Empresarial", new RoutingRuleDraft.Conditions(null, null, enterprise.id().value(), null, null, null, null, null,
                null), secondLine, RoutingMethod.ROUND_ROBIN);
        if (!(routing.changeSettings(new RoutingRuleDraft.Action(firstLine.id().value(), RoutingMethod.ROUND_ROBIN.name()))
                instanceof RoutingOutcome.Saved<?>)) {
            throw new IllegalStateException("demo default team refused");
        }
    }

    private void rule(String name, RoutingRuleDraft.Conditions conditions, TeamSummary team, RoutingMethod method) {
        var outcome = routing.create(new RoutingRuleDraft(name, true, null, conditions,
                new RoutingRuleDraft.Action(team.id().value(), method.name())));
        if (outcome instanceof RoutingOutcome.Refused<?> refused) {
            throw new IllegalStateException("demo routing rule refused: " + refused.problems());
        }
    }

    private int seedTickets(List<Customer> orgs, List<Actor> agents, TeamSummary secondLine, Instant now, List<Work> work,
            DemoMacros demoMacros) {
        Random random = new Random(20261125);
        // the channels customers write on (DESK is where staff write notes, never where a request comes in)
        Channel[] channels = {Channel.PORTAL, Channel.APP, Channel.EMAIL, Channel.WHATSAPP, Channel.API};
        int made = 0;
        for (int i = 0; i < 60; i++) {
            Customer c = orgs.get(i % orgs.size());
            Subject s = Subjects.pick(c.language(), i);
            Instant received = now.minus(Duration.ofMinutes(random.nextInt(14 * 24 * 60)));
            if (i % 6 == 0) {
                received = now.minus(Duration.ofMinutes(5 + random.nextInt(90))); // fresh: clocks running
            }
            Actor requester = c.user();
            TicketType type = i % 10 == 9 ? TicketType.TECHNICAL_SERVICE : i % 3 == 0 ? TicketType.INCIDENT : TicketType.QUESTION;
            TicketView t = tickets.open(new OpenTicket(null, null, channels[i % channels.length], s.subject(), s.body(), type,
                    type.isSupport() ? s.category() : "bulk_update", i % 4 == 0 ? Priority.HIGH : null, Set.of(s.category()), received), requester);
            Actor agent = agents.get(i % agents.size());
            made++;
            if (!type.isSupport()) {
                work.add(new Work(t, requester));
            } else if (i == 13) { // support ticket found to be database work: its clocks stop, its unit goes back
                tickets.update(t.id(), new TicketChanges(null, TicketType.TECHNICAL_SERVICE, "log_query", null, agent.userId(),
                        false, null, null), agent);
                work.add(new Work(t, requester));
                continue;
            }
            switch (i % 6) {
                case 0 -> { } // untouched and fresh: first response running
                case 1 -> tickets.update(t.id(), new TicketChanges(Priority.values()[i % 4], null, null, null,
                        agent.userId(), false, null, null), agent); // triaged, waiting for a first reply
                // the shared "ask for details" macro, its text replaced by the answer the subject needs
                case 2 -> macros.apply(t.id(), demoMacros.askForDetails, s.answer(), null, agent);
                case 3 -> {
                    if (i == 3) { // an answer with files: they preview on the desk and in the portal
                        tickets.reply(t.id(), Reply.publicly(s.answer()), List.of(DemoFiles.guide("Guia de exportacao",
                                "1. Abra Faturas > Exportar.", "2. Escolha o mes e o formato PDF.", "3. Carregue em Exportar."),
                                DemoFiles.screen("ecra-exportacao.png", "Faturas > Exportar")), agent);
                    } else {
                        tickets.reply(t.id(), Reply.publicly(s.answer()), agent);
                    }
                    tickets.update(t.id(), TicketChanges.status(TicketStatus.RESOLVED), agent);
                    rated(t, requester, i);
                }
                case 4 -> {
                    tickets.reply(t.id(), new Reply("Cliente com versão antiga; @lucia, consegues ver isto com a segunda linha?",
                            true, null, null), agent);
                    tickets.escalate(t.id(), secondLine.id(), "Precisa de análise da segunda linha", agent);
                    tickets.reply(t.id(), Reply.publicly(s.answer()), agent);
                }
                default -> {
                    tickets.reply(t.id(), new Reply(s.answer(), false, TicketStatus.WAITING_ON_CUSTOMER, null), agent);
                    tickets.reply(t.id(), Reply.publicly(s.followUp()), requester);
                }
            }
        }
        return made;
    }

    /** The requester of a resolved demo ticket is asked, and most answer: good and bad ratings, some with a comment. */
    private void rated(TicketView t, Actor requester, int i) {
        surveys.ask(t.id());
        switch (i / 6 % 4) { // the resolved demo tickets are every sixth: each answer in turn
            case 0 -> surveys.rateAsCustomer(t.id(), Rating.GOOD, null, requester, Channel.PORTAL);
            case 1 -> surveys.rateAsCustomer(t.id(), Rating.GOOD, switch (requester.name().hashCode() % 3) {
                case 0 -> "Resolvido em minutos, obrigado!";
                case 1 -> "Muy claro, gracias.";
                default -> "Clear answer, thanks.";
            }, requester, Channel.PORTAL);
            case 2 -> surveys.rateAsCustomer(t.id(), Rating.BAD, "A solução não funcionou à primeira; tive de voltar a escrever.",
                    requester, Channel.PORTAL);
            default -> { } // asked, not answered yet
        }
    }

    /**
     * One organisation exactly at its allowance on a plan that refuses the next ticket, and one past it on
     * a plan that accepts and flags (its last ticket is billable); all received this month.
     */
    private int seedQuotaLimits(Customer atLimit, Customer overLimit, Instant now) {
        Instant monthStart = quotas.renewalOf(quotas.monthOf(now).minusMonths(1));
        String[][] asks = {
                {"Fatura não sai em PDF", "Ao gerar a fatura aparece uma página em branco."},
                {"Utilizador bloqueado", "A Rita ficou bloqueada depois de três tentativas."},
                {"Relatório mensal vazio", "O relatório de outubro não mostra dados."}};
        int made = 0;
        for (int i = 0; i < 3; i++) {
            Instant received = latest(monthStart, now.minus(Duration.ofHours(30L * (3 - i))));
            tickets.open(new OpenTicket(null, null, Channel.PORTAL, asks[i][0], asks[i][1], TicketType.QUESTION, null, null,
                    Set.of(), received), atLimit.user());
            made++;
        }
        String[][] english = {
                {"Cannot invite a colleague", "The invitation e-mail never arrives."},
                {"Dashboard is slow", "It takes a minute to load since Monday."},
                {"Export to CSV misses a column", "The VAT column is not in the export."}};
        for (int i = 0; i < 3; i++) {
            Instant received = latest(monthStart, now.minus(Duration.ofHours(20L * (3 - i))));
            tickets.open(new OpenTicket(null, null, Channel.APP, english[i][0], english[i][1], TicketType.QUESTION, null, null,
                    Set.of(), received), overLimit.user());
            made++;
        }
        return made;
    }

    /**
     * Technical-service tickets with quotes in every state a desk meets: a draft, one sent and awaiting
     * the customer, one superseded by a revision, a rejected one, accepted work, work done, work invoiced.
     */
    private void seedQuotes(List<Work> work, List<Actor> agents, Actor lead, Instant now) {
        LocalDate validUntil = LocalDate.ofInstant(now, quotas.zone()).plusDays(14);
        String[] descriptions = {
                "Restaurar os registos apagados a partir da cópia de segurança de ontem",
                "Consulta aos registos de acesso dos últimos 90 dias e relatório",
                "Atualização em massa dos preços de 1.200 artigos a partir da folha enviada",
                "Carregamento do ficheiro de clientes (CSV, 8.000 linhas) com validação",
                "Ação em massa: arquivar as encomendas de 2024",
                "Recuperação de anexos eliminados de 14 processos",
                "Exportação dos registos de auditoria para a auditoria externa"};
        for (int i = 0; i < work.size(); i++) {
            Work w = work.get(i);
            Actor agent = agents.get(i % agents.size());
            QuoteView q = quotes.draft(w.ticket().id(), new QuoteDraft(descriptions[i % descriptions.length],
                    new BigDecimal(2 + i * 3).add(new BigDecimal("0.50")), 12_000L + i * 9_500L, validUntil), agent);
            switch (i % 7) {
                case 0 -> { } // a draft the agent is still writing
                case 1 -> quotes.send(q.id(), agent); // awaiting the customer
                case 2 -> { // revised: the first version superseded by the second, which awaits the customer
                    quotes.send(q.id(), agent);
                    QuoteView revision = quotes.draft(w.ticket().id(), new QuoteDraft(descriptions[i % descriptions.length]
                            + " (revisto: inclui validação)", new BigDecimal("9.00"), 54_000L, validUntil), agent);
                    quotes.send(revision.id(), agent);
                }
                case 3 -> {
                    quotes.send(q.id(), agent);
                    quotes.reject(q.id(), "Preferimos fazer internamente", w.customer());
                }
                case 4 -> {
                    quotes.send(q.id(), agent);
                    quotes.accept(q.id(), w.customer());
                }
                case 5 -> {
                    quotes.send(q.id(), agent);
                    quotes.accept(q.id(), w.customer());
                    quotes.markDone(q.id(), agent);
                }
                default -> {
                    quotes.send(q.id(), agent);
                    quotes.accept(q.id(), w.customer());
                    quotes.markDone(q.id(), agent);
                    quotes.invoice(q.id(), "FT 2026/" + (800 + i), lead);
                }
            }
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private Customer customer(String name, PlanSummary plan, Language language, String domain, long accountLead, String... people) {
        OrganisationSummary org = customers.createOrganisation(new OrganisationDraft(name, plan.id(), language, null,
                List.of(domain), accountLead));
        List<ContactSummary> contacts = new ArrayList<>();
        for (String person : people) {
            String email = person.toLowerCase(java.util.Locale.ROOT).split(" ")[0]
                    .replaceAll("[^a-z]", "") + "@" + domain;
            contacts.add(customers.createContact(org.id(), new ContactDraft(person, email, null, language)));
        }
        ContactSummary first = contacts.getFirst();
        UserSummary user = identity.createUser(new UserDraft(first.email(), first.name(), Role.CUSTOMER, org.id(),
                first.id(), null, true, PASSWORD));
        return new Customer(org, language, new Actor(user.id(), user.name(), Role.CUSTOMER, org.id(), first.id()));
    }

    private UserSummary staff(String email, String name, Role role, TeamSummary team, Language... speaks) {
        UserSummary user = identity.createUser(new UserDraft(email, name, role, null, null, team == null ? null : team.id(), true, PASSWORD));
        agentProfiles.setLanguages(user.id(), List.of(speaks));
        return user;
    }

    private static Actor actor(UserSummary user) {
        return new Actor(user.id(), user.name(), user.role(), null, null);
    }

    private static SlaPolicyDraft premiumPolicy() {
        var h = (java.util.function.IntFunction<SlaPolicyDraft.Target>) n -> new SlaPolicyDraft.Target(n, TargetUnit.HOURS);
        return new SlaPolicyDraft("Premium", 75, Set.of(TicketStatus.WAITING_ON_CUSTOMER), null, Map.of(
                Priority.LOW, new SlaPolicyDraft.Targets(new SlaPolicyDraft.Target(1, TargetUnit.DAYS), h.apply(16)),
                Priority.MEDIUM, new SlaPolicyDraft.Targets(h.apply(8), h.apply(16)),
                Priority.HIGH, new SlaPolicyDraft.Targets(h.apply(4), h.apply(16)),
                Priority.URGENT, new SlaPolicyDraft.Targets(h.apply(2), h.apply(8))));
    }

    private static <T> T saved(Outcome<T> outcome) {
        return switch (outcome) {
            case Outcome.Saved<T> s -> s.value();
            case Outcome.Rejected<T> r -> throw new IllegalStateException("demo policy refused: " + r.problems());
        };
    }

    private void writeTokens(String admin, String customer) throws IOException {
        if (tokensFile.getParent() != null) {
            Files.createDirectories(tokensFile.getParent());
        }
        Files.writeString(tokensFile, "ADMIN_TOKEN=" + admin + "\nCUSTOMER_TOKEN=" + customer + "\n");
    }

    private record Customer(OrganisationSummary org, Language language, Actor user) {
    }

    /** A technical-service ticket and the customer who asked for it. */
    private record Work(TicketView ticket, Actor customer) {
    }
}
