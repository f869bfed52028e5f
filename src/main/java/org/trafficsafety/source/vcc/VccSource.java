package org.trafficsafety.source.vcc;

import org.trafficsafety.source.MessageSource;

/** A VCC message source, poll or stream: what {@code GET /api/v1/vcc/status} reads. */
public sealed interface VccSource extends MessageSource permits VccPollSource, VccStreamSource {

    /** The detailed status: mode, connection, token expiry, last message per type, counters. */
    VccStatus vccStatus();
}
