package org.atende.demo;

import java.util.Set;

import org.atende.identity.Actor;
import org.atende.identity.TeamSummary;
import org.atende.macros.MacroActions;
import org.atende.macros.MacroDraft;
import org.atende.macros.MacroId;
import org.atende.macros.MacroOutcome;
import org.atende.macros.MacroScope;
import org.atende.macros.MacroTexts;
import org.atende.macros.Macros;
import org.atende.tickets.Priority;
import org.atende.tickets.TicketStatus;

/**
 * The demo desk's macros, in the three languages: shared ones the lead keeps (ask for details, known fix,
 * acknowledge with the due time, resolved), a first-line team macro that hands a ticket to the second line, and
 * an agent's personal one. {@link #askForDetails} is the one the demo's agents answer with.
 */
final class DemoMacros {

    final MacroId askForDetails;

    DemoMacros(Macros macros, Actor lead, Actor ines, TeamSummary firstLine, TeamSummary secondLine) {
        askForDetails = saved(macros.create(new MacroDraft("Pedir detalhes / Ask for details", MacroScope.SHARED, null,
                new MacroTexts(
                        "Hola {{contact.firstName}}:\n\nPara avanzar con el ticket #{{ticket.number}} necesitamos un poco más de "
                                + "información: ¿qué pasos sigue, qué mensaje de error ve y desde cuándo ocurre? Una captura de "
                                + "pantalla ayuda mucho.\n\nUn saludo,\n{{agent.name}}",
                        "Olá {{contact.firstName}},\n\nPara avançarmos com o pedido #{{ticket.number}} precisamos de mais alguns "
                                + "dados: que passos segue, que mensagem de erro vê e desde quando acontece? Uma captura de ecrã "
                                + "ajuda muito.\n\nCumprimentos,\n{{agent.name}}",
                        "Hello {{contact.firstName}},\n\nTo move ticket #{{ticket.number}} forward we need a few more details: "
                                + "which steps you take, which error you see and since when it happens? A screenshot helps a lot."
                                + "\n\nKind regards,\n{{agent.name}}"),
                new MacroActions(TicketStatus.WAITING_ON_CUSTOMER, null, null, Set.of("awaiting-details"), Set.of(), null, null,
                        false)), lead));
        saved(macros.create(new MacroDraft("Recebido, com prazo / Acknowledge with due time", MacroScope.SHARED, null,
                new MacroTexts(
                        "Hola {{contact.firstName}}:\n\nHemos recibido su solicitud «{{ticket.subject}}» (#{{ticket.number}}) "
                                + "y ya estamos con ella. Le daremos una primera respuesta {{sla.firstResponseDue}}.\n\n{{agent.name}}",
                        "Olá {{contact.firstName}},\n\nRecebemos o seu pedido «{{ticket.subject}}» (#{{ticket.number}}) e já "
                                + "estamos a tratar dele. Daremos uma primeira resposta {{sla.firstResponseDue}}.\n\n{{agent.name}}",
                        "Hello {{contact.firstName}},\n\nWe received your request \"{{ticket.subject}}\" (#{{ticket.number}}) and "
                                + "are on it. You will have a first answer {{sla.firstResponseDue}}.\n\n{{agent.name}}"),
                new MacroActions(TicketStatus.OPEN, null, null, Set.of(), Set.of(), null, null, true)), lead));
        saved(macros.create(new MacroDraft("Exportação para PDF: solução / PDF export fix", MacroScope.SHARED, null,
                new MacroTexts(
                        "Hola {{contact.firstName}}:\n\nEl error al exportar a PDF se corrige actualizando a la última versión "
                                + "(Ayuda › Buscar actualizaciones). Si sigue ocurriendo, responda a este mensaje.\n\n{{agent.name}}",
                        "Olá {{contact.firstName}},\n\nO erro ao exportar para PDF fica resolvido ao atualizar para a última "
                                + "versão (Ajuda › Procurar atualizações). Se continuar, responda a esta mensagem.\n\n{{agent.name}}",
                        "Hello {{contact.firstName}},\n\nThe PDF export error is fixed by updating to the latest version "
                                + "(Help › Check for updates). If it still happens, just reply to this message.\n\n{{agent.name}}"),
                new MacroActions(TicketStatus.RESOLVED, null, null, Set.of("pdf-export"), Set.of(), null, null, false)), lead));
        saved(macros.create(new MacroDraft("Resolvido / Resolved", MacroScope.SHARED, null,
                new MacroTexts(
                        "Hola {{contact.firstName}}:\n\nDamos por resuelto el ticket #{{ticket.number}}. Si necesita algo más, "
                                + "responda a este mensaje y lo reabriremos.\n\nGracias,\n{{agent.name}}",
                        "Olá {{contact.firstName}},\n\nDamos o pedido #{{ticket.number}} por resolvido. Se precisar de mais "
                                + "alguma coisa, responda a esta mensagem e reabrimo-lo.\n\nObrigado,\n{{agent.name}}",
                        "Hello {{contact.firstName}},\n\nWe consider ticket #{{ticket.number}} resolved. If you need anything "
                                + "else, reply to this message and we will reopen it.\n\nThank you,\n{{agent.name}}"),
                new MacroActions(TicketStatus.RESOLVED, null, null, Set.of(), Set.of("awaiting-details"), null, null, false)), lead));
        saved(macros.create(new MacroDraft("Passar à segunda linha / To the second line", MacroScope.TEAM, firstLine.id().value(),
                new MacroTexts(
                        "Hola {{contact.firstName}}:\n\nHemos pasado su solicitud a nuestro equipo técnico, que le responderá "
                                + "{{sla.resolutionDue}} como muy tarde.\n\n{{agent.name}}",
                        "Olá {{contact.firstName}},\n\nPassámos o seu pedido à nossa equipa técnica, que lhe responderá "
                                + "{{sla.resolutionDue}} o mais tardar.\n\n{{agent.name}}",
                        "Hello {{contact.firstName}},\n\nWe passed your request to our technical team, who will answer you "
                                + "{{sla.resolutionDue}} at the latest.\n\n{{agent.name}}"),
                new MacroActions(null, Priority.HIGH, null, Set.of("second-line"), Set.of(), secondLine.id().value(), null, false)),
                lead));
        saved(macros.create(new MacroDraft("Obrigada pela paciência", MacroScope.PERSONAL, null,
                new MacroTexts(null,
                        "Olá {{contact.firstName}},\n\nObrigada pela paciência! Estou a acompanhar o pedido #{{ticket.number}} "
                                + "pessoalmente e volto a falar consigo {{sla.resolutionDue}}.\n\nInês",
                        null),
                org.atende.macros.MacroActions.NONE), ines));
    }

    private static MacroId saved(MacroOutcome outcome) {
        return switch (outcome) {
            case MacroOutcome.Saved saved -> saved.macro().macroId();
            case MacroOutcome.Rejected rejected -> throw new IllegalStateException("demo macro refused: " + rejected.problems());
        };
    }
}
