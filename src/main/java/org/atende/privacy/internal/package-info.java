@org.jspecify.annotations.NullMarked
package org.atende.privacy.internal;
