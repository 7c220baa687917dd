package org.smsoverxmpp.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WireMock as api.twilio.com: accepts every message with a fresh SM sid, as Twilio does, and tallies each
 * numbered body as it arrives. No request journal, so a long run does not fill the heap.
 */
final class TwilioApi implements AutoCloseable {
    private final WireMockServer server;
    private final Tally tally;

    TwilioApi(Tally tally) {
        this.tally = tally;
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal()
                .containerThreads(32).templatingEnabled(false).extensions(new FreshSid()));
        server.start();
        server.stubFor(post(urlPathMatching("/2010-04-01/Accounts/AC[0-9a-f]+/Messages.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers(FreshSid.NAME)));
        server.addMockServiceRequestListener((request, response) -> tally.arrived(bodyParameter(request.getBodyAsString())));
    }

    /** A new MessageSid per message, without a template engine's cost on the machine being measured. */
    private static final class FreshSid implements ResponseDefinitionTransformerV2 {
        static final String NAME = "fresh-sid";
        private final AtomicLong next = new AtomicLong();

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                    .withBody(String.format("{\"sid\":\"SM%032x\",\"status\":\"queued\"}", next.incrementAndGet()))
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String bodyParameter(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("Body=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop();
    }
}
