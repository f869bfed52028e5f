/** The HTTP API: REST controllers, their JSON shapes and the one error mapper; /health lives here. */
package org.trafficsafety.api;
