/** {@code tsi analyze}: the analysis library run over recorded message files, with CSV, Parquet and JSON reports. */
package org.trafficsafety.tools.analyze;
