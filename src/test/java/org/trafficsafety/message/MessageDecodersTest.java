package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageDecodersTest {

    @Test
    void shouldDetectOdeByItsPayloadKeyOnly() {
        assertThat(MessageDecoders.detect(Collected.resource("ode/psm.json"))).isEqualTo(Dialect.ODE);
        assertThat(MessageDecoders.detect("{\"metadata\": {}, \"payload\" : {}}")).isEqualTo(Dialect.ODE);
        assertThat(MessageDecoders.detect(Collected.resource("vcc/bsm-frame.json"))).isEqualTo(Dialect.VCC);
        assertThat(MessageDecoders.detect("{\"misc\": \"payload\", \"bsmJson\": {}}")).isEqualTo(Dialect.VCC);
        assertThat(MessageDecoders.detect("[\"{\\\"payload\\\": 1}\"]")).isEqualTo(Dialect.VCC);
        assertThat(MessageDecoders.detect(null)).isEqualTo(Dialect.VCC);
    }

    @Test
    void shouldDecodeMixedDocumentsOneByOneWithTheAutoDecoder() {
        MessageDecoder auto = MessageDecoders.auto();
        Collected c = new Collected();

        auto.decode(Collected.resource("vcc/psm.json"), 0L, c);
        auto.decode(Collected.resource("ode/psm.json"), 0L, c);
        auto.decode("""
                {"timestamp": 1, "misc": "payload", "bsmJson": {"coreData": {"msgCnt": 1, "id": 2, "lat": 1, "lon": 2}}}""",
                0L, c);

        assertThat(c.rejections).isEmpty();
        assertThat(c.messages).extracting(Message::type)
                .containsExactly(MessageType.PSM, MessageType.PSM, MessageType.PSM, MessageType.BSM);
    }
}
