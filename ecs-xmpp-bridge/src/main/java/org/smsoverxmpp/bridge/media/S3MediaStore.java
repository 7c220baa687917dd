package org.smsoverxmpp.bridge.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.twilio.TwilioCredentials;
import org.smsoverxmpp.events.Media;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Re-hosts MMS media in the gateway's bucket under unguessable keys (128 random bits), the way XEP-0363
 * upload services hand out capability URLs: anyone holding the URL can open it, nobody can list or guess
 * it, and a lifecycle rule deletes it after the documented lifetime. The URL ends in the file's extension.
 */
public class S3MediaStore implements MediaStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3MediaStore.class);
    /** Twilio caps MMS at 5 MB; anything far larger is not a message. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final String PREFIX = "media/";

    private final S3Client s3;
    private final String bucket;
    private final String publicBaseUrl;
    private final TwilioCredentials twilio;
    private final URI twilioApi;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    private final SecureRandom random = new SecureRandom();

    public S3MediaStore(S3Client s3, String bucket, String publicBaseUrl, TwilioCredentials twilio, URI twilioApi) {
        this.s3 = s3;
        this.bucket = bucket;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.twilio = twilio;
        this.twilioApi = twilioApi;
    }

    @Override
    public List<Media> publish(String messageSid, List<Media> media) {
        List<Media> published = new ArrayList<>();
        for (Media item : media) {
            if (MediaTypes.isAttachment(item.contentType())) {
                published.add(new Media(rehost(item), item.contentType()));
            }
        }
        return published;
    }

    private String rehost(Media item) {
        byte[] bytes = download(URI.create(item.url()));
        byte[] key = new byte[16];
        random.nextBytes(key);
        String name = PREFIX + HexFormat.of().formatHex(key) + MediaTypes.extension(item.contentType());
        s3.putObject(r -> r.bucket(bucket).key(name).contentType(item.contentType()), RequestBody.fromBytes(bytes));
        LOG.debug("re-hosted {} bytes of {} as {}", bytes.length, item.contentType(), name);
        return publicBaseUrl + "/" + name;
    }

    /** Twilio credentials go only to Twilio's own API host, never to wherever a URL points. */
    private byte[] download(URI url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
        if (url.getHost() != null && url.getHost().equalsIgnoreCase(twilioApi.getHost())) {
            String basic = Base64.getEncoder().encodeToString(
                    (twilio.username() + ":" + twilio.password()).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("media download answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IllegalStateException("media larger than " + MAX_BYTES + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("media download failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
