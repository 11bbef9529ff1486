package org.novasim.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may ask of the API, so that no request can hold it up for others.
 *
 * @param maxRequestBodySize a larger body is refused with 413 before it is read (oslo.middleware's
 *     {@code max_request_body_size}, which Nova and Keystone use: 112 KiB)
 * @param regexSteps how many characters a {@code name} or {@code ip} filter's regular expression may look at per
 *     server before the request is refused as too costly (Nova hands these to the database's REGEXP)
 */
@ConfigurationProperties("novasim.api")
public record WebLimits(
        @DefaultValue("114688B") DataSize maxRequestBodySize,
        @DefaultValue("100000") int regexSteps) {}
