package org.atende.knowledge;

import org.atende.customers.Language;

/** A group of articles, named in each language the desk speaks. */
public record Category(long id, String slug, String nameEs, String namePt, String nameEn, int position) {

    public String name(Language language) {
        return switch (language) {
            case ES -> nameEs;
            case PT -> namePt;
            case EN -> nameEn;
        };
    }
}
