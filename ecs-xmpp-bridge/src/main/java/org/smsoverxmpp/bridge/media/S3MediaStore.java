package org.smsoverxmpp.bridge.media;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.provider.MediaAccess;
import org.smsoverxmpp.events.Media;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Re-hosts MMS media in the gateway's bucket under unguessable keys (128 random bits), the way XEP-0363
 * upload services hand out capability URLs: anyone holding the URL can open it, nobody can list or guess
 * it, and a lifecycle rule deletes it after the documented lifetime. The URL ends in the file's extension.
 */
public class S3MediaStore implements MediaStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3MediaStore.class);
    /** Providers cap MMS at a few MB (Twilio 5, Telnyx 1 per file); anything far larger is not a message. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final String PREFIX = "media/";

    private final S3Client s3;
    private final String bucket;
    private final String publicBaseUrl;
    /** Redirects are followed by hand: some JDKs forward an Authorization header to the redirect's host. */
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_REDIRECTS = 5;
    private final SecureRandom random = new SecureRandom();

    public S3MediaStore(S3Client s3, String bucket, String publicBaseUrl) {
        this.s3 = s3;
        this.bucket = bucket;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    @Override
    public List<PublishedMedia> publish(String messageId, List<Media> media, MediaAccess access) {
        List<PublishedMedia> published = new ArrayList<>();
        for (Media item : media) {
            if (!MediaTypes.isAttachment(item.contentType())) {
                continue;
            }
            try {
                published.add(new PublishedMedia.Available(new Media(rehost(item, access), item.contentType())));
            } catch (GoneForGood e) {
                LOG.warn("an attachment ({}) of {} cannot be retrieved: {}; the message is delivered without it",
                        item.contentType(), messageId, e.getMessage());
                published.add(new PublishedMedia.Unavailable(item.contentType(), e.getMessage()));
            }
        }
        return published;
    }

    private String rehost(Media item, MediaAccess access) {
        URI url;
        try {
            url = URI.create(item.url());
        } catch (IllegalArgumentException e) {
            throw new GoneForGood("not a URL");
        }
        byte[] bytes = download(url, access);
        byte[] key = new byte[16];
        random.nextBytes(key);
        String name = PREFIX + HexFormat.of().formatHex(key) + MediaTypes.extension(item.contentType());
        try {
            s3.putObject(r -> r.bucket(bucket).key(name).contentType(item.contentType()), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new MediaUnavailableNow("could not store media in " + bucket + ": " + e.getMessage(), e);
        }
        LOG.debug("re-hosted {} bytes of {} as {}", bytes.length, item.contentType(), name);
        return publicBaseUrl + "/" + name;
    }

    /**
     * Media URLs may redirect to a CDN (Twilio's do). Each hop asks {@code access} afresh, so the provider's
     * credentials go only to its own hosts, never to wherever a URL or a redirect points. The whole download,
     * body included, has a deadline.
     * A 4xx other than 408 and 429 will not change on a retry: the file is gone for good.
     */
    private byte[] download(URI url, MediaAccess access) {
        try {
            for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(DOWNLOAD_TIMEOUT).GET();
                access.authorization(url).ifPresent(value -> request.header("Authorization", value));
                var pending = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                HttpResponse<byte[]> response;
                try {
                    response = pending.get(DOWNLOAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    pending.cancel(true);
                    throw new MediaUnavailableNow("media download took longer than " + DOWNLOAD_TIMEOUT, e);
                }
                int status = response.statusCode();
                if (status / 100 == 3) {
                    url = response.headers().firstValue("Location").map(url::resolve)
                            .orElseThrow(() -> new GoneForGood("HTTP " + status + " redirect without Location"));
                    continue;
                }
                if (status / 100 == 4 && status != 408 && status != 429) {
                    throw new GoneForGood("the media URL answered HTTP " + status);
                }
                if (status != 200) {
                    throw new MediaUnavailableNow("the media URL answered HTTP " + status, null);
                }
                if (response.body().length > MAX_BYTES) {
                    throw new GoneForGood("larger than " + MAX_BYTES + " bytes");
                }
                return response.body();
            }
            throw new GoneForGood("more than " + MAX_REDIRECTS + " redirects");
        } catch (IllegalArgumentException e) {
            throw new GoneForGood("not a URL that can be fetched (" + e.getMessage() + ")");
        } catch (ExecutionException e) {
            throw new MediaUnavailableNow("media download failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaUnavailableNow("interrupted", e);
        }
    }

    /** A file that can never be fetched: retrying would only push the SMS into the dead-letter queue. */
    private static final class GoneForGood extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GoneForGood(String reason) {
            super(reason);
        }
    }
}
