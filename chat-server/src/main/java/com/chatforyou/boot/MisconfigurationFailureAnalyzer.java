package com.chatforyou.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link Misconfiguration} into Spring Boot's "APPLICATION FAILED TO START / Description / Action"
 * report instead of a bean-creation stack trace. Registered in META-INF/spring.factories.
 */
class MisconfigurationFailureAnalyzer extends AbstractFailureAnalyzer<Misconfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Misconfiguration cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
