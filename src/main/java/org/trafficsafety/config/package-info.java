/** Typed settings bound from environment variables (design section 9), validated at startup, and the application's wiring of them. */
package org.trafficsafety.config;
