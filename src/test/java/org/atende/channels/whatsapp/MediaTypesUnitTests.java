package org.atende.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A file's real type: the payload's when the bytes agree (codecs kept), the bytes' when they do not. */
class MediaTypesUnitTests {

    static final byte[] OGG = bytes("OggS\0\2\0\0\0\0\0\0\0\0OpusHead");
    static final byte[] MP4 = join(new byte[] {0, 0, 0, 0x18}, bytes("ftypisom\0\0\2\0isomiso2avc1mp41"));
    static final byte[] M4A = join(new byte[] {0, 0, 0, 0x20}, bytes("ftypM4A \0\0\2\0M4A isom"));
    static final byte[] WEBP = bytes("RIFF\u0024\0\0\0WEBPVP8 ");
    static final byte[] MP3 = bytes("ID3\3\0\0\0\0\0\0");
    static final byte[] AAC = new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0, 0x1F, (byte) 0xFC};
    static final byte[] AMR = bytes("#!AMR\n\u003c");

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] join(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aVoiceNoteKeepsItsCodecs() {
        assertThat(MediaTypes.of("audio/ogg; codecs=opus", "audio/ogg", OGG)).isEqualTo("audio/ogg; codecs=opus");
    }

    @Test
    void theBytesNameWhatNobodyNamed() {
        assertThat(MediaTypes.of(null, "application/octet-stream", OGG)).isEqualTo("audio/ogg");
        assertThat(MediaTypes.of(null, null, MP4)).isEqualTo("video/mp4");
        assertThat(MediaTypes.of("", "application/octet-stream", WEBP)).isEqualTo("image/webp");
        assertThat(MediaTypes.of(null, null, MP3)).isEqualTo("audio/mpeg");
        assertThat(MediaTypes.of(null, null, AAC)).isEqualTo("audio/aac");
        assertThat(MediaTypes.of(null, null, AMR)).isEqualTo("audio/amr");
        assertThat(MediaTypes.of(null, null, M4A)).isEqualTo("audio/mp4");
        assertThat(MediaTypes.of(null, null, new byte[] {1, 2, 3})).isEqualTo("application/octet-stream");
    }

    @Test
    void bytesThatContradictTheDeclaredTypeWin() {
        assertThat(MediaTypes.of("video/mp4", "video/mp4", OGG)).isEqualTo("audio/ogg");
        assertThat(MediaTypes.of("image/jpeg", null, WEBP)).isEqualTo("image/webp");
    }

    @Test
    void membersOfTheMp4FamilyAgree() {
        assertThat(MediaTypes.of("audio/mp4", null, MP4)).isEqualTo("audio/mp4");
        assertThat(MediaTypes.of("audio/aac", null, M4A)).isEqualTo("audio/aac");
        assertThat(MediaTypes.of("video/3gpp", null, MP4)).isEqualTo("video/3gpp");
    }

    @Test
    void namesFilesAfterTheirKindAndTimeWithTheRightExtension() {
        Instant at = Instant.parse("2026-11-25T09:50:00Z");
        var voice = new MessageContent(MessageContent.Kind.AUDIO, "(voice note)", new MessageContent.Media("m1", null, "audio/ogg", true));
        var sticker = new MessageContent(MessageContent.Kind.STICKER, "(sticker)", new MessageContent.Media("m2", null, null, false));
        var video = new MessageContent(MessageContent.Kind.VIDEO, "(video)", new MessageContent.Media("m3", null, null, false));
        var document = new MessageContent(MessageContent.Kind.DOCUMENT, "(document)", new MessageContent.Media("m4", "recibo", null, false));
        assertThat(MediaTypes.filename(voice, "audio/ogg; codecs=opus", at)).isEqualTo("voice-note-20261125-095000.ogg");
        assertThat(MediaTypes.filename(sticker, "image/webp", at)).isEqualTo("sticker-20261125-095000.webp");
        assertThat(MediaTypes.filename(video, "video/mp4", at)).isEqualTo("video-20261125-095000.mp4");
        assertThat(MediaTypes.filename(document, "application/pdf", at)).isEqualTo("recibo.pdf");
    }
}
