package org.novasim.api.instance;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** Why an instance went to ERROR (Nova's instance_faults); the API shows the latest as {@code fault}. */
@Table("instance_faults")
public record InstanceFault(
        @Id Long id, String instanceUuid, int code, String message, String details, String host, Instant createdAt) {

    /** Nova cuts fault messages to the column's 255 characters; the rest stays in details. */
    public static InstanceFault of(String instanceUuid, int code, String message, String host, Instant now) {
        String shortMessage = message.length() > 255 ? message.substring(0, 255) : message;
        return new InstanceFault(null, instanceUuid, code, shortMessage, message, host, now);
    }
}
