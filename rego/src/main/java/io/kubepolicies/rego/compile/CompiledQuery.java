package io.kubepolicies.rego.compile;

import io.kubepolicies.rego.plan.Body;
import java.util.Set;

/**
 * A compiled query: its plan, the names of its frame slots, which variables are reported as
 * bindings (those written at the query's top level), and the query as written.
 */
public record CompiledQuery(Body body, String[] slotNames, Set<String> reported, io.kubepolicies.rego.ast.Body source) {}
