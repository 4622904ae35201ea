package org.atende.knowledge;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.atende.customers.Language;
import org.atende.identity.Actor;
import org.atende.identity.Role;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/knowledge}: every signed-in user reads, searches and is offered published articles
 * (a customer reading one counts a view) and says which one solved the problem; staff also see drafts and
 * counts; leads and admins write articles and categories. A draft is not found for a customer (404).
 */
@RestController
@RequestMapping("/api/v1/knowledge")
class KnowledgeApi {

    private final KnowledgeBase knowledge;

    KnowledgeApi(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping("/articles")
    List<ArticleView> list(@RequestParam(required = false) @Nullable Language language,
            @RequestParam(required = false) @Nullable ArticleStatus status,
            @RequestParam(required = false) @Nullable Long categoryId, @AuthenticationPrincipal @Nullable Actor actor) {
        Actor known = signedIn(actor);
        if (!known.isStaff()) {
            if (status == ArticleStatus.DRAFT) {
                return List.of();
            }
            status = ArticleStatus.PUBLISHED;
        }
        return knowledge.list(language, status, categoryId);
    }

    @GetMapping("/search")
    List<Suggestion> search(@RequestParam String q, @RequestParam Language language,
            @RequestParam(defaultValue = "10") int limit, @AuthenticationPrincipal @Nullable Actor actor) {
        signedIn(actor);
        return knowledge.search(q, language, limit);
    }

    /** What the portal shows while a customer writes a new ticket: counted as suggestions shown. */
    @GetMapping("/suggestions")
    List<Suggestion> suggestions(@RequestParam String text, @RequestParam Language language,
            @RequestParam(defaultValue = "3") int limit, @AuthenticationPrincipal @Nullable Actor actor) {
        signedIn(actor);
        return knowledge.suggest(text, language, Math.min(limit, 10));
    }

    @GetMapping("/articles/{id}")
    ArticleView get(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        return read(knowledge.article(id).orElse(null), signedIn(actor), "no article " + id);
    }

    @GetMapping("/articles/by-slug/{language}/{slug}")
    ArticleView bySlug(@PathVariable Language language, @PathVariable String slug,
            @AuthenticationPrincipal @Nullable Actor actor) {
        return read(knowledge.article(slug, language).orElse(null), signedIn(actor), "no article " + language + "/" + slug);
    }

    /** "This solved it": counted for a published article. */
    @PostMapping("/articles/{id}/deflections")
    ResponseEntity<Void> deflection(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        signedIn(actor);
        knowledge.recordDeflection(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/articles/{id}/stats")
    ArticleStats stats(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @AuthenticationPrincipal @Nullable Actor actor) {
        staff(actor);
        knowledge.article(id).orElseThrow(() -> Problem.notFound("no article " + id));
        LocalDate last = to != null ? to : knowledge.today();
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw Problem.invalid("invalid-period", "Invalid period", List.of("from: after to"));
        }
        return knowledge.stats(id, first, last);
    }

    @PostMapping("/articles")
    ResponseEntity<ArticleView> create(@RequestBody ArticleDraft draft, @AuthenticationPrincipal @Nullable Actor actor) {
        editor(actor);
        ArticleView created = knowledge.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + created.id())).body(created);
    }

    @PutMapping("/articles/{id}")
    ArticleView update(@PathVariable long id, @RequestBody ArticleDraft draft, @AuthenticationPrincipal @Nullable Actor actor) {
        editor(actor);
        return knowledge.update(id, draft);
    }

    @PostMapping("/articles/{id}/publish")
    ArticleView publish(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        editor(actor);
        return knowledge.publish(id);
    }

    @PostMapping("/articles/{id}/unpublish")
    ArticleView unpublish(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        editor(actor);
        return knowledge.unpublish(id);
    }

    @DeleteMapping("/articles/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        editor(actor);
        knowledge.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/categories")
    List<Category> categories(@AuthenticationPrincipal @Nullable Actor actor) {
        signedIn(actor);
        return knowledge.categories();
    }

    @PostMapping("/categories")
    ResponseEntity<Category> createCategory(@RequestBody CategoryDraft draft, @AuthenticationPrincipal @Nullable Actor actor) {
        editor(actor);
        Category created = knowledge.createCategory(draft);
        return ResponseEntity.created(URI.create("/api/v1/knowledge/categories/" + created.id())).body(created);
    }

    @PutMapping("/categories/{id}")
    Category updateCategory(@PathVariable long id, @RequestBody CategoryDraft draft, @AuthenticationPrincipal @Nullable Actor actor) {
        editor(actor);
        return knowledge.updateCategory(id, draft);
    }

    @DeleteMapping("/categories/{id}")
    ResponseEntity<Void> deleteCategory(@PathVariable long id, @AuthenticationPrincipal @Nullable Actor actor) {
        editor(actor);
        knowledge.deleteCategory(id);
        return ResponseEntity.noContent().build();
    }

    /** Staff read any article; anyone else a published one only, and that read counts as a view. */
    private ArticleView read(@Nullable ArticleView article, Actor actor, String missing) {
        if (article == null || (!actor.isStaff() && !article.isPublished())) {
            throw Problem.notFound(missing);
        }
        if (!actor.isStaff()) {
            knowledge.recordView(article.id());
        }
        return article;
    }

    private static Actor signedIn(@Nullable Actor actor) {
        if (actor == null) {
            throw Problem.unauthorized();
        }
        return actor;
    }

    private static Actor staff(@Nullable Actor actor) {
        Actor known = signedIn(actor);
        if (!known.isStaff()) {
            throw Problem.forbidden("only Customer Care staff may do this");
        }
        return known;
    }

    private static Actor editor(@Nullable Actor actor) {
        Actor known = signedIn(actor);
        if (!known.hasAtLeast(Role.LEAD)) {
            throw Problem.forbidden("only a lead or an admin may write the knowledge base");
        }
        return known;
    }
}
