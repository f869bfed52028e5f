/** Files of messages (JSON arrays, JSON lines, gzip) split into JSON documents for the decoders. */
package org.trafficsafety.source.file;
