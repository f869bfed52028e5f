/** A fake VCC Public API v3.1 (REST + WebSocket on one loopback port) with a feed and fault injection, for tests and demos. */
package org.trafficsafety.simulation.vccserver;
