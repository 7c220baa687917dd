package org.smsoverxmpp.bridge.provider;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider for tests: records each send and answers as told. */
public class RecordingProvider implements SmsProvider {
    public final List<String> sent = new CopyOnWriteArrayList<>();
    public volatile SendResult answer = new SendResult.Sent("SM1");
    private final String name;

    public RecordingProvider(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String displayName() {
        return name.substring(0, 1).toUpperCase() + name.substring(1);
    }

    @Override
    public SendResult send(SmsRequest request) {
        sent.add(request.from() + ">" + request.to() + ":" + request.text());
        return answer;
    }

    @Override
    public MediaAccess mediaAccess() {
        return MediaAccess.NONE;
    }

    @Override
    public int maxCharacters() {
        return 1600;
    }

    @Override
    public String describeDeliveryError(String code, String text) {
        return displayName() + " error " + code;
    }

    @Override
    public Optional<String> helpFor(String code) {
        return Optional.of("https://help.example/" + code);
    }
}
