/** The archive bucket (a local directory or Google Cloud Storage): object names, metadata, checksums and bucket policy. */
package org.trafficsafety.store.archive;
