/** The VCC Public API v3.1 client: OAuth, rate-limited REST polling and WebSocket streaming as message sources. */
package org.trafficsafety.source.vcc;
