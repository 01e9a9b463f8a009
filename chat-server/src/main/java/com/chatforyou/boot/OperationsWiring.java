package com.chatforyou.boot;

import com.chatforyou.domain.port.in.CloseAllRoomsUseCase;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Running the server: the graceful shutdown that tells participants before the sockets close. */
@Configuration(proxyBeanMethods = false)
class OperationsWiring {

    @Bean
    RestartAnnouncer restartAnnouncer(ApplicationContext context, CloseAllRoomsUseCase rooms,
                                      @Qualifier("clientOutboundChannelExecutor") Executor outbound,
                                      @Value("${chatforyou.shutdown.delivery-wait:2s}") Duration deliveryWait) {
        return new RestartAnnouncer(context, rooms, outbound, deliveryWait);
    }
}
