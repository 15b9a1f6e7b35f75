package io.kubepolicies.ci.check;

import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.StringValue;

/**
 * One Kubernetes object read from a manifest.
 *
 * @param file the file as named on the command line (or found under a directory named there)
 */
public record Resource(String file, ObjectValue object) {

  public String kind() {
    return text(object, "kind");
  }

  public String apiVersion() {
    return text(object, "apiVersion");
  }

  public String name() {
    return text(metadata(), "name");
  }

  /** The namespace the manifest names; empty when it names none. */
  public String namespace() {
    return text(metadata(), "namespace");
  }

  private ObjectValue metadata() {
    return object.get("metadata") instanceof ObjectValue m ? m : ObjectValue.EMPTY;
  }

  private static String text(ObjectValue o, String key) {
    return o.get(key) instanceof StringValue s ? s.value() : "";
  }
}
