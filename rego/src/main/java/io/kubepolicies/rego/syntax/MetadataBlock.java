package io.kubepolicies.rego.syntax;

import io.kubepolicies.rego.ast.Location;
import io.kubepolicies.rego.value.ObjectValue;

/**
 * One {@code # METADATA} comment block, read: where it starts, the {@code scope} it names (null
 * when it names none), whether it is an {@code entrypoint}, and its other fields in OPA's
 * normalised form.
 */
record MetadataBlock(Location location, String scope, boolean entrypoint, ObjectValue fields) {}
