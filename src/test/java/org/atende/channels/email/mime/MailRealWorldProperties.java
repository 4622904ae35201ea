package org.atende.channels.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atende.support.PropertyCases.between;
import static org.atende.support.PropertyCases.cases;
import static org.atende.support.PropertyCases.frequency;
import static org.atende.support.PropertyCases.pick;
import static org.atende.support.PropertyCases.weight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real-world shapes of mail, drawn at random and mutated the ways senders' programs mangle them:
 * address forms, raw 8-bit headers in East Asian and Latin charsets, multiparts that lost their boundary
 * lines or split their body into text and HTML parts, and files sent uuencoded or mistyped. Whatever is
 * drawn, the sender, the text and the files come out as written, or the mail is kept for a person.
 */
class MailRealWorldProperties {

    /** A sender as a program might write it: its address, name, and the header that says so. */
    record Sender(String local, String domain, String name, int form) {

        String header() {
            String address = local + "@" + domain;
            return switch (form) {
                case 0 -> name + " " + address; // no angle brackets
                case 1 -> "\"" + name.replace("\"", "") + "\" <" + address + ">";
                case 2 -> address + " (" + name.replace("(", "").replace(")", "") + ")";
                case 3 -> "=?utf-8?b?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?= <" + address + ">";
                case 4 -> "Equipa: " + address + ", outra@" + domain + ";";
                case 5 -> "<" + address.toUpperCase(Locale.ROOT) + ">";
                default -> address + ", segunda@" + domain; // several senders: the first counts
            };
        }

        /** The name the reader should give: the written one, when the form carries one. */
        String expectedName() {
            return switch (form) {
                case 0, 3 -> name;
                case 1 -> name.replace("\"", "");
                case 2 -> name.replace("(", "").replace(")", "");
                default -> null;
            };
        }
    }

    static final List<String> NAMES = List.of("Ana Silva", "Silva, Ana", "José María Peña", "Zoë O'Neil", "Rui", "田中 花子", "Ωmega Ltd");
    static final List<String> LOCALS = List.of("ana", "ops", "joao.pereira", "j_m+tickets", "x1", "ÿ".isEmpty() ? "a" : "maria-luisa");
    static final List<String> DOMAINS = List.of("cliente.pt", "intranet", "mail.hotel-miramar.es", "müller.de", "xn--mller-kva.de", "a.b.c.example");

    static Sender sender(SplittableRandom r) {
        String name = pick(r, NAMES);
        int form = between(r, 0, 6);
        if (form == 0) {
            name = name.replace(",", ""); // a comma without quotes makes two addresses, as it should
        }
        return new Sender(pick(r, LOCALS), pick(r, DOMAINS), name, form);
    }

    @TestFactory
    Stream<DynamicTest> readsTheSenderOfEveryAddressForm() {
        return cases("readsTheSenderOfEveryAddressForm", 300, MailRealWorldProperties::sender, s -> {
            byte[] raw = RawMail.of("From: ").in("UTF-8", s.header()).ascii("\nSubject: x\nMessage-ID: <p@x.example>\n\nTexto.\n").bytes();

            ParsedMail mail = MailCorpus.READER.read(raw);

            String domain = java.net.IDN.toUnicode(s.domain(), java.net.IDN.ALLOW_UNASSIGNED);
            assertThat(mail.from()).isNotNull();
            assertThat(mail.from().address()).isEqualTo((s.local() + "@" + domain).toLowerCase(Locale.ROOT));
            assertThat(mail.from().name()).isEqualTo(s.expectedName());
            assertThat(mail.noAnswer()).isNull();
        });
    }

    /** An address header mangled: encoded-words in place of addresses, brackets lost, spaces inside. */
    @TestFactory
    Stream<DynamicTest> neverReadsAnAddressFromAnEncodedWordNorOneWithSpaces() {
        return cases("neverReadsAnAddressFromAnEncodedWordNorOneWithSpaces", 200, r -> {
            String hidden = pick(r, LOCALS) + "@" + pick(r, DOMAINS);
            String word = r.nextBoolean() ? "=?utf-8?b?" + Base64.getEncoder().encodeToString(hidden.getBytes(StandardCharsets.UTF_8)) + "?="
                    : "=?utf-8?q?" + hidden.replace("@", "=40") + "?=";
            return frequency(r, weight(3, word), weight(2, word + "@" + pick(r, DOMAINS)), weight(1, "\"Ana\" <" + hidden.replace("@", "@exa mple.") + ">"),
                    weight(1, "ana at " + pick(r, DOMAINS)));
        }, header -> {
            ParsedMail mail = MailCorpus.READER.read(RawMail.of("From: ").in("UTF-8", header).ascii("\nSubject: x\n\nTexto.\n").bytes());

            assertThat(mail.from()).isNull();
            assertThat(mail.noAnswer()).isEqualTo("no readable sender");
            assertThat(mail.fromWritten()).isNotBlank();
        });
    }

    /** A text in a language and the charsets its senders write it in. */
    record Written(String subject, String name, String body, String charset, boolean labelled) {
    }

    static final List<List<String>> TEXTS = List.of(
            List.of("ログインできません", "山田太郎", "パスワードを変更してからログインできません。確認をお願いします。", "windows-31j", "shift_jis"),
            List.of("請求書が届きません", "佐藤花子", "先月の請求書がまだ届いておりません。ご確認ください。", "EUC-JP", "euc-jp"),
            List.of("无法登录系统", "张伟", "您好，我的账户无法登录系统，请帮忙处理。谢谢！", "GBK", "gbk"),
            List.of("发票问题", "李娜", "我们还没有收到上个月的发票，请尽快发送。谢谢。", "GB18030", "gb18030"),
            List.of("로그인 문제", "김민준", "비밀번호를 변경한 후 로그인할 수 없습니다. 도와주세요.", "EUC-KR", "euc-kr"),
            List.of("Preço da fatura", "João Conceição", "O preço é 100 € – “final”, não há mais descontos.", "windows-1252", "iso-8859-1"),
            List.of("Не могу войти", "Иван Петров", "После смены пароля не могу войти в систему. Помогите, пожалуйста.", "windows-1251", "windows-1251"));

    @TestFactory
    Stream<DynamicTest> readsRaw8bitHeadersAndBodiesInTheirCharsetExactly() {
        return cases("readsRaw8bitHeadersAndBodiesInTheirCharsetExactly", 200, r -> {
            List<String> t = pick(r, TEXTS);
            return new Written(t.get(0), t.get(1), t.get(2), t.get(3), r.nextInt(3) > 0 ? t.get(4) != null : false);
        }, w -> {
            RawMail raw = RawMail.of("From: ").in(w.charset(), w.name()).ascii(" <x@cliente.example>\nSubject: ").in(w.charset(), w.subject())
                    .ascii("\nMessage-ID: <cs@cliente.example>\nContent-Type: text/plain"
                            + (w.labelled() ? "; charset=" + label(w.charset()) : "") + "\nContent-Transfer-Encoding: 8bit\n\n")
                    .in(w.charset(), w.body() + "\r\n");

            ParsedMail mail = MailCorpus.READER.read(raw.bytes());

            assertThat(mail.subject()).isEqualTo(w.subject());
            assertThat(mail.from().name()).isEqualTo(w.name());
            assertThat(mail.text()).isEqualTo(w.body());
        });
    }

    private static String label(String charset) {
        return TEXTS.stream().filter(t -> t.get(3).equals(charset)).findFirst().orElseThrow().get(4);
    }

    /** A body split the ways programs split it: boundary lines lost, text and HTML parts, files uuencoded or mistyped. */
    record Shape(List<String> parts, int damage) {
    }

    @TestFactory
    Stream<DynamicTest> keepsEveryBodyPartInOrderAndNeverShowsAnException() {
        return cases("keepsEveryBodyPartInOrderAndNeverShowsAnException", 300, r -> {
            List<String> parts = new ArrayList<>();
            int n = between(r, 1, 4);
            for (int i = 0; i < n; i++) {
                parts.add(pick(r, List.of("text", "html", "uu-file", "pdf-as-octet", "eml-as-octet")) + ":" + i);
            }
            return new Shape(parts, between(r, 0, 2));
        }, shape -> {
            StringBuilder b = new StringBuilder("From: Ana <ana@cliente.example>\nSubject: partes\nMessage-ID: <parts@cliente.example>\n"
                    + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"bb\"\n\n");
            for (String part : shape.parts()) {
                b.append("--bb\n").append(part(part));
            }
            b.append("--bb--\n");
            String text = shape.damage() == 1 ? b.toString().replaceAll("(?m)^--bb(--)?\\n", "") : b.toString(); // boundary lines lost

            ParsedMail mail = MailCorpus.READER.read(RawMail.of(text).bytes());

            assertThat(mail.text()).doesNotContain("Exception", "could not be read");
            if (shape.damage() != 1) {
                int at = -1;
                for (String part : shape.parts()) {
                    String said = said(part);
                    if (said != null) {
                        int found = mail.text().indexOf(said);
                        assertThat(found).as(said + " after the part before it").isGreaterThan(at);
                        at = found;
                    }
                }
                assertThat(mail.attachments()).allSatisfy(a -> assertThat(a.contentType()).isNotEqualTo("application/octet-stream"));
                assertThat(mail.attachments()).noneSatisfy(a -> assertThat(new String(a.bytes(), StandardCharsets.ISO_8859_1)).startsWith("begin "));
            } else {
                for (String part : shape.parts()) {
                    if (part.startsWith("text")) {
                        assertThat(mail.text()).contains(said(part));
                    }
                }
            }
        });
    }

    /** What a part says in the mail's text, if anything. */
    private static String said(String part) {
        String[] p = part.split(":");
        return switch (p[0]) {
            case "text" -> "Texto simples " + p[1] + ".";
            case "html" -> "Texto em HTML " + p[1] + ".";
            case "eml-as-octet" -> "Mensagem encaminhada " + p[1] + ".";
            default -> null;
        };
    }

    private static String part(String part) {
        String[] p = part.split(":");
        String pdf = "%PDF-1.4\n%%EOF\n";
        return switch (p[0]) {
            case "text" -> "Content-Type: text/plain; charset=utf-8\n\n" + said(part) + "\n";
            case "html" -> "Content-Type: text/html; charset=utf-8\n\n<p>" + said(part) + "</p>\n";
            case "uu-file" -> "Content-Type: application/octet-stream; name=\"f" + p[1] + ".pdf\"\nContent-Transfer-Encoding: x-uuencode\n\n"
                    + uuencoded(pdf.getBytes(StandardCharsets.US_ASCII), "f" + p[1] + ".pdf");
            case "pdf-as-octet" -> "Content-Type: application/octet-stream; name=\"scan" + p[1] + "\"\nContent-Transfer-Encoding: base64\n\n"
                    + Base64.getMimeEncoder().encodeToString(pdf.getBytes(StandardCharsets.US_ASCII)) + "\n";
            default -> "Content-Type: application/octet-stream; name=\"fw" + p[1] + ".eml\"\n\nFrom: x@fornecedor.example\n"
                    + "Subject: encaminhada\nMessage-ID: <fw" + p[1] + "@fornecedor.example>\n\n" + said(part) + "\n";
        };
    }

    private static String uuencoded(byte[] data, String name) {
        StringBuilder b = new StringBuilder("begin 644 ").append(name).append('\n');
        for (int i = 0; i < data.length; i += 45) {
            int n = Math.min(45, data.length - i);
            b.append((char) (32 + n));
            for (int j = i; j < i + n; j += 3) {
                int b0 = data[j] & 0xFF;
                int b1 = j + 1 < i + n ? data[j + 1] & 0xFF : 0;
                int b2 = j + 2 < i + n ? data[j + 2] & 0xFF : 0;
                for (int c : new int[] {b0 >> 2, (b0 << 4 | b1 >> 4) & 63, (b1 << 2 | b2 >> 6) & 63, b2 & 63}) {
                    b.append(c == 0 ? '`' : (char) (32 + c));
                }
            }
            b.append('\n');
        }
        return b.append("`\nend\n").toString();
    }
}
