package org.smsoverxmpp.bench;

import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smackx.nick.packet.Nick;
import org.jxmpp.jid.impl.JidCreate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smsoverxmpp.bridge.xmpp.StanzaCodec;

/**
 * Row 11: what the bridge's safe serialization costs per stanza, side by side with Smack's serialization
 * alone: the repair pass and the strict re-parse that keep a hostile SMS from breaking the stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StanzaEncodingBenchmark {
    private static final XmlEnvironment STREAM = new XmlEnvironment("jabber:client");
    Message sms;

    @Setup
    public void setUp() {
        StanzaCodec.install();
        sms = StanzaBuilder.buildMessage("SM0123456789abcdef0123456789abcdef")
                .from(JidCreate.fromOrThrowUnchecked("+15557654321@sms.example.com"))
                .to(JidCreate.fromOrThrowUnchecked("alice@example.com")).ofType(Message.Type.chat)
                .setBody("Hi 👋 see you at the café at 5 & bring the tickets <3, the code is ]]> not needed")
                .addExtension(new Nick("Friend")).build();
    }

    @Benchmark
    public CharSequence smackOnly() {
        return sms.toXML(STREAM);
    }

    @Benchmark
    public StanzaCodec.Encoding repairedAndChecked() {
        return StanzaCodec.encode(sms);
    }
}
