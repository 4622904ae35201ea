/**
 * The knowledge base's staff pages under {@code /desk/knowledge}: the list of articles by translation group
 * with their counts, an article as staff see it, the editor with its live preview, and the categories.
 * Every signed-in member of staff reads; only leads and admins change anything (checked here as well as by
 * the security chain).
 */
@org.jspecify.annotations.NullMarked
package org.atende.knowledge.web;
