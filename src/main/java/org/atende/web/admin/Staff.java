package org.atende.web.admin;

import java.util.ArrayList;
import java.util.List;

import org.atende.identity.Identity;
import org.atende.identity.UserSummary;

/** Every active staff user (agents, leads, administrators), read page by page: a desk has dozens, not millions. */
final class Staff {

    private Staff() {
    }

    static List<UserSummary> all(Identity identity) {
        List<UserSummary> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<UserSummary> users = identity.users(page, 200);
            users.stream().filter(u -> u.role().isStaff() && u.active()).forEach(all::add);
            if (users.size() < 200) {
                return all;
            }
        }
    }
}
