package org.atende.notifications;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atende.identity.UserSummary;
import org.jspecify.annotations.Nullable;

/**
 * {@code @name} in an internal note. A mention is {@code @} at the start of the text or after a character
 * that cannot be in an address (so {@code ana@example.com} is none), then letters, digits and {@code . _ + -}
 * (not ending in one of those four). It names the one active member of staff whose e-mail's local part is
 * that word ({@code @ines} for {@code ines@atende.example}), else the one whose first name, or whole name
 * with dots for spaces, it is, ignoring case and accents ({@code @Inês}, {@code @ines.duarte}). A word that
 * names nobody, or more than one person, is left as text.
 */
public final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.+@-])@([\\p{L}\\p{N}][\\p{L}\\p{N}._+-]*)");

    /** A mention found at {@code [start, end)} of the text, with the person it names. */
    public record Mention(int start, int end, String word, UserSummary user) {
    }

    /** A piece of a note: plain text ({@code user} null) or a mention of {@code user}. */
    public record Segment(String text, @Nullable UserSummary user) {

        public boolean mention() {
            return user != null;
        }
    }

    private Mentions() {
    }

    /** The mentions of {@code text} that name one of {@code staff} (only active staff count), in order. */
    public static List<Mention> find(String text, Collection<UserSummary> staff) {
        List<UserSummary> people = staff.stream().filter(u -> u.active() && u.role().isStaff()).toList();
        List<Mention> found = new ArrayList<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String word = m.group(1).replaceAll("[._+-]+$", "");
            UserSummary user = named(word, people);
            if (user != null) {
                found.add(new Mention(m.start(), m.start(1) + word.length(), word, user));
            }
        }
        return found;
    }

    /** The text cut into plain pieces and mentions, for a page to highlight the mentions. */
    public static List<Segment> segments(String text, Collection<UserSummary> staff) {
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (Mention mention : find(text, staff)) {
            if (mention.start() > at) {
                segments.add(new Segment(text.substring(at, mention.start()), null));
            }
            segments.add(new Segment(text.substring(mention.start(), mention.end()), mention.user()));
            at = mention.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return segments;
    }

    /** The word a page inserts to mention {@code user}: their e-mail's local part. */
    public static String handle(UserSummary user) {
        int at = user.email().indexOf('@');
        return at < 0 ? user.email() : user.email().substring(0, at);
    }

    private static @Nullable UserSummary named(String word, List<UserSummary> people) {
        String wanted = fold(word);
        List<UserSummary> byAddress = people.stream().filter(u -> fold(handle(u)).equals(wanted)).toList();
        if (byAddress.size() == 1) {
            return byAddress.getFirst();
        }
        if (byAddress.size() > 1) {
            return null;
        }
        List<UserSummary> byName = people.stream().filter(u -> {
            String name = fold(u.name().strip());
            String first = name.split("\\s+")[0];
            return first.equals(wanted) || name.replaceAll("\\s+", ".").equals(wanted);
        }).toList();
        return byName.size() == 1 ? byName.getFirst() : null;
    }

    /** Lower case without accents: how two spellings of a name compare. */
    public static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }
}
