package org.atende.demo;

import java.util.List;
import java.util.Map;

import org.atende.customers.Language;

/** Demo conversations in each language the desk speaks. */
final class Subjects {

    private static final Map<Language, List<Subject>> BY_LANGUAGE = Map.of(
            Language.PT, List.of(
                    new Subject("Não consigo entrar na aplicação", "Desde hoje de manhã a aplicação diz que a palavra-passe está errada.",
                            "login", "Olá! Já repusemos o seu acesso; pode tentar novamente?", "Já consigo entrar, obrigado."),
                    new Subject("Relatório mensal não exporta para PDF", "Ao exportar o relatório de outubro aparece um erro 500.",
                            "reports", "Pode enviar-nos o nome do relatório e a hora do erro?", "Foi às 10:15, relatório 'Manutenção outubro'."),
                    new Subject("Ordem de trabalho duplicada", "Cada ordem criada no telemóvel aparece duas vezes.",
                            "work-orders", "Estamos a analisar com a equipa; qual a versão da aplicação?", "Versão 4.12 em Android."),
                    new Subject("Recuperar ativos apagados", "Apagámos por engano 40 ativos do edifício B. É possível recuperá-los?",
                            "restore", "Isto é um pedido de Serviço Técnico; enviaremos um orçamento.", "Aguardamos o orçamento."),
                    new Subject("Notificações por e-mail não chegam", "Os técnicos deixaram de receber as notificações de novas ordens.",
                            "notifications", "Verificámos a configuração; pode confirmar o endereço?", "O endereço é tecnicos@exemplo.pt.")),
            Language.ES, List.of(
                    new Subject("No puedo iniciar sesión", "La aplicación dice que mi contraseña no es válida.",
                            "login", "¡Hola! Hemos restablecido su acceso, ¿puede probar de nuevo?", "Ya funciona, gracias."),
                    new Subject("Error al exportar el informe", "El informe de ocupación falla al exportarlo a Excel.",
                            "reports", "¿Nos indica el nombre del informe y la hora del error?", "Fue a las 9:40, informe 'Ocupación'."),
                    new Subject("Carga masiva de habitaciones", "Necesitamos cargar 300 habitaciones desde un fichero.",
                            "file-load", "Es un servicio técnico; le enviaremos un presupuesto.", "De acuerdo, esperamos el presupuesto."),
                    new Subject("La app móvil se cierra sola", "Al abrir una orden de trabajo la app se cierra en iOS.",
                            "mobile", "¿Qué versión de iOS y de la aplicación usa?", "iOS 18.2 y app 4.12.")),
            Language.EN, List.of(
                    new Subject("Cannot sign in to the portal", "Since this morning the portal rejects my password.",
                            "login", "Hi! We have reset your access; could you try again?", "It works now, thanks."),
                    new Subject("Dashboard shows no data", "The maintenance dashboard has been empty since yesterday.",
                            "dashboards", "Which site and which dashboard are you looking at?", "Site London Bridge, 'Open work orders'."),
                    new Subject("Bulk update of asset categories", "We need 1,200 assets moved to a new category.",
                            "bulk-update", "That is technical-service work; we will send a quote.", "Thanks, waiting for the quote."),
                    new Subject("SLA timer looks wrong", "A work order shows 2 hours late but it was created an hour ago.",
                            "work-orders", "Could you share the work order number?", "It is WO-48213.")));

    private Subjects() {
    }

    static Subject pick(Language language, int i) {
        List<Subject> list = BY_LANGUAGE.get(language);
        return list.get(i % list.size());
    }
}
