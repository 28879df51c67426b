package id.peduli.core.wiring;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** Without a CRaC runtime, registering the SnapStart hook must be harmless (as in local runs and tests). */
class PrimingTest {
    @Test
    void registering_withoutACracRuntime_doesNothingAndFailsNothing() {
        assertThatCode(() -> {
            Priming.register();
            Priming.register();
        }).doesNotThrowAnyException();
    }
}
