package org.novasim.network.ip;

import java.math.BigInteger;

/**
 * IPv6 text forms. Written out rather than left to {@code InetAddress}, which prints the uncompressed form and
 * accepts zone ids and host names.
 */
final class IpV6Text {

    private IpV6Text() {}

    static BigInteger parse(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            throw invalid(text);
        }
        int[] groups = new int[8];
        if (doubleColon < 0) {
            if (fill(text, groups, true, text) != 8) {
                throw invalid(text);
            }
        } else {
            int[] head = new int[8];
            int[] tail = new int[8];
            int headCount = fill(text.substring(0, doubleColon), head, false, text);
            int tailCount = fill(text.substring(doubleColon + 2), tail, true, text);
            // "::" stands for at least one group of zeros.
            if (headCount + tailCount > 7) {
                throw invalid(text);
            }
            System.arraycopy(head, 0, groups, 0, headCount);
            System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
        }
        BigInteger value = BigInteger.ZERO;
        for (int group : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return value;
    }

    /**
     * Reads colon-separated groups into {@code out}; returns how many. An embedded IPv4 address (two groups) may
     * only end the address.
     */
    private static int fill(String part, int[] out, boolean ends, String whole) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] texts = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < texts.length; i++) {
            String group = texts[i];
            if (ends && i == texts.length - 1 && group.indexOf('.') >= 0) {
                long v4;
                try {
                    v4 = IpAddress.parse(group).value().longValue();
                } catch (IllegalArgumentException e) {
                    throw invalid(whole);
                }
                if (count > 6) {
                    throw invalid(whole);
                }
                out[count++] = (int) (v4 >>> 16);
                out[count++] = (int) (v4 & 0xffff);
                continue;
            }
            if (group.isEmpty() || group.length() > 4 || count >= 8) {
                throw invalid(whole);
            }
            for (char c : group.toCharArray()) {
                if (Character.digit(c, 16) < 0) {
                    throw invalid(whole);
                }
            }
            out[count++] = Integer.parseInt(group, 16);
        }
        return count;
    }

    static String format(BigInteger value) {
        int[] groups = new int[8];
        for (int i = 7; i >= 0; i--) {
            groups[i] = value.intValue() & 0xffff;
            value = value.shiftRight(16);
        }
        // RFC 5952: compress the longest run of two or more zero groups, the first one on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a valid IP address");
    }
}
