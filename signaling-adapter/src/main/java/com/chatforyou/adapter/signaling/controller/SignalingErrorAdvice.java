package com.chatforyou.adapter.signaling.controller;

import com.chatforyou.adapter.signaling.ErrorReplies;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ErrorCode;
import java.util.concurrent.CompletionException;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns every failure of a message handler into a typed {@code error} for the connection that sent
 * the message; the connection stays open and nobody else hears of it.
 */
@ControllerAdvice
public class SignalingErrorAdvice {
    private static final String MALFORMED_MESSAGE = "The message body is not JSON or does not have the documented shape";

    private final ErrorReplies errors;

    public SignalingErrorAdvice(ErrorReplies errors) {
        this.errors = errors;
    }

    @MessageExceptionHandler
    public void refused(ChatException refusal, Message<?> message) {
        errors.refuse(message, refusal.code(), refusal.getMessage());
    }

    /** A body that does not parse, or lacks a field; a domain refusal raised while parsing keeps its code. */
    @MessageExceptionHandler({MessageConversionException.class, MethodArgumentResolutionException.class})
    public void malformed(Exception problem, Message<?> message) {
        ChatException refusal = causeOfType(problem, ChatException.class);
        if (refusal != null) {
            errors.refuse(message, refusal.code(), refusal.getMessage());
        } else {
            errors.refuse(message, ErrorCode.MALFORMED_MESSAGE, MALFORMED_MESSAGE);
        }
    }

    /** A join or creation that failed after the password worker: handled as its cause. */
    @MessageExceptionHandler
    public void failedLater(CompletionException wrapper, Message<?> message) {
        Throwable cause = wrapper.getCause() == null ? wrapper : wrapper.getCause();
        if (cause instanceof ChatException refusal) {
            refused(refusal, message);
        } else {
            errors.reportFault(message, cause);
        }
    }

    @MessageExceptionHandler
    public void failed(Exception fault, Message<?> message) {
        errors.reportFault(message, fault);
    }

    private static <T extends Throwable> T causeOfType(Throwable problem, Class<T> type) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
