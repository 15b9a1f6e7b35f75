package io.kubepolicies.signing.signature;

import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import java.security.MessageDigest;

/**
 * Digests a bundle file the way OPA does: {@code .manifest}, {@code data.json} and {@code data.yaml}
 * by their canonical form (so whitespace and key order do not matter), every other file by its bytes.
 */
public final class FileHasher {
  private FileHasher() {}

  public static byte[] digest(Bundle bundle, BundleFile file, HashAlgorithm algorithm) {
    MessageDigest digest = algorithm.newDigest();
    byte[] hashed = file.kind().hashedAsDocument()
        ? bundle.document(file.path()).orElseThrow(() -> new IllegalStateException(file.path() + " was not parsed")).toBytes()
        : file.bytes();
    return digest.digest(hashed);
  }
}
