package org.atende.web.admin;

import java.util.Map;

import org.atende.customers.DeskNames;
import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The name customers see for the desk, one per language: beside every answer on the portal and under the
 * desk's mails. An administrator sets it; a blank field goes back to the support team's name.
 */
@Controller
class DeskNamePages {

    private final DeskNames names;

    DeskNamePages(DeskNames names) {
        this.names = names;
    }

    @GetMapping("/admin/desk-names")
    String show(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String saved, Model model) {
        AdminAccess.admin(actor);
        model.addAttribute("names", names.all());
        model.addAttribute("languages", Language.values());
        model.addAttribute("defaults", Map.of(Language.ES, DeskNames.byDefault(Language.ES), Language.PT,
                DeskNames.byDefault(Language.PT), Language.EN, DeskNames.byDefault(Language.EN)));
        model.addAttribute("max", DeskNames.MAX_LENGTH);
        model.addAttribute("saved", saved != null);
        return "admin/desk-names";
    }

    @PostMapping("/admin/desk-names")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam Map<String, String> form) {
        AdminAccess.admin(actor);
        for (Language language : Language.values()) {
            String given = form.get("name" + language.name());
            if (given != null) {
                String name = given.strip();
                names.name(language, name.length() > DeskNames.MAX_LENGTH ? name.substring(0, DeskNames.MAX_LENGTH) : name);
            }
        }
        return "redirect:/admin/desk-names?saved";
    }
}
