package org.smsoverxmpp.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.smsoverxmpp.local.LocalAws;
import org.smsoverxmpp.local.MotoServer;

/**
 * The AWS emulator alone, for a test class that needs the gateway's tables and queues but no XMPP server: a
 * moto_server of its own, with the stack's resources created in it under a fresh suffix.
 */
public final class EmulatedAws implements AutoCloseable {
    public final MotoServer moto;
    public final LocalAws aws;

    private EmulatedAws(MotoServer moto, LocalAws aws) {
        this.moto = moto;
        this.aws = aws;
    }

    public static EmulatedAws start() {
        MotoServer moto;
        try {
            moto = MotoServer.start(Files.createTempDirectory("moto"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new EmulatedAws(moto, new LocalAws(moto.endpoint(), moto.endpoint(),
                    "-" + Long.toString(System.nanoTime(), 36), 30, "{}"));
        } catch (RuntimeException e) {
            moto.close();
            throw e;
        }
    }

    @Override
    public void close() {
        aws.close();
        moto.close();
    }
}
