package com.chatforyou.boot;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The original app's TURN properties, kept so existing deployments keep working. */
@ConfigurationProperties("turn.server")
public record TurnServerProperties(@DefaultValue List<String> urls, String username, String credential) {
}
