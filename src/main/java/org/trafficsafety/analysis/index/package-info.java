/** Normalization constants, the tsi-1 safety indices, their Empirical-Bayes shrinkage and risk levels (design section 6). */
package org.trafficsafety.analysis.index;
