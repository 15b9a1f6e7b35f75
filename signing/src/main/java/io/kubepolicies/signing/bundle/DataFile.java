package io.kubepolicies.signing.bundle;

import io.kubepolicies.signing.canonical.CanonicalValue;
import java.util.List;

/**
 * A {@code data.json}, {@code data.yaml} or {@code data.yml} file: its value goes to the data path
 * named by its directory ({@code roles/bindings/data.json} becomes {@code data.roles.bindings}).
 */
public record DataFile(String path, List<String> dataPath, CanonicalValue value) {
  public DataFile {
    dataPath = List.copyOf(dataPath);
  }
}
