package org.atende.web;

import java.util.List;

import org.atende.identity.Identity;
import org.atende.outage.DatabaseAvailability;
import org.atende.outage.UnavailableAnswer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The request size limit (applied before security and sessions), the problem-answering error page, the
 * language of pages and error pages for page controllers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebConfiguration.WebLimits.class)
class WebConfiguration {

    /**
     * {@code atende.web.*}.
     *
     * @param maxRequestSize the largest non-multipart request body accepted ({@code ATENDE_MAX_REQUEST_SIZE},
     *        default 10MB); multipart uploads are limited by {@code spring.servlet.multipart.*}
     */
    @ConfigurationProperties("atende.web")
    record WebLimits(@DefaultValue("10MB") DataSize maxRequestSize) {
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(WebLimits limits,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits.maxRequestSize(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NulFilter> nulFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        var registration = new FilterRegistrationBean<>(new NulFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /** The language of pages ({@link PageLocales}); the bean name is the one the dispatcher looks up. */
    @Bean
    LocaleResolver localeResolver(Identity identity) {
        return new PageLocales(identity);
    }

    /** Page controllers' errors as error pages, before the problem-details advice sees them. */
    @Bean
    WebMvcConfigurer pageErrors(DatabaseAvailability availability, UnavailableAnswer unavailable) {
        return new WebMvcConfigurer() {
            @Override
            public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
                resolvers.addFirst(new PageErrors(availability, unavailable));
            }
        };
    }

    @Bean
    BasicErrorController problemErrorController(ErrorAttributes attributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(attributes, web.getError(), resolvers.orderedStream().toList());
    }
}
