package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TemporaryIdProperties {

    @Property(tries = 300)
    void bothFormsReadBackToTheSameId(@ForAll @LongRange(min = 0, max = 4_294_967_295L) long id) {
        assertThat(TemporaryId.hex(id)).hasSize(8).isUpperCase();
        assertThat(Long.parseLong(TemporaryId.hex(id), 16)).isEqualTo(id);
        assertThat(Long.parseLong(TemporaryId.decimal(id))).isEqualTo(id);
    }

    @Test
    void shouldPrintTheSamplesIdsAsTheirDialectsDo() {
        assertThat(TemporaryId.hex(0x24779D7EL)).isEqualTo("24779D7E");
        assertThat(TemporaryId.hex(42)).isEqualTo("0000002A");
        assertThat(TemporaryId.decimal(4_294_967_295L)).isEqualTo("4294967295");
    }
}
