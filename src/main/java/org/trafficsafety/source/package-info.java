/** Where messages come from: the VCC API ({@code vcc}), the built-in simulator, archive replay, and files. */
package org.trafficsafety.source;
