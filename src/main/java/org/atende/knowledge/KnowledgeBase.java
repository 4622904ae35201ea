package org.atende.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.atende.customers.Language;
import org.atende.problems.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base. Staff write articles (drafts until published) and categories; everyone reads the
 * published ones, searches them and is offered them as suggestions. Views, suggestions shown and
 * deflections are counted by day. Who may call what is the caller's business (the REST API checks
 * roles); this facade only keeps the articles consistent.
 */
@Service
@Transactional
public class KnowledgeBase {

    static final String INVALID_ARTICLE = "invalid-article";
    static final String INVALID_CATEGORY = "invalid-category";
    static final int MAX_LIMIT = 50;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int EXCERPT = 200;

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private final ArticleCounter counter;
    private final Clock clock;
    private final ZoneId zone;

    KnowledgeBase(JdbcClient jdbc, DataSource dataSource, Clock clock,
            @Value("${atende.calendar.zone:Europe/Lisbon}") String zone) {
        this.jdbc = jdbc;
        boolean postgres = isPostgres(dataSource);
        this.index = postgres ? new PostgresSearch(jdbc) : new H2Search(jdbc);
        this.counter = new ArticleCounter(jdbc, postgres);
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    // ---- categories

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return jdbc.sql("SELECT * FROM kb_category ORDER BY position, slug").query(KnowledgeBase::category).list();
    }

    @Transactional(readOnly = true)
    public Optional<Category> category(long id) {
        return jdbc.sql("SELECT * FROM kb_category WHERE id = ?").param(id).query(KnowledgeBase::category).optional();
    }

    public Category createCategory(CategoryDraft draft) {
        check(draft);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO kb_category (slug, name_es, name_pt, name_en, position) VALUES (?, ?, ?, ?, ?)")
                    .params(draft.slug(), draft.nameEs().strip(), draft.namePt().strip(), draft.nameEn().strip(),
                            draft.position() == null ? 0 : draft.position())
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("a category '" + draft.slug() + "' exists already");
        }
        return category(keys.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    public Category updateCategory(long id, CategoryDraft draft) {
        check(draft);
        int changed;
        try {
            changed = jdbc.sql("UPDATE kb_category SET slug = ?, name_es = ?, name_pt = ?, name_en = ?, position = ? WHERE id = ?")
                    .params(draft.slug(), draft.nameEs().strip(), draft.namePt().strip(), draft.nameEn().strip(),
                            draft.position() == null ? 0 : draft.position(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw Problem.conflict("a category '" + draft.slug() + "' exists already");
        }
        if (changed == 0) {
            throw Problem.notFound("no category " + id);
        }
        return category(id).orElseThrow();
    }

    /** Deletes a category; its articles stay, without a category. */
    public void deleteCategory(long id) {
        jdbc.sql("UPDATE kb_article SET category_id = NULL WHERE category_id = ?").param(id).update();
        if (jdbc.sql("DELETE FROM kb_category WHERE id = ?").param(id).update() == 0) {
            throw Problem.notFound("no category " + id);
        }
    }

    // ---- articles

    /** A new draft; with {@code translationOf}, in that article's translation group. */
    public ArticleView create(ArticleDraft draft) {
        List<String> problems = problems(draft);
        String group = UUID.randomUUID().toString();
        if (draft.translationOf() != null && draft.language() != null) {
            Optional<String> original = jdbc.sql("SELECT translation_group FROM kb_article WHERE id = ?")
                    .param(draft.translationOf()).query(String.class).optional();
            if (original.isEmpty()) {
                problems.add("translationOf: no article " + draft.translationOf());
            } else {
                group = original.get();
                boolean taken = jdbc.sql("SELECT COUNT(*) FROM kb_article WHERE translation_group = ? AND language = ?")
                        .params(group, draft.language().name()).query(Integer.class).single() > 0;
                if (taken) {
                    problems.add("translationOf: that article has a " + draft.language() + " version already");
                }
            }
        }
        rejectIf(problems);
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO kb_article (translation_group, language, slug, title, summary, body_markdown, category_id,
                                            status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
                    .params(group, draft.language().name(), draft.slug(), draft.title().strip(), summary(draft),
                            draft.markdown(), draft.categoryId(), Timestamp.from(now), Timestamp.from(now))
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw slugTaken(draft);
        }
        long id = keys.getKeyAs(Number.class).longValue();
        reindex(id, draft);
        return article(id).orElseThrow();
    }

    /** Rewrites an article (its language and translation group stay); a published one stays published. */
    public ArticleView update(long id, ArticleDraft draft) {
        ArticleView current = article(id).orElseThrow(() -> Problem.notFound("no article " + id));
        List<String> problems = problems(draft);
        if (draft.language() != current.language()) {
            problems.add("language: an article keeps its language; write a translation instead");
        }
        rejectIf(problems);
        try {
            jdbc.sql("UPDATE kb_article SET slug = ?, title = ?, summary = ?, body_markdown = ?, category_id = ?, updated_at = ? WHERE id = ?")
                    .params(draft.slug(), draft.title().strip(), summary(draft), draft.markdown(), draft.categoryId(),
                            Timestamp.from(clock.instant()), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw slugTaken(draft);
        }
        reindex(id, draft);
        return article(id).orElseThrow();
    }

    public ArticleView publish(long id) {
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("UPDATE kb_article SET status = 'PUBLISHED', published_at = COALESCE(published_at, ?), updated_at = ? WHERE id = ?")
                .params(now, now, id).update();
        if (changed == 0) {
            throw Problem.notFound("no article " + id);
        }
        return article(id).orElseThrow();
    }

    /** Back to draft: out of search, suggestions and the public view. */
    public ArticleView unpublish(long id) {
        int changed = jdbc.sql("UPDATE kb_article SET status = 'DRAFT', updated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
        if (changed == 0) {
            throw Problem.notFound("no article " + id);
        }
        return article(id).orElseThrow();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM kb_article_stat WHERE article_id = ?").param(id).update();
        if (jdbc.sql("DELETE FROM kb_article WHERE id = ?").param(id).update() == 0) {
            throw Problem.notFound("no article " + id);
        }
    }

    /** What {@code markdown} renders to, sanitised as a saved article is: for an editor's live preview. */
    @Transactional(readOnly = true)
    public String preview(String markdown) {
        return MarkdownRenderer.html(markdown);
    }

    /** The summary an editor wrote, if any (an article without one shows the start of its text instead). */
    @Transactional(readOnly = true)
    public Optional<String> writtenSummary(long id) {
        return jdbc.sql("SELECT summary FROM kb_article WHERE id = ?").param(id).query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional().flatMap(summary -> summary);
    }

    /** Any article, draft or published. */
    @Transactional(readOnly = true)
    public Optional<ArticleView> article(long id) {
        return jdbc.sql("SELECT * FROM kb_article WHERE id = ?").param(id).query(this::row).optional().map(this::view);
    }

    /** Any article by its address, draft or published. */
    @Transactional(readOnly = true)
    public Optional<ArticleView> article(String slug, Language language) {
        return jdbc.sql("SELECT * FROM kb_article WHERE language = ? AND slug = ?").params(language.name(), slug)
                .query(this::row).optional().map(this::view);
    }

    /** The published article at {@code /help/{language}/{slug}}, for the public view (which then calls {@link #recordView}). */
    @Transactional(readOnly = true)
    public Optional<ArticleView> published(String slug, Language language) {
        return article(slug, language).filter(ArticleView::isPublished);
    }

    /** Articles, newest change first; each filter applies when given. */
    @Transactional(readOnly = true)
    public List<ArticleView> list(@Nullable Language language, @Nullable ArticleStatus status, @Nullable Long categoryId) {
        StringBuilder sql = new StringBuilder("SELECT * FROM kb_article WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (language != null) {
            sql.append(" AND language = :language");
            params.put("language", language.name());
        }
        if (status != null) {
            sql.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (categoryId != null) {
            sql.append(" AND category_id = :category");
            params.put("category", categoryId);
        }
        sql.append(" ORDER BY updated_at DESC, id DESC");
        return jdbc.sql(sql.toString()).params(params).query(this::row).list().stream().map(this::view).toList();
    }

    // ---- search and suggestions

    /** Published articles in {@code language} matching {@code query}, best first. */
    @Transactional(readOnly = true)
    public List<Suggestion> search(String query, Language language, int limit) {
        if (query.isBlank()) {
            return List.of();
        }
        return suggestions(index.search(query, language, bounded(limit)));
    }

    /**
     * Published articles in {@code language} that match what a customer wrote well enough to offer them
     * (nothing when none does); each one offered counts as a suggestion shown.
     */
    public List<Suggestion> suggest(String text, Language language, int limit) {
        if (text.isBlank()) {
            return List.of();
        }
        List<Suggestion> found = suggestions(index.suggest(text, language, bounded(limit)));
        LocalDate today = today();
        found.forEach(s -> counter.add(s.id(), today, ArticleCounter.Kind.SUGGESTIONS));
        return found;
    }

    public void recordView(long articleId) {
        count(articleId, ArticleCounter.Kind.VIEWS);
    }

    /** "This solved it": the customer did not need to open a ticket. */
    public void recordDeflection(long articleId) {
        count(articleId, ArticleCounter.Kind.DEFLECTIONS);
    }

    @Transactional(readOnly = true)
    public ArticleStats stats(long articleId, LocalDate from, LocalDate to) {
        List<ArticleStats.Day> days = jdbc.sql("""
                SELECT stat_day, views, suggestions, deflections FROM kb_article_stat
                WHERE article_id = ? AND stat_day BETWEEN ? AND ? ORDER BY stat_day""")
                .params(articleId, from, to)
                .query((rs, n) -> new ArticleStats.Day(rs.getObject("stat_day", LocalDate.class), rs.getLong("views"),
                        rs.getLong("suggestions"), rs.getLong("deflections")))
                .list();
        var total = new ArticleView.Counts(days.stream().mapToLong(ArticleStats.Day::views).sum(),
                days.stream().mapToLong(ArticleStats.Day::suggestions).sum(),
                days.stream().mapToLong(ArticleStats.Day::deflections).sum());
        return new ArticleStats(articleId, from, to, total, days);
    }

    /** Today in the desk's time zone, the day counts are kept by. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private void count(long articleId, ArticleCounter.Kind kind) {
        boolean published = jdbc.sql("SELECT COUNT(*) FROM kb_article WHERE id = ? AND status = 'PUBLISHED'")
                .param(articleId).query(Integer.class).single() > 0;
        if (!published) {
            throw Problem.notFound("no published article " + articleId);
        }
        counter.add(articleId, today(), kind);
    }

    private List<Suggestion> suggestions(List<SearchIndex.Hit> hits) {
        List<Suggestion> out = new ArrayList<>();
        for (SearchIndex.Hit hit : hits) {
            jdbc.sql("SELECT * FROM kb_article WHERE id = ?").param(hit.articleId()).query(this::row).optional()
                    .ifPresent(r -> out.add(new Suggestion(r.id, r.slug, r.language, r.title, excerpt(r), hit.score())));
        }
        return out;
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    // ---- rows

    private record Row(long id, String group, Language language, String slug, String title, @Nullable String summary,
            String markdown, @Nullable Long categoryId, ArticleStatus status, Instant createdAt, Instant updatedAt,
            @Nullable Instant publishedAt) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        long category = rs.getLong("category_id");
        Long categoryId = rs.wasNull() ? null : category;
        Timestamp published = rs.getTimestamp("published_at");
        return new Row(rs.getLong("id"), rs.getString("translation_group"), Language.valueOf(rs.getString("language")),
                rs.getString("slug"), rs.getString("title"), rs.getString("summary"), rs.getString("body_markdown"),
                categoryId, ArticleStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                published == null ? null : published.toInstant());
    }

    private ArticleView view(Row r) {
        List<Translation> translations = jdbc.sql("""
                SELECT id, language, slug, title, status FROM kb_article
                WHERE translation_group = ? AND id <> ? ORDER BY language""")
                .params(r.group, r.id)
                .query((rs, n) -> new Translation(rs.getLong("id"), Language.valueOf(rs.getString("language")),
                        rs.getString("slug"), rs.getString("title"), ArticleStatus.valueOf(rs.getString("status"))))
                .list();
        ArticleView.Counts counts = jdbc.sql("""
                SELECT COALESCE(SUM(views), 0) AS v, COALESCE(SUM(suggestions), 0) AS s, COALESCE(SUM(deflections), 0) AS d
                FROM kb_article_stat WHERE article_id = ?""")
                .param(r.id).query((rs, n) -> new ArticleView.Counts(rs.getLong("v"), rs.getLong("s"), rs.getLong("d")))
                .single();
        Category category = r.categoryId == null ? null : category(r.categoryId).orElse(null);
        return new ArticleView(r.id, r.group, r.slug, r.language, r.title, category, r.status,
                MarkdownRenderer.html(r.markdown), r.markdown, excerpt(r), r.createdAt, r.updatedAt, r.publishedAt,
                translations, counts);
    }

    private static String excerpt(Row r) {
        return r.summary != null && !r.summary.isBlank() ? r.summary
                : MarkdownRenderer.excerpt(MarkdownRenderer.text(r.markdown), EXCERPT);
    }

    private static Category category(ResultSet rs, int n) throws SQLException {
        return new Category(rs.getLong("id"), rs.getString("slug"), rs.getString("name_es"), rs.getString("name_pt"),
                rs.getString("name_en"), rs.getInt("position"));
    }

    // ---- rules

    private void reindex(long id, ArticleDraft draft) {
        index.index(id, draft.language(), draft.title(), summary(draft), MarkdownRenderer.text(draft.markdown()));
    }

    private static @Nullable String summary(ArticleDraft draft) {
        return draft.summary() == null || draft.summary().isBlank() ? null : draft.summary().strip();
    }

    private List<String> problems(ArticleDraft draft) {
        List<String> problems = new ArrayList<>();
        if (draft.slug() == null || draft.slug().length() > 120 || !SLUG.matcher(draft.slug()).matches()) {
            problems.add("slug: lower-case letters, digits and single hyphens, at most 120 characters");
        }
        if (draft.language() == null) {
            problems.add("language: ES, PT or EN");
        }
        if (draft.title() == null || draft.title().isBlank() || draft.title().strip().length() > 200) {
            problems.add("title: required, at most 200 characters");
        }
        if (draft.summary() != null && draft.summary().strip().length() > 500) {
            problems.add("summary: at most 500 characters");
        }
        if (draft.markdown() == null || draft.markdown().isBlank() || draft.markdown().length() > 100_000) {
            problems.add("markdown: required, at most 100000 characters");
        }
        if (draft.categoryId() != null && category(draft.categoryId()).isEmpty()) {
            problems.add("categoryId: no category " + draft.categoryId());
        }
        return problems;
    }

    private static void rejectIf(List<String> problems) {
        if (!problems.isEmpty()) {
            throw Problem.invalid(INVALID_ARTICLE, "Invalid article", problems);
        }
    }

    private static RuntimeException slugTaken(ArticleDraft draft) {
        return Problem.conflict("an article '" + draft.slug() + "' exists already in " + draft.language());
    }

    private static void check(CategoryDraft draft) {
        List<String> problems = new ArrayList<>();
        if (draft.slug() == null || draft.slug().length() > 80 || !SLUG.matcher(draft.slug()).matches()) {
            problems.add("slug: lower-case letters, digits and single hyphens, at most 80 characters");
        }
        Map<String, @Nullable String> names = new LinkedHashMap<>();
        names.put("nameEs", draft.nameEs());
        names.put("namePt", draft.namePt());
        names.put("nameEn", draft.nameEn());
        names.forEach((field, name) -> {
            if (name == null || name.isBlank() || name.strip().length() > 120) {
                problems.add(field + ": required, at most 120 characters");
            }
        });
        if (!problems.isEmpty()) {
            throw Problem.invalid(INVALID_CATEGORY, "Invalid category", problems);
        }
    }
}
