package com.chatforyou.boot.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed sign-in goes back to the login page ({@code /login?error}, "Invalid credentials"), except
 * while the address waits out its backoff: then HTTP 429 with {@code Retry-After} and a page that says
 * so, as the login page can only say "Invalid credentials".
 */
final class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    SignInFailureHandler() {
        super(HostSignIn.LOGIN_PAGE + "?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        if (!(exception instanceof SignInBackoff.TooManySignInAttempts tooMany)) {
            super.onAuthenticationFailure(request, response, exception);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        byte[] page = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in refused</title>"
                + "</head><body><p id=\"sign-in-refused\">" + tooMany.getMessage() + ".</p>"
                + "<p><a href=\"" + request.getContextPath() + HostSignIn.LOGIN_PAGE + "\">Back to sign-in</a></p>"
                + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
