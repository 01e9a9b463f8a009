package com.chatforyou.boot;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The original app's TURN properties, kept so existing deployments keep working (mode static). */
@ConfigurationProperties("turn.server")
public record TurnServerProperties(@DefaultValue List<String> urls, String username, String credential) {

    /** Keeps the shared credential out of logs and failure reports. */
    @Override
    public String toString() {
        return "TurnServerProperties[urls=" + urls + ", username=" + username + ", credential="
                + (credential == null ? null : "[hidden]") + "]";
    }
}
