/** {@code tsi simulate}: the simulator's messages written as VCC or ODE JSON lines, with its ground-truth conflict log. */
package org.trafficsafety.tools.simulate;
