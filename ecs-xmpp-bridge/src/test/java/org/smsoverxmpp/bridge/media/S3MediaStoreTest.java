package org.smsoverxmpp.bridge.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.Optional;
import org.smsoverxmpp.bridge.provider.MediaAccess;
import org.smsoverxmpp.events.Media;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A file that can never be fetched costs the MMS only that file; one that may come back is retried. */
class S3MediaStoreTest {
    private final WireMockServer media = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    private S3MediaStore store;

    @BeforeEach
    void start() {
        media.start();
        // Never reached in these tests: nothing is downloaded, so nothing is stored.
        S3Client s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://127.0.0.1:9"))
                .credentialsProvider(AnonymousCredentialsProvider.create()).build();
        store = new S3MediaStore(s3, "bucket", "https://media.example.com");
    }

    @AfterEach
    void stop() {
        media.stop();
    }

    private List<PublishedMedia> publish(int status) {
        media.stubFor(get("/m").willReturn(aResponse().withStatus(status)));
        return store.publish("MM1", List.of(new Media(media.baseUrl() + "/m", "image/jpeg")), MediaAccess.NONE);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410})
    void aFileTheProviderNoLongerHasIsUnavailableWithItsType(int status) {
        assertThat(publish(status)).singleElement().isInstanceOfSatisfying(PublishedMedia.Unavailable.class, gone -> {
            assertThat(gone.contentType()).isEqualTo("image/jpeg");
            assertThat(gone.reason()).contains(Integer.toString(status));
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503})
    void aFileThatMayComeBackMakesTheWholeSmsWaitForARetry(int status) {
        assertThatThrownBy(() -> publish(status)).isInstanceOf(MediaUnavailableNow.class).hasMessageContaining(Integer.toString(status));
    }

    /** The provider's credentials go to the URLs it authorizes, and not to the CDN its redirect points at. */
    @org.junit.jupiter.api.Test
    void credentialsGoOnlyWhereTheProviderSaysNotWhereARedirectPoints() {
        WireMockServer cdn = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        cdn.start();
        try {
            media.stubFor(get("/m").willReturn(aResponse().withStatus(302).withHeader("Location", cdn.baseUrl() + "/file")));
            cdn.stubFor(get("/file").willReturn(aResponse().withStatus(404)));
            URI own = URI.create(media.baseUrl());
            MediaAccess access = url -> url.getPort() == own.getPort() ? Optional.of("Basic c2VjcmV0") : Optional.empty();

            store.publish("MM1", List.of(new Media(media.baseUrl() + "/m", "image/jpeg")), access);

            assertThat(media.getAllServeEvents()).singleElement()
                    .satisfies(e -> assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Basic c2VjcmV0"));
            assertThat(cdn.getAllServeEvents()).singleElement()
                    .satisfies(e -> assertThat(e.getRequest().containsHeader("Authorization")).isFalse());
        } finally {
            cdn.stop();
        }
    }
}
