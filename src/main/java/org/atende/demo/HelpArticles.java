package org.atende.demo;

import java.util.List;

import org.atende.customers.Language;
import org.atende.knowledge.ArticleDraft;
import org.atende.knowledge.ArticleView;
import org.atende.knowledge.CategoryDraft;
import org.atende.knowledge.KnowledgeBase;

/**
 * The demo knowledge base: four topics the support terms cover, each in Spanish, Portuguese and English
 * and published, plus two drafts still being written.
 */
public final class HelpArticles {

    private HelpArticles() {
    }

    record Article(String category, Language language, String slug, String title, String summary, String markdown) {
    }

    public static int seed(KnowledgeBase knowledge) {
        long account = knowledge.createCategory(new CategoryDraft("account", "Cuenta y acceso", "Conta e acesso",
                "Account and sign-in", 1)).id();
        long data = knowledge.createCategory(new CategoryDraft("data", "Datos y exportación", "Dados e exportação",
                "Data and exports", 2)).id();
        long support = knowledge.createCategory(new CategoryDraft("support", "Cómo trabajamos", "Como trabalhamos",
                "How support works", 3)).id();
        int made = 0;
        for (List<Article> topic : List.of(SIGN_IN, EXPORT, PERMISSIONS, BUG_REPORT)) {
            Long first = null;
            for (Article a : topic) {
                long category = switch (a.category()) {
                    case "account" -> account;
                    case "data" -> data;
                    default -> support;
                };
                ArticleView saved = knowledge.create(new ArticleDraft(a.slug(), a.language(), a.title(), a.summary(),
                        a.markdown(), category, first));
                knowledge.publish(saved.id());
                first = first == null ? saved.id() : first;
                made++;
            }
        }
        for (Article a : DRAFTS) {
            knowledge.create(new ArticleDraft(a.slug(), a.language(), a.title(), a.summary(), a.markdown(), support, null));
            made++;
        }
        return made;
    }

    static final List<Article> SIGN_IN = List.of(
            new Article("account", Language.ES, "no-puedo-iniciar-sesion", "No puedo iniciar sesión o he olvidado mi contraseña",
                    "Cómo recuperar el acceso: restablecer la contraseña, cuenta bloqueada y códigos de verificación.", """
                    Si no puede iniciar sesión, casi siempre se resuelve en dos minutos sin abrir un ticket.

                    ## Restablecer la contraseña
                    1. En la pantalla de acceso, pulse **¿Ha olvidado su contraseña?**
                    2. Escriba el correo con el que entra en la aplicación.
                    3. Abra el enlace que le enviamos (caduca a los 30 minutos) y elija una contraseña nueva de al menos 12 caracteres.

                    Si el correo no llega en 5 minutos, mire la carpeta de spam y compruebe que la dirección es la registrada por su empresa.

                    ## Cuenta bloqueada
                    Tras 5 intentos fallidos la cuenta se bloquea durante 15 minutos. Espere y vuelva a intentarlo,
                    o pida al administrador de su empresa que la desbloquee en **Ajustes › Usuarios**.

                    ## Código de verificación
                    Si usa verificación en dos pasos y ha cambiado de teléfono, el administrador de su empresa puede
                    restablecerla. Si su empresa no tiene administrador disponible, abra un ticket indicando el usuario.
                    """),
            new Article("account", Language.PT, "nao-consigo-entrar", "Não consigo entrar ou esqueci-me da palavra-passe",
                    "Como recuperar o acesso: repor a palavra-passe, conta bloqueada e códigos de verificação.", """
                    Se não consegue entrar, quase sempre se resolve em dois minutos sem abrir um pedido.

                    ## Repor a palavra-passe
                    1. No ecrã de entrada, carregue em **Esqueceu-se da palavra-passe?**
                    2. Escreva o e-mail com que entra na aplicação.
                    3. Abra a ligação que lhe enviamos (expira ao fim de 30 minutos) e escolha uma palavra-passe nova com pelo menos 12 caracteres.

                    Se o e-mail não chegar em 5 minutos, veja a pasta de spam e confirme que o endereço é o registado pela sua empresa.

                    ## Conta bloqueada
                    Depois de 5 tentativas falhadas a conta fica bloqueada durante 15 minutos. Aguarde e tente de novo,
                    ou peça ao administrador da sua empresa que a desbloqueie em **Definições › Utilizadores**.

                    ## Código de verificação
                    Se usa verificação em dois passos e mudou de telemóvel, o administrador da sua empresa pode
                    repô-la. Se a sua empresa não tiver um administrador disponível, abra um pedido indicando o utilizador.
                    """),
            new Article("account", Language.EN, "cannot-sign-in", "I can't sign in or I forgot my password",
                    "Getting back in: resetting your password, locked accounts and verification codes.", """
                    If you cannot sign in, it is usually fixed in two minutes without opening a ticket.

                    ## Reset your password
                    1. On the sign-in page, click **Forgot your password?**
                    2. Enter the e-mail address you sign in with.
                    3. Open the link we send you (it expires after 30 minutes) and choose a new password of at least 12 characters.

                    If the e-mail does not arrive within 5 minutes, check your spam folder and make sure the address is the one your company registered.

                    ## Locked account
                    After 5 failed attempts the account is locked for 15 minutes. Wait and try again, or ask your
                    company's administrator to unlock it under **Settings › Users**.

                    ## Verification code
                    If you use two-step verification and changed phones, your company's administrator can reset it.
                    If nobody at your company can, open a ticket naming the user.
                    """));

    static final List<Article> EXPORT = List.of(
            new Article("data", Language.ES, "exportar-datos-y-facturas", "Exportar facturas, informes y datos",
                    "Exportar a Excel (CSV) o PDF, qué hacer si la exportación falla o sale vacía.", """
                    Todas las listas (facturas, clientes, artículos, informes) se pueden exportar.

                    ## Cómo exportar
                    1. Abra la lista y aplique los filtros que necesite (por ejemplo, las facturas del mes).
                    2. Pulse **Exportar** y elija **CSV** (se abre en Excel) o **PDF**.
                    3. Las exportaciones de más de 10 000 filas se preparan en segundo plano; le avisamos por correo con el enlace de descarga.

                    ## Si la exportación falla
                    - **Sale vacía:** revise los filtros y el intervalo de fechas.
                    - **Error 500 o página en blanco al exportar a PDF:** pruebe con un intervalo más corto y, si se repite,
                      abra un ticket con la hora aproximada y una captura de pantalla.
                    - **Caracteres extraños en Excel:** importe el CSV con codificación UTF-8 (Datos › Desde texto/CSV).

                    Las cargas o correcciones masivas de datos no son soporte: son servicio técnico y se presupuestan aparte.
                    """),
            new Article("data", Language.PT, "exportar-dados-e-faturas", "Exportar faturas, relatórios e dados",
                    "Exportar para Excel (CSV) ou PDF, e o que fazer se a exportação falhar ou sair vazia.", """
                    Todas as listas (faturas, clientes, artigos, relatórios) podem ser exportadas.

                    ## Como exportar
                    1. Abra a lista e aplique os filtros de que precisa (por exemplo, as faturas do mês).
                    2. Carregue em **Exportar** e escolha **CSV** (abre no Excel) ou **PDF**.
                    3. Exportações com mais de 10 000 linhas são preparadas em segundo plano; avisamos por e-mail com a ligação para descarregar.

                    ## Se a exportação falhar
                    - **Sai vazia:** reveja os filtros e o intervalo de datas.
                    - **Erro 500 ou página em branco ao exportar para PDF:** experimente um intervalo mais curto e, se se repetir,
                      abra um pedido com a hora aproximada e uma captura de ecrã.
                    - **Caracteres estranhos no Excel:** importe o CSV com codificação UTF-8 (Dados › De texto/CSV).

                    Cargas ou correções em massa de dados não são suporte: são serviço técnico e orçamentadas à parte.
                    """),
            new Article("data", Language.EN, "export-invoices-and-data", "Export invoices, reports and data",
                    "Exporting to Excel (CSV) or PDF, and what to do when an export fails or comes out empty.", """
                    Every list (invoices, customers, items, reports) can be exported.

                    ## How to export
                    1. Open the list and apply the filters you need (for example, this month's invoices).
                    2. Click **Export** and choose **CSV** (opens in Excel) or **PDF**.
                    3. Exports of more than 10,000 rows are prepared in the background; we e-mail you the download link.

                    ## When an export fails
                    - **It is empty:** check the filters and the date range.
                    - **Error 500 or a blank page when exporting to PDF:** try a shorter date range and, if it happens again,
                      open a ticket with the approximate time and a screenshot.
                    - **Odd characters in Excel:** import the CSV as UTF-8 (Data › From Text/CSV).

                    Bulk data loads or corrections are not support: they are technical service, quoted separately.
                    """));

    static final List<Article> PERMISSIONS = List.of(
            new Article("account", Language.ES, "permisos-de-usuarios", "Dar permisos a un usuario o crear uno nuevo",
                    "Perfiles de usuario, quién puede cambiarlos y por qué alguien no ve un menú.", """
                    Los permisos los gestiona el **administrador de su empresa**, no el soporte: así nadie fuera de su empresa decide quién ve qué.

                    ## Perfiles
                    | Perfil | Puede |
                    |---|---|
                    | Consulta | ver listas e informes |
                    | Operador | crear y modificar documentos |
                    | Administrador | todo lo anterior, y gestionar usuarios y ajustes |

                    ## Crear un usuario o cambiar su perfil
                    1. Entre como administrador y abra **Ajustes › Usuarios**.
                    2. Pulse **Nuevo usuario** (o abra uno existente) y elija su perfil.
                    3. El usuario recibe un correo para definir su contraseña.

                    Si un usuario no ve un menú, casi siempre le falta el perfil adecuado. Los cambios se aplican en su próximo inicio de sesión.
                    """),
            new Article("account", Language.PT, "permissoes-de-utilizadores", "Dar permissões a um utilizador ou criar um novo",
                    "Perfis de utilizador, quem os pode mudar e porque é que alguém não vê um menu.", """
                    As permissões são geridas pelo **administrador da sua empresa**, não pelo suporte: assim ninguém fora da sua empresa decide quem vê o quê.

                    ## Perfis
                    | Perfil | Pode |
                    |---|---|
                    | Consulta | ver listas e relatórios |
                    | Operador | criar e alterar documentos |
                    | Administrador | tudo o anterior, e gerir utilizadores e definições |

                    ## Criar um utilizador ou mudar o seu perfil
                    1. Entre como administrador e abra **Definições › Utilizadores**.
                    2. Carregue em **Novo utilizador** (ou abra um existente) e escolha o perfil.
                    3. O utilizador recebe um e-mail para definir a palavra-passe.

                    Se um utilizador não vê um menu, quase sempre lhe falta o perfil certo. As alterações aplicam-se na próxima entrada.
                    """),
            new Article("account", Language.EN, "user-permissions", "Give a user permissions or add a new user",
                    "User roles, who can change them, and why someone cannot see a menu.", """
                    Permissions are managed by **your company's administrator**, not by support: that way nobody outside your company decides who sees what.

                    ## Roles
                    | Role | Can |
                    |---|---|
                    | Viewer | see lists and reports |
                    | Operator | create and change documents |
                    | Administrator | all of the above, and manage users and settings |

                    ## Add a user or change their role
                    1. Sign in as an administrator and open **Settings › Users**.
                    2. Click **New user** (or open an existing one) and choose the role.
                    3. The user gets an e-mail to set their password.

                    If a user cannot see a menu, they almost always lack the right role. Changes apply at their next sign-in.
                    """));

    static final List<Article> BUG_REPORT = List.of(
            new Article("support", Language.ES, "como-informar-de-un-error", "Cómo informar de un error (con capturas de pantalla)",
                    "Qué incluir para que resolvamos un error a la primera: pasos, capturas y hora.", """
                    Un buen informe ahorra días de idas y vueltas. Incluya:

                    1. **Qué intentaba hacer** y qué esperaba que pasara.
                    2. **Qué pasó**: el mensaje de error exacto.
                    3. **Los pasos** para reproducirlo, uno por línea.
                    4. **Capturas de pantalla** de toda la pantalla (Windows: `Win + Mayús + S`; Mac: `Cmd + Mayús + 4`), adjuntas al ticket o al correo.
                    5. **La hora aproximada** y el usuario, para encontrarlo en nuestros registros.

                    Si el error impide trabajar a toda la empresa, indique prioridad **Urgente** y llámenos la atención en el asunto.
                    No envíe contraseñas: nunca se las pediremos.
                    """),
            new Article("support", Language.PT, "como-reportar-um-erro", "Como reportar um erro (com capturas de ecrã)",
                    "O que incluir para resolvermos um erro à primeira: passos, capturas e hora.", """
                    Um bom relato poupa dias de idas e voltas. Inclua:

                    1. **O que estava a tentar fazer** e o que esperava que acontecesse.
                    2. **O que aconteceu**: a mensagem de erro exata.
                    3. **Os passos** para o reproduzir, um por linha.
                    4. **Capturas de ecrã** do ecrã inteiro (Windows: `Win + Shift + S`; Mac: `Cmd + Shift + 4`), anexadas ao pedido ou ao e-mail.
                    5. **A hora aproximada** e o utilizador, para o encontrarmos nos nossos registos.

                    Se o erro impede toda a empresa de trabalhar, indique prioridade **Urgente** e assinale-o no assunto.
                    Não envie palavras-passe: nunca lhas pediremos.
                    """),
            new Article("support", Language.EN, "how-to-report-a-bug", "How to report a bug (with screenshots)",
                    "What to include so we can fix a bug first time: steps, screenshots and the time.", """
                    A good report saves days of back and forth. Include:

                    1. **What you were trying to do** and what you expected to happen.
                    2. **What happened**: the exact error message.
                    3. **The steps** to reproduce it, one per line.
                    4. **Screenshots** of the whole screen (Windows: `Win + Shift + S`; Mac: `Cmd + Shift + 4`), attached to the ticket or the e-mail.
                    5. **The approximate time** and the user, so we can find it in our logs.

                    If the bug stops your whole company from working, set priority **Urgent** and say so in the subject.
                    Never send passwords: we will never ask for them.
                    """));

    static final List<Article> DRAFTS = List.of(
            new Article("support", Language.EN, "support-hours-and-channels", "Support hours, targets and channels",
                    "When we answer, how fast we aim to, and how to reach us.", """
                    We answer **09:00–21:00 Lisbon time on working days**, through the portal, the app, e-mail and WhatsApp.

                    | Priority | First-response target |
                    |---|---|
                    | Urgent | 4 business hours |
                    | High | 12 business hours |
                    | Medium | 1 business day |
                    | Low | 2 business days |

                    These are service targets, not binding commitments. Time waiting for your answer does not count.
                    On WhatsApp, write from the number registered for your company; by e-mail, from your registered address.
                    """),
            new Article("support", Language.ES, "servicio-tecnico-y-presupuestos", "Servicio técnico: qué cubre y cómo funcionan los presupuestos",
                    "Trabajos de base de datos fuera del soporte: presupuesto, aceptación y facturación.", """
                    El soporte resuelve dudas y errores de la aplicación. Los trabajos sobre sus datos
                    (cargas o correcciones masivas, consultas a medida, recuperar registros) son **servicio técnico**:

                    1. Nos describe el trabajo en un ticket.
                    2. Le enviamos un **presupuesto** con el precio y el plazo.
                    3. Si lo acepta, lo realizamos y se factura a fin de mes.

                    El servicio técnico no tiene objetivos de respuesta del soporte: el plazo es el del presupuesto.
                    """));
}
