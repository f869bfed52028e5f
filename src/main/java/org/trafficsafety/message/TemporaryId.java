package org.trafficsafety.message;

import java.util.HexFormat;

/**
 * The two printed forms of a J2735 TemporaryID held as an unsigned 32-bit {@code long}: VCC's decimal integer and
 * ODE's 8 upper-case hex digits.
 */
public final class TemporaryId {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private TemporaryId() {
    }

    /** As ODE prints it: "0000002A". */
    public static String hex(long id) {
        return HEX.toHexDigits((int) id);
    }

    /** As VCC prints it: "42" (unsigned, up to 4294967295). */
    public static String decimal(long id) {
        return Long.toUnsignedString(id);
    }
}
