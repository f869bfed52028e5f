/** J2735 messages (BSM, PSM, MapData, SPaT) as one internal model in SI units and UTC, and their VCC and ODE JSON codecs. */
package org.trafficsafety.message;
