package dev.tideway.websocket.tck;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Skips the rest of a TCK test class once one of its tests timed out. Such a test leaves its client
 * callback thread stuck holding the TCK's static client lock ({@code ClientEndpointData.LOCK}), which
 * every later test of the JVM waits for in its cleanup: each would only time out in turn. The -Ptck
 * runs load this guard by JUnit's extension auto-detection; the adapter tests do not.
 */
public final class HungTestGuard implements ExecutionCondition, TestWatcher {
    private static final Set<Class<?>> HUNG = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getTestClass()
                .filter(HUNG::contains)
                .map(hung -> ConditionEvaluationResult.disabled("Not run: an earlier test of " + hung.getName()
                        + " timed out, and its stuck thread holds the TCK's client lock"))
                .orElseGet(() -> ConditionEvaluationResult.enabled("no test of this class timed out"));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (cause instanceof TimeoutException) {
            context.getTestClass().ifPresent(HUNG::add);
        }
    }
}
