package com.chatforyou.adapter.signaling.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chatforyou.adapter.signaling.dto.ChatSendRequest;
import com.chatforyou.adapter.signaling.dto.KnockAnswerRequest;
import com.chatforyou.adapter.signaling.dto.LockRequest;
import com.chatforyou.adapter.signaling.dto.LowerHandRequest;
import com.chatforyou.adapter.signaling.dto.ParticipantActionRequest;
import com.chatforyou.adapter.signaling.dto.PasswordRequest;
import com.chatforyou.adapter.signaling.dto.RoleRequest;
import com.chatforyou.adapter.signaling.dto.StopMediaRequest;
import com.chatforyou.adapter.signaling.dto.CreateRoomRequest;
import com.chatforyou.adapter.signaling.dto.JoinRoomRequest;
import com.chatforyou.adapter.signaling.dto.LinkIceRequest;
import com.chatforyou.adapter.signaling.dto.LinkSdpRequest;
import com.chatforyou.adapter.signaling.dto.MediaStateRequest;
import com.chatforyou.domain.model.ChatException;
import com.chatforyou.domain.model.ClientAddress;
import com.chatforyou.domain.model.ConnectionId;
import com.chatforyou.domain.model.ErrorCode;
import com.chatforyou.domain.model.IceCandidate;
import com.chatforyou.domain.model.KnockId;
import com.chatforyou.domain.model.ParticipantId;
import com.chatforyou.domain.model.Role;
import com.chatforyou.domain.model.StoppedMedia;
import com.chatforyou.domain.port.in.AnswerKnockUseCase.AnswerKnockCommand;
import com.chatforyou.domain.port.in.AssignRoleUseCase.AssignRoleCommand;
import com.chatforyou.domain.port.in.MuteParticipantUseCase.MuteParticipantCommand;
import com.chatforyou.domain.port.in.RaiseHandUseCase.LowerHandCommand;
import com.chatforyou.domain.port.in.RemoveParticipantUseCase.RemoveParticipantCommand;
import com.chatforyou.domain.port.in.StopParticipantMediaUseCase.StopParticipantMediaCommand;
import com.chatforyou.domain.model.LinkId;
import com.chatforyou.domain.model.MediaCapabilities;
import com.chatforyou.domain.model.MediaState;
import com.chatforyou.domain.model.RoomId;
import com.chatforyou.domain.model.SessionDescription;
import com.chatforyou.domain.port.in.CreateRoomUseCase.CreateRoomCommand;
import com.chatforyou.domain.port.in.JoinRoomUseCase.JoinRoomCommand;
import com.chatforyou.domain.port.in.NegotiateMediaUseCase.NegotiateMediaCommand;
import com.chatforyou.domain.port.in.PostChatMessageUseCase.PostChatMessageCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies, as browsers send them, to the domain's commands. */
class SignalingRequestMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SignalingRequestMapper REQUESTS = SignalingRequestMapper.INSTANCE;
    private static final ConnectionId CONNECTION = new ConnectionId("c1");
    private static final ClientAddress CLIENT = new ClientAddress("192.0.2.1");

    @Test
    void createRoomKeepsTheInviteLinkAskedFor() {
        var request = read("""
                {"name":"Standup","privateLink":true,"slug":"standup-2"}""", CreateRoomRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION, CLIENT))
                .isEqualTo(new CreateRoomCommand("Standup", null, null, CONNECTION, CLIENT, true, "standup-2"));
    }

    @Test
    void createRoomKeepsWhatTheCreatorAskedFor() {
        var request = read("""
                {"name":"Standup","capacity":6,"password":"s3cret"}""", CreateRoomRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION, CLIENT))
                .isEqualTo(new CreateRoomCommand("Standup", 6, "s3cret", CONNECTION, CLIENT));
    }

    @Test
    void createRoomMayOmitCapacityAndPassword() {
        var request = read("""
                {"name":"Standup","capacity":null}""", CreateRoomRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION, CLIENT))
                .isEqualTo(new CreateRoomCommand("Standup", null, null, CONNECTION, CLIENT));
    }

    @Test
    void joinCarriesTheConnectionAndWhatTheBrowserSends() {
        var request = read("""
                {"roomId":"r7k2","displayName":"Ann","password":null,"media":{"audio":true,"video":false}}""",
                JoinRoomRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION, CLIENT)).isEqualTo(new JoinRoomCommand(CONNECTION,
                new RoomId("r7k2"), "Ann", null, MediaCapabilities.AUDIO_ONLY, null, CLIENT));
    }

    @Test
    void joinWithoutMediaIsReceiveOnly() {
        var request = read("""
                {"roomId":"r7k2","displayName":"Ann"}""", JoinRoomRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION, CLIENT).capabilities()).isEqualTo(MediaCapabilities.RECEIVE_ONLY);
    }

    @Test
    void joinWithCameraAndMicrophoneSendsBoth() {
        var request = read("""
                {"roomId":"r7k2","displayName":"Ann","media":{"audio":true,"video":true}}""", JoinRoomRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION, CLIENT).capabilities()).isEqualTo(MediaCapabilities.AUDIO_VIDEO);
    }

    @Test
    void joinCarriesTheBrowsersClientToken() {
        var request = read("""
                {"roomId":"r7k2","displayName":"Ann","clientToken":"a1b2c3d4e5"}""", JoinRoomRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION, CLIENT).clientToken()).isEqualTo("a1b2c3d4e5");
    }

    @Test
    void hostRequestsNameTheirRoomAndTarget() {
        var target = read("""
                {"roomId":"r7k2","participantId":"p8a"}""", ParticipantActionRequest.class);
        RoomId room = new RoomId("r7k2");
        ParticipantId bob = new ParticipantId("p8a");

        assertThat(REQUESTS.toMute(target, CONNECTION)).isEqualTo(new MuteParticipantCommand(CONNECTION, room, bob));
        assertThat(REQUESTS.toRemove(target, CONNECTION)).isEqualTo(new RemoveParticipantCommand(CONNECTION, room, bob));
        assertThat(REQUESTS.toStopMedia(read("""
                {"roomId":"r7k2","participantId":"p8a","kind":"screen"}""", StopMediaRequest.class), CONNECTION))
                .isEqualTo(new StopParticipantMediaCommand(CONNECTION, room, bob, StoppedMedia.SCREEN_SHARE));
        assertThat(REQUESTS.toAssignRole(read("""
                {"roomId":"r7k2","participantId":"p8a","role":"co-host"}""", RoleRequest.class), CONNECTION))
                .isEqualTo(new AssignRoleCommand(CONNECTION, room, bob, Role.CO_HOST));
        assertThat(REQUESTS.toAnswerKnock(read("""
                {"roomId":"r7k2","knockId":"k1"}""", KnockAnswerRequest.class), CONNECTION))
                .isEqualTo(new AnswerKnockCommand(CONNECTION, room, new KnockId("k1")));
        assertThat(REQUESTS.toLowerHand(read("""
                {"roomId":"r7k2"}""", LowerHandRequest.class), CONNECTION))
                .isEqualTo(new LowerHandCommand(CONNECTION, room, null));
        assertThat(REQUESTS.toSetPassword(read("""
                {"roomId":"r7k2","password":null}""", PasswordRequest.class), CONNECTION).password()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"roomId\":\"r7k2\",\"participantId\":\"p8a\",\"kind\":\"microphone\"}",
        "{\"roomId\":\"r7k2\",\"participantId\":\"p8a\",\"role\":\"admin\"}"})
    void anUnknownKindOrRoleIsMalformed(String body) {
        assertThatThrownBy(() -> {
            if (body.contains("kind")) {
                REQUESTS.toStopMedia(read(body, StopMediaRequest.class), CONNECTION);
            } else {
                REQUESTS.toAssignRole(read(body, RoleRequest.class), CONNECTION);
            }
        })
                .isInstanceOfSatisfying(ChatException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE));
    }

    @Test
    void aHostRequestWithoutItsFlagIsMalformed() {
        assertThatThrownBy(() -> read("""
                {"roomId":"r7k2"}""", LockRequest.class))
                .rootCause()
                .isInstanceOfSatisfying(ChatException.class,
                        refusal -> assertThat(refusal.getMessage()).isEqualTo("locked is required"));
    }

    @Test
    void chatNamesItsRoom() {
        var request = read("""
                {"roomId":"r7k2","text":"hello"}""", ChatSendRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION))
                .isEqualTo(new PostChatMessageCommand(CONNECTION, new RoomId("r7k2"), "hello"));
    }

    @Test
    void mediaStateIsTheParticipantsToggles() {
        var request = read("""
                {"audioMuted":true,"videoMuted":false}""", MediaStateRequest.class);

        assertThat(REQUESTS.toMediaState(request)).isEqualTo(new MediaState(true, false, false));
    }

    @Test
    void mediaStateCarriesScreenSharing() {
        var request = read("""
                {"audioMuted":false,"videoMuted":true,"sharing":true}""", MediaStateRequest.class);

        assertThat(REQUESTS.toMediaState(request)).isEqualTo(new MediaState(false, true, true));
    }

    @Test
    void anOfferBecomesASessionDescriptionOnItsLink() {
        var request = read("""
                {"linkId":"l9x","description":{"type":"offer","sdp":"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1"}}""",
                LinkSdpRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION)).isEqualTo(new NegotiateMediaCommand(CONNECTION,
                new LinkId("l9x"),
                new SessionDescription(SessionDescription.Type.OFFER, "v=0\r\no=- 1 2 IN IP4 127.0.0.1")));
    }

    @Test
    void anAnswerIsAnAnswer() {
        var request = read("""
                {"linkId":"l9x","description":{"type":"answer","sdp":"v=0"}}""", LinkSdpRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION).signal())
                .isEqualTo(new SessionDescription(SessionDescription.Type.ANSWER, "v=0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"pranswer\"", "\"rollback\"", "\"OFFER\"", "\"\"", "null"})
    void anyOtherSdpTypeIsInvalidSdp(String type) {
        var request = read("{\"linkId\":\"l9x\",\"description\":{\"type\":" + type + ",\"sdp\":\"v=0\"}}",
                LinkSdpRequest.class);

        assertThatThrownBy(() -> REQUESTS.toCommand(request, CONNECTION))
                .isInstanceOfSatisfying(ChatException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_SDP));
    }

    @Test
    void sdpThatIsNotSdpIsInvalidSdp() {
        var request = read("""
                {"linkId":"l9x","description":{"type":"offer","sdp":"hello"}}""", LinkSdpRequest.class);

        assertThatThrownBy(() -> REQUESTS.toCommand(request, CONNECTION))
                .isInstanceOfSatisfying(ChatException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_SDP));
    }

    @Test
    void aCandidateFromCandidateToJsonIsAcceptedAsItIs() {
        var request = read("""
                {"linkId":"l9x","candidate":{"candidate":"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host",
                 "sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"abcd"}}""", LinkIceRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION)).isEqualTo(new NegotiateMediaCommand(CONNECTION,
                new LinkId("l9x"), new IceCandidate("candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", "0", 0)));
    }

    @Test
    void anEmptyCandidateMarksTheEndOfCandidates() {
        var request = read("""
                {"linkId":"l9x","candidate":{"candidate":"","sdpMid":"0","sdpMLineIndex":0}}""", LinkIceRequest.class);

        assertThat(REQUESTS.toCommand(request, CONNECTION).signal()).isEqualTo(new IceCandidate("", "0", 0));
    }

    @Test
    void aMalformedCandidateIsInvalidCandidate() {
        var request = read("""
                {"linkId":"l9x","candidate":{"candidate":"typ host","sdpMid":"0"}}""", LinkIceRequest.class);

        assertThatThrownBy(() -> REQUESTS.toCommand(request, CONNECTION))
                .isInstanceOfSatisfying(ChatException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_CANDIDATE));
    }

    @Test
    void aBodyWithoutARequiredFieldIsMalformedAndNamesTheField() {
        assertThatThrownBy(() -> read("""
                {"text":"hello"}""", ChatSendRequest.class))
                .isInstanceOf(JacksonException.class)
                .rootCause()
                .isInstanceOfSatisfying(ChatException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
                    assertThat(refusal.getMessage()).isEqualTo("roomId is required");
                });
    }

    private static <T> T read(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }
}
