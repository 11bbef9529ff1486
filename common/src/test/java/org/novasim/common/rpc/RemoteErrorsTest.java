package org.novasim.common.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.novasim.common.network.IpAddressExhaustedException;
import org.novasim.common.scheduler.NoValidHostException;

class RemoteErrorsTest {

    private final RemoteErrors errors =
            new RemoteErrors(List.of(NoValidHostException.class, IpAddressExhaustedException.class));

    @Test
    void rebuildsKnownTypesAsTheirClass() {
        RemoteError error = errors.toException("NoValidHostException", "none left");

        assertThat(error).isInstanceOf(NoValidHostException.class).hasMessage("none left");
        assertThat(error.type()).isEqualTo("NoValidHostException");
    }

    @Test
    void keepsTheTypeNameOfUnknownFailures() {
        RemoteError error = errors.toException("DiskOnFire", "smoke");

        assertThat(error.getClass()).isEqualTo(RemoteError.class);
        assertThat(error.type()).isEqualTo("DiskOnFire");
        assertThat(error).hasToString("DiskOnFire: smoke");
    }
}
