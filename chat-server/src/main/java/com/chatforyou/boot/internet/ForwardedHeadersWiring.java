package com.chatforyou.boot.internet;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Forwarded headers from the trusted proxies only, before anything else reads the request. */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersWiring {

    @Bean
    FilterRegistrationBean<TrustedProxyForwardedHeaders> trustedProxyForwardedHeaders(InternetProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new TrustedProxyForwardedHeaders(new TrustedProxies(properties.trustedProxies())));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
