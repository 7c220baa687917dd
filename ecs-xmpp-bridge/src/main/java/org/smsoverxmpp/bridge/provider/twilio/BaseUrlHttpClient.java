package org.smsoverxmpp.bridge.provider.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/**
 * The Twilio SDK's HTTP client, pointed at a configurable API base URL (Twilio-compatible providers such as
 * SignalWire, or WireMock in tests) and with every automatic retry off. The SDK retries any 5xx and Apache
 * retries 429/503, both by re-sending the POST, which can send an SMS twice; {@link TwilioSender} decides
 * retries itself. The SDK has no base-URL setting, so each request is copied with its host replaced.
 */
final class BaseUrlHttpClient extends HttpClient {
    /** The HTTP status of the last response on this thread: ApiException only knows the JSON body's idea of it. */
    private static final ThreadLocal<Integer> LAST_STATUS = new ThreadLocal<>();

    private final NetworkHttpClient delegate;
    private final URI base;

    BaseUrlHttpClient(URI base, int maxConnections) {
        this.base = base;
        this.delegate = new NetworkHttpClient(HttpClientBuilder.create()
                .useSystemProperties()
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(HttpClient.DEFAULT_SOCKET_CONFIG)
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .build()));
    }

    static Integer lastStatus() {
        return LAST_STATUS.get();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request original) {
        LAST_STATUS.remove();
        URI called = URI.create(original.getUrl());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "");
        String url = base.getScheme() + "://" + base.getRawAuthority() + basePath + called.getRawPath()
                + (called.getRawQuery() != null ? "?" + called.getRawQuery() : "");
        // Region and edge are not copied: the SDK would splice them into our host name.
        Request request = new Request(original.getMethod(), url);
        if (original.getUsername() != null) {
            request.setAuth(original.getUsername(), original.getPassword());
        } else if (original.getAuthStrategy() != null) {
            request.setAuth(original.getAuthStrategy());
        }
        original.getQueryParams().forEach((k, vs) -> vs.forEach(v -> request.addQueryParam(k, v)));
        original.getPostParams().forEach((k, vs) -> vs.forEach(v -> request.addPostParam(k, v)));
        original.getHeaderParams().forEach((k, vs) -> vs.forEach(v -> request.addHeaderParam(k, v)));
        request.setContentType(original.getContentType());
        request.setBody(original.getBody());
        request.setFormParameters(original.getFormParameters());
        request.setUserAgentExtensions(original.getUserAgentExtensions());
        Response response = delegate.makeRequest(request);
        LAST_STATUS.set(response.getStatusCode());
        return response;
    }
}
