package org.atende.channels.email.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The charset of text that does not say which it is, found rather than guessed. Three signs, in order:
 * the escape sequences of ISO-2022-JP (7-bit text that only its escapes tell from ASCII); Mozilla's
 * universal charset detector (juniversalchardet), which knows the double-byte charsets of Japanese,
 * Chinese and Korean, and Cyrillic and Greek, by their byte and character statistics; and, for text too
 * short for statistics (a subject, a name), the East Asian charsets in which the bytes decode without an
 * error, ranked by how much the result reads as one script (see {@link #score}). Latin text is left to
 * the caller (UTF-8, else windows-1252): a single accented letter between ASCII letters is not a
 * double-byte character.
 */
final class CharsetGuess {

    /** What Java calls the detector's names, each the superset mail clients really write. */
    private static final Map<String, String> SUPERSETS = Map.of("SHIFT_JIS", "windows-31j", "EUC-JP", "x-eucJP-Open",
            "GB18030", "GB18030", "GB2312", "GB18030", "EUC-KR", "x-windows-949", "BIG5", "Big5-HKSCS", "ISO-2022-JP", "x-windows-50221",
            "EUC-TW", "x-EUC-TW", "HZ-GB-2312", "GB18030");
    /** Double-byte charsets tried on short text, each with the script its text is written in. */
    static final List<String> EAST_ASIAN = List.of("windows-31j", "GB18030", "Big5-HKSCS", "x-windows-949", "x-eucJP-Open");
    /** The ISO-2022-JP family: Microsoft's (NEC and IBM extensions), then ISO-2022-JP-2 (its other escapes). */
    static final List<String> ISO_2022_JP = List.of("x-windows-50221", "ISO-2022-JP-2");

    private CharsetGuess() {
    }

    /** Whether 7-bit bytes carry ISO-2022 escapes ({@code ESC $ B}, {@code ESC $ @}, {@code ESC ( J}, {@code ESC ( I}, …). */
    static boolean iso2022(byte[] bytes) {
        for (int i = 0; i + 2 < bytes.length; i++) {
            if (bytes[i] == 0x1B && (bytes[i + 1] == '$' || bytes[i + 1] == '(' && (bytes[i + 2] == 'J' || bytes[i + 2] == 'I'))) {
                return true;
            }
        }
        return false;
    }

    /** ISO-2022-JP text decoded by the first of its family that reads it all; null when none does. */
    static @Nullable String iso2022Jp(byte[] bytes) {
        for (String name : ISO_2022_JP) {
            String text = strict(bytes, Charset.forName(name));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /**
     * A non-Latin charset in which these bytes (not ASCII, not UTF-8) read without error, or null when
     * they read best as Latin text.
     */
    static @Nullable Charset of(byte[] bytes) {
        Charset detected = detected(bytes);
        String text = detected == null ? null : strict(bytes, detected);
        if (text != null && !EAST_ASIAN.contains(detected.name())) {
            return detected; // Cyrillic, Greek, …: the detector's statistics are all there is
        }
        Charset best = eastAsian(bytes); // the detector mixes up EUC-JP and GB18030 on short texts: the reading decides
        return text != null && (best == null || score(text) >= score(strict(bytes, best))) ? detected : best;
    }

    /** What the universal detector says, if it is not a Latin charset (which the caller reads better byte by byte). */
    static @Nullable Charset detected(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name == null) {
            return null;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("WINDOWS-1252") || upper.startsWith("ISO-8859-1") || upper.equals("US-ASCII") || upper.equals("UTF-8")
                || upper.startsWith("ISO-8859-15")) {
            return null;
        }
        try {
            return Charset.forName(SUPERSETS.getOrDefault(upper, name));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Of the East Asian charsets that read the bytes without error, the one whose text reads most as one
     * script, if it reads as one well enough: at least {@value #PLAUSIBLE} % of its characters kana, hangul
     * or common ideographs, and none that another charset's bytes usually become. Latin text read as a
     * double-byte charset gives rare ideographs, so it stays Latin.
     */
    static @Nullable Charset eastAsian(byte[] bytes) {
        Charset best = null;
        int bestScore = 0;
        for (String name : EAST_ASIAN) {
            Charset c = Charset.forName(name);
            String text = strict(bytes, c);
            if (text != null) {
                int score = score(text);
                if (score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    static final int PLAUSIBLE = 60;

    /**
     * How plausible a reading is, or 0 when it is not. Kana are only Japanese and count much, with the
     * ideographs beside them; hangul are only Korean, and Korean is written in hangul alone, so a reading
     * that mixes hangul with ideographs (what Chinese bytes become in a Korean charset) scores nothing for
     * them; common ideographs count more than rare ones; half-width katakana, symbols and private-use
     * characters (what the bytes of another charset usually become) make the reading implausible.
     */
    static int score(@Nullable String text) {
        if (text == null) {
            return 0;
        }
        int kana = 0;
        int hangul = 0;
        int common = 0;
        int rare = 0;
        int punctuation = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c >= 0x3041 && c <= 0x30FF) {
                kana++;
            } else if (c >= 0xAC00 && c <= 0xD7A3) {
                hangul++;
            } else if (c >= 0x4E00 && c <= 0x9FA5) {
                if (COMMON.indexOf(c) >= 0) {
                    common++;
                } else {
                    rare++;
                }
            } else if (c >= 0x3000 && c <= 0x303F || c >= 0xFF01 && c <= 0xFF5E) {
                punctuation++;
            } else {
                return 0;
            }
        }
        int wide = kana + hangul + common + rare + punctuation;
        if (wide == 0 || hangul > 0 && kana > 0) {
            return 0;
        }
        int sure = hangul > 0 ? hangul + punctuation : kana + common + punctuation;
        int score = hangul > 0 ? 3 * hangul - 3 * (common + rare) + punctuation : 3 * kana + 2 * common + rare + punctuation;
        return sure * 100 >= wide * PLAUSIBLE && score > 0 ? score : 0;
    }

    /**
     * A few hundred of the most used ideographs of Chinese and Japanese (the first rows of their
     * frequency lists, and words of support mail): enough to tell a real word from the rare characters
     * another charset's bytes make.
     */
    private static final String COMMON = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可"
            + "她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身"
            + "些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使"
            + "教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白"
            + "应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色"
            + "字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城"
            + "父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广"
            + "改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坐集编宝谈府拉黑且随格尽剑讲布杀微怕母"
            + "調査問題確認願申込様株式会社送信受付内容変更登録情報連絡対応支払請求書類添付資料返信担当者営業部署名前回答依頼予定時間場合状況"
            + "発生障害接続設定画面表示入力出力保存削除追加修正完了開始終了期限日程会議東京大阪山田田中鈴木佐藤高橋太郎花子様殿御中宛先件"
            + "账户密码登录系统无法帮忙请问题谢您订单发票退款支付客户服务邮件附件已经需要处理联系电话地址公司部门经理网站错误显示";

    static @Nullable String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
