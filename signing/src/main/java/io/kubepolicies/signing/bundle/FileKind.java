package io.kubepolicies.signing.bundle;

/** What a file in a bundle is, by its path (OPA decides the same way). */
public enum FileKind {
  MANIFEST,
  SIGNATURES,
  MODULE,
  DATA_JSON,
  DATA_YAML,
  /** OPA loads {@code data.yml} as data but hashes it as raw bytes, unlike {@code data.yaml}. */
  DATA_YML,
  /** Any other file: carried and signed, never loaded. */
  OTHER;

  public static final String MANIFEST_PATH = ".manifest";
  public static final String SIGNATURES_PATH = ".signatures.json";

  public static FileKind of(String path) {
    if (path.equals(MANIFEST_PATH)) {
      return MANIFEST;
    }
    if (path.equals(SIGNATURES_PATH)) {
      return SIGNATURES;
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.endsWith(".rego")) {
      return MODULE;
    }
    return switch (name) {
      case "data.json" -> DATA_JSON;
      case "data.yaml" -> DATA_YAML;
      case "data.yml" -> DATA_YML;
      default -> OTHER;
    };
  }

  /** Whether the file is hashed as a parsed document (OPA's "structured" files) rather than as bytes. */
  public boolean hashedAsDocument() {
    return this == MANIFEST || this == DATA_JSON || this == DATA_YAML;
  }
}
