/** How customer data is stored, validated and served over REST; other modules use {@link org.atende.customers.Customers}. */
@org.jspecify.annotations.NullMarked
package org.atende.customers.internal;
