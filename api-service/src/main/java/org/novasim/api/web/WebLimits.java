package org.novasim.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may ask of the API, so that no request can hold it up for others.
 *
 * @param maxRequestBodySize a larger body is refused with 413 before it is read (oslo.middleware's
 *     {@code max_request_body_size}, which Nova and Keystone use: 112 KiB)
 * @param regexSteps how many characters the {@code name} and {@code ip} filters' regular expressions may read in
 *     one list request before it is refused as too costly (Nova hands them to the database's REGEXP)
 * @param maxServersPerRequest the most servers one create makes: a larger {@code min_count} is a 400, a larger
 *     {@code max_count} makes this many (the instances quota caps both too, but may be unlimited)
 */
@ConfigurationProperties("novasim.api")
public record WebLimits(
        @DefaultValue("114688B") DataSize maxRequestBodySize,
        @DefaultValue("1000000") long regexSteps,
        @DefaultValue("1000") int maxServersPerRequest) {}
