package org.civicspace.systemtests;

import java.io.IOException;
import java.nio.file.Path;

import org.civicspace.localstack.Ports;
import org.civicspace.localstack.StackOptions;

/** The whole flow on the embedded broker and store, exactly as {@code civicspace up} runs it. */
class WholeFlowOnEmbeddedStackIT extends WholeFlowScenario {

    @Override
    StackOptions options(Path data) throws IOException {
        return Ports.onFreePorts(StackOptions.defaults(data));
    }
}
