package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro instances behind nginx (MENSAGERIA_INSTANCES=2); one of them crashes while cards
 * and purchases flow. What it had accepted is done by the other: its unpublished events are relayed
 * by the survivor's sweeper, the messages it was consuming go back to the broker and to the survivor,
 * and the inboxes keep every effect single. Requests sent after the crash are served by the survivor
 * (nginx skips the dead instance). Only the requests in flight on the dead instance fail (502).
 */
@Tag("scale-out")
class InstanceCrashSystemIT {

    private static final String SECOND_INSTANCE = "run/instance-2.pid";

    @Test
    void killingOneOfTwoInstancesUnderLoadLosesNothingAndDoublesNothing() throws Exception {
        FlowLoad.Report report;
        List<String> refusedAfterTheCrash;
        try (FlowLoad load = FlowLoad.start()) {
            load.awaitAccepted(30);
            Faults.kill(SECOND_INSTANCE);
            load.faultIsOver();
            load.awaitAcceptedAfterFault(30);
            refusedAfterTheCrash = load.stop();
            report = load.settle();
        } finally {
            Faults.startWhatIsDown();
        }
        report.print("Drill: kill -9 one of two Payara Micro instances under load");
        assertEquals(List.of(), refusedAfterTheCrash, "requests sent after the crash that the survivor did not serve");
        report.assertNothingLostOrDoubled();
    }
}
