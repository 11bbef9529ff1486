package org.novasim.api.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Nova's hostId: the host hashed with the project (SHA-224), so projects cannot compare where they run. */
final class HostIds {

    private HostIds() {}

    static String of(String projectId, String host) {
        if (host == null || host.isEmpty()) {
            return "";
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-224")
                            .digest((projectId + host).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-224", e);
        }
    }
}
