package com.chatforyou.boot.security;

import com.chatforyou.adapter.signaling.SignedInConnections;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /session}: what the page needs to offer sign-in. Whether room creation needs it, whether
 * this browser's session is signed in (and as whom), and where to sign in and out. Opened before the
 * WebSocket, whose handshake then carries the same session.
 */
@RestController
public class SessionInfoEndpoint {
    private final HostSignIn signIn;
    private final SignedInConnections.Mode mode;

    public SessionInfoEndpoint(HostSignIn signIn, SignedInConnections policy) {
        this.signIn = signIn;
        this.mode = policy.mode();
    }

    @GetMapping(path = "/session", produces = "application/json")
    public ResponseEntity<Map<String, Object>> session(Principal principal) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomCreation", mode == SignedInConnections.Mode.SIGNED_IN ? "signed-in" : "anyone");
        var user = SignedInUsers.of(principal);
        body.put("signedIn", user.isPresent());
        body.put("user", user.map(found -> found.username()).orElse(null));
        body.put("signInUrl", signIn.offered() ? signIn.signInUrl() : null);
        body.put("signOutUrl", signIn.offered() ? HostSignIn.LOGOUT_PAGE : null);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
