@org.jspecify.annotations.NullMarked
package org.atende.operations.internal;
