package com.chatforyou.boot;

import com.chatforyou.adapter.signaling.ClosedConnections;
import com.chatforyou.adapter.signaling.DestinationIndexedSubscriptions;
import com.chatforyou.adapter.signaling.ConnectionClosedListener;
import com.chatforyou.adapter.signaling.ErrorReplies;
import com.chatforyou.adapter.signaling.InboundFrameGuard;
import com.chatforyou.adapter.signaling.LobbySettings;
import com.chatforyou.adapter.signaling.PerConnectionHandshakeHandler;
import com.chatforyou.adapter.signaling.SignalingEndpointConfigurer;
import com.chatforyou.adapter.signaling.StompParticipantNotifier;
import com.chatforyou.adapter.signaling.controller.HostController;
import com.chatforyou.adapter.signaling.controller.InteractionController;
import com.chatforyou.adapter.signaling.controller.LobbyController;
import com.chatforyou.adapter.signaling.controller.MediaLinkController;
import com.chatforyou.adapter.signaling.controller.ResumeController;
import com.chatforyou.adapter.signaling.controller.RoomAccessController;
import com.chatforyou.adapter.signaling.controller.RoomController;
import com.chatforyou.adapter.signaling.controller.SignalingErrorAdvice;
import com.chatforyou.adapter.signaling.controller.UnknownDestinationController;
import com.chatforyou.adapter.signaling.limits.ConnectionsPerAddress;
import com.chatforyou.adapter.signaling.limits.SessionRateLimiter;
import com.chatforyou.boot.internet.InternetProperties;
import com.chatforyou.boot.security.SignedInUsers;
import com.chatforyou.adapter.signaling.limits.WebSocketLimits;
import com.chatforyou.domain.port.in.AnswerKnockUseCase;
import com.chatforyou.domain.port.in.AskToUnmuteUseCase;
import com.chatforyou.domain.port.in.AssignRoleUseCase;
import com.chatforyou.domain.port.in.ConfigureWaitingRoomUseCase;
import com.chatforyou.domain.port.in.ControlMicrophonesUseCase;
import com.chatforyou.domain.port.in.CreateRoomUseCase;
import com.chatforyou.domain.port.in.FindRoomQuery;
import com.chatforyou.domain.port.in.EndMeetingUseCase;
import com.chatforyou.domain.port.in.JoinRoomUseCase;
import com.chatforyou.domain.port.in.LeaveRoomUseCase;
import com.chatforyou.domain.port.in.ListRoomsUseCase;
import com.chatforyou.domain.port.in.LockRoomUseCase;
import com.chatforyou.domain.port.in.MuteParticipantUseCase;
import com.chatforyou.domain.port.in.NegotiateMediaUseCase;
import com.chatforyou.domain.port.in.PostChatMessageUseCase;
import com.chatforyou.domain.port.in.RaiseHandUseCase;
import com.chatforyou.domain.port.in.RemoveParticipantUseCase;
import com.chatforyou.domain.port.in.ResumeSeatUseCase;
import com.chatforyou.domain.port.in.SendReactionUseCase;
import com.chatforyou.domain.port.in.SetRoomPasswordUseCase;
import com.chatforyou.domain.port.in.StopParticipantMediaUseCase;
import com.chatforyou.domain.port.in.UpdateMediaStateUseCase;
import com.chatforyou.domain.port.out.MediaPort;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The STOMP signaling adapter: endpoint, controllers, notifier and disconnect handling. The broker's
 * own beans (messaging template, heart-beat scheduler) are built from the endpoint configurer, so the
 * configurer gets them lazily.
 */
@Configuration(proxyBeanMethods = false)
@Import(StompBrokerConfiguration.class)
class SignalingWiring {

    /**
     * The simple broker finds a destination's subscribers by index rather than by scanning every connection
     * (DestinationIndexedSubscriptions says why). Cluster mode's relay has no simple broker; this then does nothing.
     */
    @Bean
    static BeanPostProcessor destinationIndexedBrokerSubscriptions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SimpleBrokerMessageHandler broker) {
                    broker.setSubscriptionRegistry(new DestinationIndexedSubscriptions());
                }
                return bean;
            }
        };
    }

    @Bean
    ErrorReplies signalingErrorReplies(@Lazy SimpMessageSendingOperations messaging) {
        return new ErrorReplies(messaging);
    }

    /** Bound from the environment where needed, so the broker configuration needs no properties bean. */
    static LimitsProperties limits(Environment environment) {
        return Binder.get(environment).bindOrCreate("chatforyou.limits", LimitsProperties.class);
    }

    /**
     * The transport limits, with the connection limit derived from the participant cap and the open-files
     * limit unless set.
     */
    static WebSocketLimits webSocketLimits(Environment environment) {
        ChatForYouProperties.Rooms rooms = Binder.get(environment)
                .bindOrCreate("chatforyou", ChatForYouProperties.class).rooms();
        int participants = ParticipantCapacity.ofThisJvm(rooms.maxRooms()).cap(rooms.maxParticipants());
        return limits(environment).websocket().toLimits(derivedMaxConnections(participants, OpenFiles.limit()));
    }

    /** Connections for a participant cap, within what the open-files limit lets Tomcat accept. */
    static int derivedMaxConnections(int participants, long maxOpenFiles) {
        return Math.min(ParticipantCapacity.connections(participants), OpenFiles.connectionsAllowed(maxOpenFiles));
    }

    @Bean
    SessionRateLimiter sessionRateLimiter(Environment environment, ErrorReplies errors,
                                          @Lazy @Qualifier("clientOutboundChannel") MessageChannel toClients) {
        return new SessionRateLimiter(limits(environment).rateLimits(), errors, toClients, System::nanoTime);
    }

    /** Same-origin only unless {@code chatforyou.signaling.allowed-origin-patterns} lists more (behind a proxy). */
    @Bean
    SignalingEndpointConfigurer signalingEndpointConfigurer(
            @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeatScheduler,
            @Value("${chatforyou.signaling.allowed-origin-patterns:}") List<String> allowedOriginPatterns,
            Environment environment, SessionRateLimiter rateLimiter, ErrorReplies errors,
            ConnectionsPerAddress connectionsPerAddress) {
        // Rate first, so floods to refused destinations count too.
        return new SignalingEndpointConfigurer(heartbeatScheduler, allowedOriginPatterns,
                webSocketLimits(environment), List.of(rateLimiter, new InboundFrameGuard(errors)),
                new PerConnectionHandshakeHandler(SignedInUsers::of), connectionsPerAddress);
    }

    @Bean
    ConnectionsPerAddress connectionsPerAddress(Environment environment) {
        return new ConnectionsPerAddress(Binder.get(environment)
                .bindOrCreate("chatforyou.internet", InternetProperties.class).quotas().connectionsPerAddress());
    }

    @Bean
    ServletServerContainerFactoryBean signalingWebSocketContainer(Environment environment) {
        return SignalingEndpointConfigurer.webSocketContainer(webSocketLimits(environment));
    }

    @Bean
    LobbySettings lobbySettings(ChatForYouProperties properties) {
        return new LobbySettings(properties.lobby().listRooms());
    }

    @Bean
    StompParticipantNotifier participantNotifier(SimpMessageSendingOperations messaging, MediaPort media,
                                                 LobbySettings lobby) {
        return new StompParticipantNotifier(messaging, media.capacityLimits(), lobby);
    }

    @Bean
    LobbyController lobbyController(ListRoomsUseCase listRooms, CreateRoomUseCase createRoom, FindRoomQuery findRoom,
                                    LobbySettings lobby) {
        return new LobbyController(listRooms, createRoom, findRoom, lobby);
    }

    @Bean
    ClosedConnections closedConnections() {
        return new ClosedConnections();
    }

    @Bean
    RoomController roomController(JoinRoomUseCase joinRoom, LeaveRoomUseCase leaveRoom,
                                  PostChatMessageUseCase postChatMessage, UpdateMediaStateUseCase updateMediaState,
                                  ClosedConnections closedConnections) {
        return new RoomController(joinRoom, leaveRoom, postChatMessage, updateMediaState, closedConnections);
    }

    @Bean
    ResumeController resumeController(ResumeSeatUseCase resumeSeat, LeaveRoomUseCase leaveRoom,
                                      ClosedConnections closedConnections) {
        return new ResumeController(resumeSeat, leaveRoom, closedConnections);
    }

    @Bean
    HostController hostController(MuteParticipantUseCase mute, AskToUnmuteUseCase askToUnmute,
                                  StopParticipantMediaUseCase stopMedia, RemoveParticipantUseCase remove,
                                  ControlMicrophonesUseCase microphones, AssignRoleUseCase roles) {
        return new HostController(mute, askToUnmute, stopMedia, remove, microphones, roles);
    }

    @Bean
    RoomAccessController roomAccessController(LockRoomUseCase lock, SetRoomPasswordUseCase password,
                                              ConfigureWaitingRoomUseCase waitingRoom, AnswerKnockUseCase knocks,
                                              EndMeetingUseCase end) {
        return new RoomAccessController(lock, password, waitingRoom, knocks, end);
    }

    @Bean
    InteractionController interactionController(RaiseHandUseCase hands, SendReactionUseCase reactions) {
        return new InteractionController(hands, reactions);
    }

    @Bean
    MediaLinkController mediaLinkController(NegotiateMediaUseCase negotiateMedia) {
        return new MediaLinkController(negotiateMedia);
    }

    @Bean
    UnknownDestinationController unknownDestinationController() {
        return new UnknownDestinationController();
    }

    @Bean
    SignalingErrorAdvice signalingErrorAdvice(ErrorReplies errors) {
        return new SignalingErrorAdvice(errors);
    }

    @Bean
    ConnectionClosedListener connectionClosedListener(LeaveRoomUseCase leaveRoom,
                                                      ClosedConnections closedConnections) {
        return new ConnectionClosedListener(leaveRoom, closedConnections);
    }
}
