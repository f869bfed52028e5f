package org.trafficsafety.pipeline;

import java.util.List;

/**
 * The items of one flush for a file sink. The flush time names the file, so a retried batch rewrites the same
 * file under the same key instead of adding a second one.
 */
record FlushBatch<T>(long flushedAtMs, List<T> items) {
    FlushBatch {
        items = List.copyOf(items);
    }
}
