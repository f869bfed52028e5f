/** Conflict detection between road users of one intersection: TTC with oriented shapes, body-swept PET, encounters. */
package org.trafficsafety.analysis.conflict;
