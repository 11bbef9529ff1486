package org.novasim.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A set of gauge rows refreshed as a whole, whose meters stay registered from one refresh to the next: a row's value
 * changes in place, rows that are gone are removed, new ones added. Micrometer's {@link MultiGauge} with
 * {@code overwrite} removes a row's meter before registering it again, so a scrape at that moment found the gauge
 * missing (PrometheusMetricsIT saw {@code openstack_nova_running_vms} absent so).
 */
final class SteadyMultiGauge {

    private final MultiGauge gauge;
    /** The value of each row, as the bits of a double, read by its meter at each scrape. */
    private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();

    SteadyMultiGauge(MeterRegistry registry, String name, String description) {
        this.gauge = MultiGauge.builder(name).description(description).register(registry);
    }

    synchronized void set(Map<Tags, Double> rows) {
        values.keySet().retainAll(rows.keySet());
        rows.forEach((tags, value) ->
                values.computeIfAbsent(tags, t -> new AtomicLong()).set(Double.doubleToRawLongBits(value)));
        List<MultiGauge.Row<?>> registered = values.entrySet().stream()
                .<MultiGauge.Row<?>>map(row ->
                        MultiGauge.Row.of(row.getKey(), row.getValue(), bits -> Double.longBitsToDouble(bits.get())))
                .toList();
        gauge.register(registered, false);
    }
}
