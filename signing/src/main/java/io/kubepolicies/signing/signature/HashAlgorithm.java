package io.kubepolicies.signing.signature;

import io.kubepolicies.signing.BundleException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The file hash algorithms OPA accepts in a signature's {@code files} list, by OPA's names. */
public enum HashAlgorithm {
  MD5("MD5", "MD5"),
  SHA1("SHA-1", "SHA-1"),
  SHA224("SHA-224", "SHA-224"),
  SHA256("SHA-256", "SHA-256"),
  SHA384("SHA-384", "SHA-384"),
  SHA512("SHA-512", "SHA-512"),
  SHA512_224("SHA-512-224", "SHA-512/224"),
  SHA512_256("SHA-512-256", "SHA-512/256");

  private final String opaName;
  private final String jcaName;

  HashAlgorithm(String opaName, String jcaName) {
    this.opaName = opaName;
    this.jcaName = jcaName;
  }

  public String opaName() {
    return opaName;
  }

  public static HashAlgorithm fromOpaName(String name) throws BundleException {
    for (HashAlgorithm algorithm : values()) {
      if (algorithm.opaName.equals(name)) {
        return algorithm;
      }
    }
    throw new BundleException("unsupported hash algorithm \"" + name + "\"");
  }

  MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides " + jcaName, e);
    }
  }
}
