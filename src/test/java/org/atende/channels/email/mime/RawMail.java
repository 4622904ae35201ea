package org.atende.channels.email.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A mail written byte by byte, for headers and bodies in charsets other than UTF-8 (raw Shift_JIS or GBK
 * in a {@code Subject:}, windows-1252 labelled ISO-8859-1). ASCII lines get CRLF line ends, as mail travels.
 */
public final class RawMail {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static RawMail of(String ascii) {
        return new RawMail().ascii(ascii);
    }

    /** ASCII text, its line ends made CRLF. */
    public RawMail ascii(String text) {
        out.writeBytes(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Text in a charset, written as its bytes (line ends as given). */
    public RawMail in(String charset, String text) {
        out.writeBytes(text.getBytes(Charset.forName(charset)));
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }
}
