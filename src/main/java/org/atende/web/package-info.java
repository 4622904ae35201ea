/**
 * The application's edges shared by every module: RFC 9457 problem details for every error,
 * request size limits and the OpenAPI document. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.atende.web;
