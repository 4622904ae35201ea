package org.atende.channels.email;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import org.atende.channels.email.mime.ParsedMail;
import org.atende.channels.email.mime.SubjectTag;

/**
 * Splits a batch of mails into lanes that may be taken in at the same time: two mails share a lane when
 * they share a sender, when one names the other (or both name one mail) in {@code In-Reply-To} or
 * {@code References}, or when their subjects carry the same ticket's tag. Within a lane the mails keep
 * the mailbox's order, so one customer's mails, and a thread's, are taken in one after the other as
 * before (a reply after the mail it answers; acknowledgements counted in order); only unrelated mails run
 * side by side.
 */
final class IntakeLanes {

    private IntakeLanes() {
    }

    /** The lanes of the items, each in the order given; lanes in the order of their first item. */
    static <T> List<List<T>> of(List<T> items, Function<T, ParsedMail> mailOf) {
        int[] parent = new int[items.size()];
        Map<String, Integer> owner = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            parent[i] = i;
            for (String key : keys(mailOf.apply(items.get(i)))) {
                Integer other = owner.putIfAbsent(key, i);
                if (other != null) {
                    union(parent, other, i);
                }
            }
        }
        Map<Integer, List<T>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            lanes.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(items.get(i));
        }
        return List.copyOf(lanes.values());
    }

    private static List<String> keys(ParsedMail mail) {
        List<String> keys = new ArrayList<>();
        if (mail.from() != null) { // mails without a sender have nothing in common but that
            keys.add("from:" + mail.from().address());
        }
        keys.add("id:" + MailThreads.normalise(mail.messageId()));
        if (mail.inReplyTo() != null) {
            keys.add("id:" + MailThreads.normalise(mail.inReplyTo()));
        }
        mail.references().forEach(r -> keys.add("id:" + MailThreads.normalise(r)));
        OptionalLong tag = SubjectTag.find(mail.subject());
        tag.ifPresent(n -> keys.add("tag:" + n));
        return keys;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
