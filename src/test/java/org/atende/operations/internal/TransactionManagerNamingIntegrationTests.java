package org.atende.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;

import org.atende.identity.Actor;
import org.atende.support.ApiIntegrationSupport;
import org.atende.tickets.OpenTicket;
import org.atende.tickets.Tickets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/** Every {@code @Transactional} method names the desk's one transaction manager, its other settings as declared. */
class TransactionManagerNamingIntegrationTests extends ApiIntegrationSupport {

    @Autowired TransactionInterceptor interceptor;
    @Autowired PlatformTransactionManager manager;
    @Autowired ApplicationContext context;

    @Test
    void theDesksTransactionalMethodsNameItsOneTransactionManager() throws Exception {
        String[] managers = context.getBeanNamesForType(TransactionManager.class);
        assertThat(managers).hasSize(1);
        Method open = Tickets.class.getMethod("open", OpenTicket.class, Actor.class);
        TransactionAttribute attribute = interceptor.getTransactionAttributeSource().getTransactionAttribute(open, Tickets.class);
        assertThat(attribute).isNotNull();
        assertThat(attribute.getQualifier()).isEqualTo(managers[0]);
        assertThat(context.getBean(attribute.getQualifier())).isSameAs(manager);
        assertThat(attribute.getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    @Test
    void keepsWhatTheAnnotationDeclaresAndAManagerItNames() throws Exception {
        var named = new TransactionManagerNaming.Named(new AnnotationTransactionAttributeSource(), "transactionManager");

        TransactionAttribute reading = named.getTransactionAttribute(Declared.class.getMethod("read"), Declared.class);
        assertThat(reading.getQualifier()).isEqualTo("transactionManager");
        assertThat(reading.isReadOnly()).isTrue();
        assertThat(reading.getTimeout()).isEqualTo(7);
        assertThat(reading.getPropagationBehavior()).isEqualTo(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThat(reading.rollbackOn(new IOException("checked, declared"))).isTrue();
        assertThat(reading.rollbackOn(new Exception("checked"))).isFalse();
        assertThat(named.getTransactionAttribute(Declared.class.getMethod("read"), Declared.class)).as("made once").isSameAs(reading);

        assertThat(named.getTransactionAttribute(Declared.class.getMethod("elsewhere"), Declared.class).getQualifier()).isEqualTo("archive");
        assertThat(named.getTransactionAttribute(Declared.class.getMethod("plain"), Declared.class)).isNull();
    }

    static class Declared {

        @Transactional(readOnly = true, timeout = 7, propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW,
                rollbackFor = IOException.class)
        public void read() {
        }

        @Transactional("archive")
        public void elsewhere() {
        }

        public void plain() {
        }
    }
}
