package org.novasim.benchmark.fault;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report of a run under a fault, for people: what ran, what was injected when, and how every launch ended. */
final class FaultMarkdown {

    private FaultMarkdown() {}

    static String render(FaultReport r, String chartFile) {
        StringBuilder md = new StringBuilder(
                "# novasim benchmark: boot-under-fault (" + r.fault().fault() + ")\n\n");
        md.append("| setting | value |\n|---|---|\n");
        table(md, r.settings());
        table(md, r.machine());
        md.append("\n## The fault\n\n");
        if (Double.isNaN(r.fault().startSeconds())) {
            md.append("None injected.\n");
        } else {
            md.append(f(
                    "- injected at %.1f s: %s\n",
                    r.fault().startSeconds(), r.fault().startLog()));
            if (!Double.isNaN(r.fault().endSeconds())) {
                md.append(f(
                        "- lifted at %.1f s: %s\n",
                        r.fault().endSeconds(), r.fault().endLog()));
            }
        }
        md.append("\n## Launches\n\n| outcome | launches |\n|---|---|\n");
        long accepted = r.launches().size() - r.count(Outcome.REFUSED) - r.count(Outcome.CREATE_FAILED);
        md.append(f("| accepted (202) | %d |\n", accepted));
        r.outcomes()
                .forEach((outcome, count) -> md.append("| ")
                        .append(label(outcome))
                        .append(" | ")
                        .append(count)
                        .append(" |\n"));
        if (!r.errorsByFault().isEmpty()) {
            md.append("\n| ERROR by fault | launches |\n|---|---|\n");
            r.errorsByFault()
                    .forEach((fault, count) -> md.append("| ")
                            .append(fault.replace("|", "\\|"))
                            .append(" | ")
                            .append(count)
                            .append(" |\n"));
        }
        md.append("\n## What the cloud holds afterwards\n\n");
        md.append(f("- servers: %d\n", r.survey().servers()));
        list(md, "addresses held by two servers", r.survey().duplicateAddresses());
        list(md, "hosts over capacity", r.survey().hostsOverCapacity());
        list(md, "ports of instances that do not exist", r.survey().portsWithoutInstance());
        list(md, "servers no accepted create made (left by a refused one)", r.leftByRefused());
        md.append("\n**")
                .append(r.lostNothing() ? "Nothing lost" : "Something was lost")
                .append("**: ");
        md.append("every accepted launch ACTIVE, none stuck, no duplicate address, no host over capacity, no port left "
                + "without its instance, no server left by a refused create.\n");
        md.append("\n![launches over time](").append(chartFile).append(")\n");
        return md.toString();
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case ACTIVE -> "ACTIVE";
            case ERROR -> "ERROR";
            case REFUSED -> "refused at create (503, nothing created)";
            case CREATE_FAILED -> "create failed otherwise";
            case STUCK -> "stuck (still building when the wait ended)";
        };
    }

    private static void list(StringBuilder md, String what, List<String> items) {
        md.append(f("- %s: %d\n", what, items.size()));
        items.stream().limit(10).forEach(item -> md.append("  - ").append(item).append('\n'));
    }

    private static void table(StringBuilder md, Map<String, Object> rows) {
        rows.forEach((key, value) ->
                md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
