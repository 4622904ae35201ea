package org.atende.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Locale;

import org.atende.customers.Language;
import org.atende.reporting.MonthlyOrganisationReport;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The monthly organisation report as a PDF: the same figures as the page, laid out for A4 by the
 * template {@code reports/monthly-pdf}, written in the organisation's language whoever asks (it is the
 * organisation's document, and what the monthly mailing attaches). Thymeleaf writes HTML; jsoup reads it
 * into the W3C document openhtmltopdf lays out, so that HTML5's unclosed elements need no care.
 * Customers' breaches carry no causes ({@link MonthlyOrganisationReport#forCustomers()}).
 */
@Component
public class MonthlyReportPdf {

    private final ITemplateEngine templates;
    private final MessageSource messages;

    MonthlyReportPdf(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    public byte[] render(MonthlyOrganisationReport report, Language language, ZoneId zone) {
        Locale locale = Locale.forLanguageTag(language.name().toLowerCase(Locale.ROOT));
        Context context = new Context(locale);
        context.setVariable("report", report.forCustomers());
        context.setVariable("fmt", new ReportFormat(messages, locale, zone));
        String html = templates.process("reports/monthly-pdf", context);
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the monthly report could not be written as PDF", e);
        }
    }

    /** The report as a PDF download ({@code Content-Disposition: attachment}), in the organisation's language. */
    public org.springframework.http.ResponseEntity<byte[]> download(MonthlyOrganisationReport report, Language language, ZoneId zone) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(fileName(report)).build().toString())
                .body(render(report, language, zone));
    }

    /** The file name: {@code report-padaria-lusitana-2026-11.pdf}. */
    public static String fileName(MonthlyOrganisationReport report) {
        String slug = java.text.Normalizer.normalize(report.organisation(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "report-" + (slug.isEmpty() ? report.organisationId().value() : slug) + "-" + report.month() + ".pdf";
    }
}
