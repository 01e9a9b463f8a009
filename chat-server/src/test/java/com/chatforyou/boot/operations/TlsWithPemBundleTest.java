package com.chatforyou.boot.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The TLS option: a Spring Boot SSL bundle from PEM files, set with environment variables as in
 * docs/operations.md, serves https. The certificate is the committed test-only one (src/test/resources/tls).
 */
class TlsWithPemBundleTest {

    @Test
    void the_server_answers_over_https_with_the_pem_certificate() throws Exception {
        try (ConfigurableApplicationContext app = Launch.start(Map.of(
                "SERVER_SSL_BUNDLE", "web",
                "SPRING_SSL_BUNDLE_PEM_WEB_KEYSTORE_CERTIFICATE", "classpath:tls/test-only-cert.pem",
                "SPRING_SSL_BUNDLE_PEM_WEB_KEYSTORE_PRIVATEKEY", "classpath:tls/test-only-key.pem"))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient trustingTheTestCertificate = HttpClient.newBuilder()
                    .sslContext(trusting("/tls/test-only-cert.pem"))
                    .connectTimeout(Duration.ofSeconds(10)).build();

            HttpResponse<String> readiness = Http.get(trustingTheTestCertificate,
                    URI.create("https://localhost:" + port + "/actuator/health/readiness"));

            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
            assertThat(readiness.sslSession()).hasValueSatisfying(session ->
                    assertThat(session.getProtocol()).startsWith("TLS"));
        }
    }

    private static SSLContext trusting(String certificateResource) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = TlsWithPemBundleTest.class.getResourceAsStream(certificateResource)) {
            trusted.setCertificateEntry("test-only", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
