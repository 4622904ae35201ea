package org.atende.operations.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodClassKey;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.RuleBasedTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * Names the desk's one transaction manager in the attributes of every {@code @Transactional} method. For a method whose
 * attribute names none, Spring Framework 7.0 looks for a {@code @Qualifier} on the target class at every call (an
 * annotation scan: 5 % of the desk's CPU samples while it opened tickets, about ten such calls a ticket); with the
 * manager named it takes it from its cache. An attribute that names a manager is left as it is, and so is everything
 * when there is more than one transaction manager.
 */
@Configuration(proxyBeanMethods = false)
class TransactionManagerNaming {

    /**
     * Wraps the interceptor's attribute source once every singleton is made (the interceptor itself is made too early
     * for a bean post-processor to see it). A call before that finds the manager the slower way, and the same one.
     */
    @Bean
    static SmartInitializingSingleton transactionManagerNamed(ListableBeanFactory beans) {
        return () -> {
            String[] managers = beans.getBeanNamesForType(TransactionManager.class, false, false);
            if (managers.length != 1) {
                return;
            }
            beans.getBeansOfType(TransactionInterceptor.class, false, false).values().forEach(interceptor -> {
                TransactionAttributeSource source = interceptor.getTransactionAttributeSource();
                if (source != null && !(source instanceof Named)) {
                    interceptor.setTransactionAttributeSource(new Named(source, managers[0]));
                }
            });
        };
    }

    /** The attributes of another source, each naming the manager unless it names one. */
    static final class Named implements TransactionAttributeSource {

        private final TransactionAttributeSource source;
        private final String manager;
        private final ConcurrentHashMap<MethodClassKey, TransactionAttribute> named = new ConcurrentHashMap<>();

        Named(TransactionAttributeSource source, String manager) {
            this.source = source;
            this.manager = manager;
        }

        @Override
        public boolean isCandidateClass(Class<?> targetClass) {
            return source.isCandidateClass(targetClass);
        }

        @Override
        public boolean hasTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
            return source.hasTransactionAttribute(method, targetClass);
        }

        @Override
        public @Nullable TransactionAttribute getTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
            TransactionAttribute attribute = source.getTransactionAttribute(method, targetClass);
            if (attribute == null || StringUtils.hasText(attribute.getQualifier()) || !(attribute instanceof RuleBasedTransactionAttribute rules)) {
                return attribute;
            }
            return named.computeIfAbsent(new MethodClassKey(method, targetClass), key -> {
                RuleBasedTransactionAttribute copy = new RuleBasedTransactionAttribute(rules);
                copy.setQualifier(manager);
                return copy;
            });
        }
    }
}
