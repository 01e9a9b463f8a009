package com.chatforyou.boot;

import com.chatforyou.adapter.turn.IceServerSettings;
import com.chatforyou.adapter.turn.StaticIceServerProvider;
import com.chatforyou.domain.port.out.IceServerProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IceWiring {

    @Bean
    IceServerProvider iceServerProvider(ChatForYouProperties properties, TurnServerProperties turn) {
        return new StaticIceServerProvider(new IceServerSettings(properties.ice().stunUrls(), turn.urls(),
                turn.username(), turn.credential()));
    }
}
