package org.atende.outage;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Puts {@link GuardedDataSource} in front of the pool, and gives PostgreSQL connections timeouts that fail
 * in seconds ({@link DatabaseSettings}): the driver's own defaults wait ten seconds to connect and forever for
 * an answer. A value set in the JDBC URL wins over these.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseGuardConfiguration {

    /** Priority-ordered, so that any other wrapper of the data source (benchmark counting) wraps the guard. */
    @Bean
    static BeanPostProcessor guardedDataSource(Environment environment) {
        return new GuardingPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof HikariDataSource pool)) {
                    return bean;
                }
                DatabaseSettings settings = Binder.get(environment).bind("atende.database", DatabaseSettings.class)
                        .orElseGet(DatabaseSettings::defaults);
                if (pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
                    pool.addDataSourceProperty("connectTimeout", seconds(settings.connectTimeout()));
                    pool.addDataSourceProperty("loginTimeout", seconds(settings.loginTimeout()));
                    pool.addDataSourceProperty("socketTimeout", seconds(settings.socketTimeout()));
                    pool.addDataSourceProperty("tcpKeepAlive", "true");
                }
                return new GuardedDataSource(pool, settings.poolWait());
            }
        };
    }

    private abstract static class GuardingPostProcessor implements BeanPostProcessor, PriorityOrdered {
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** pgjdbc counts these timeouts in whole seconds; 0 would mean "never". */
    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
    }
}
