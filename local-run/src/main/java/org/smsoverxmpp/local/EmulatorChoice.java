package org.smsoverxmpp.local;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Which AWS emulator the local run uses, and why, said in one line: the one {@code AWS_ENDPOINT_URL} names; the one
 * {@code AWS_EMULATOR} asks for ({@code moto} or {@code localstack}); moto_server when {@code MOTO_PORT} is set;
 * otherwise LocalStack if one answers on its port, else moto_server.
 */
final class EmulatorChoice {
    static final URI LOCALSTACK = URI.create("http://localhost:4566");

    /** What the user asked for, from the environment. */
    enum Asked {
        ANY, MOTO, LOCALSTACK, MOTO_BY_PORT
    }

    /** The emulator chosen: an endpoint to use as it is, or moto_server to start. */
    sealed interface Choice {
        String why();

        record Given(URI endpoint, String why) implements Choice {
        }

        record LocalStack(String why) implements Choice {
        }

        record StartMoto(String why) implements Choice {
        }
    }

    private EmulatorChoice() {
    }

    static Asked asked(Map<String, String> env) {
        String emulator = Optional.ofNullable(env.get("AWS_EMULATOR")).map(String::trim).orElse("");
        switch (emulator) {
            case "moto":
                return Asked.MOTO;
            case "localstack":
                return Asked.LOCALSTACK;
            case "":
                return env.get("MOTO_PORT") == null || env.get("MOTO_PORT").isBlank() ? Asked.ANY : Asked.MOTO_BY_PORT;
            default:
                throw new IllegalArgumentException("AWS_EMULATOR must be moto or localstack (got '" + emulator + "')");
        }
    }

    /** @param localStackAnswers asked only when the choice depends on it */
    static Choice choose(Optional<String> endpoint, Asked asked, BooleanSupplier localStackAnswers) {
        if (endpoint.isPresent()) {
            return new Choice.Given(URI.create(endpoint.get()), "the emulator AWS_ENDPOINT_URL names");
        }
        switch (asked) {
            case MOTO:
                return new Choice.StartMoto("AWS_EMULATOR=moto");
            case MOTO_BY_PORT:
                return new Choice.StartMoto("MOTO_PORT is set");
            case LOCALSTACK:
                if (!localStackAnswers.getAsBoolean()) {
                    throw new LocalRunException("AWS_EMULATOR=localstack, but no LocalStack answers at " + LOCALSTACK
                            + "; start it, or leave AWS_EMULATOR unset to use moto_server");
                }
                return new Choice.LocalStack("AWS_EMULATOR=localstack");
            default:
                return localStackAnswers.getAsBoolean()
                        ? new Choice.LocalStack("one answers at " + LOCALSTACK + "; AWS_EMULATOR=moto uses moto_server instead")
                        : new Choice.StartMoto("no LocalStack answers at " + LOCALSTACK + "; AWS_EMULATOR=localstack insists on one");
        }
    }
}
