package io.kubepolicies.signing.signature;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.FileKind;
import io.kubepolicies.signing.jws.Jws;
import io.kubepolicies.signing.jws.JwsHeader;
import io.kubepolicies.signing.jws.VerificationKey;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verifies a signed bundle: exactly one JWS, by a trusted key with its pinned algorithm; the scope,
 * environment and sequence the {@link VerificationPolicy} expects; and the signed file list equal to
 * the bundle's files, each with a matching hash. Every refusal names the file or claim at fault.
 */
public final class BundleVerifier {
  private static final String SIGNATURES = FileKind.SIGNATURES_PATH;

  private final TrustedKeys keys;

  public BundleVerifier(TrustedKeys keys) {
    this.keys = keys;
  }

  public VerifiedBundle verify(Bundle bundle, VerificationPolicy policy) throws BundleException {
    BundleFile signatures = bundle.signatures()
        .orElseThrow(() -> new BundleException("the bundle is not signed: it has no " + SIGNATURES));
    Jws jws;
    SignatureClaims claims;
    try {
      jws = Jws.parse(onlyToken(SignaturesFile.parse(signatures.bytes())));
      // Read before the signature is checked only to find the key; nothing else is trusted until then.
      claims = SignatureClaims.parse(jws.payload());
    } catch (BundleException e) {
      throw e.in(SIGNATURES);
    }
    String keyId = keyId(jws.header(), claims);
    VerificationKey key = keys.get(keyId).orElseThrow(() -> new BundleException(
        SIGNATURES + ": unknown key id \"" + keyId + "\" (trusted: " + String.join(", ", keys.ids()) + ")"));
    try {
      jws.verify(key);
    } catch (BundleException e) {
      throw e.in(SIGNATURES + " (key \"" + keyId + "\")");
    }
    checkScope(claims, policy);
    checkPublication(claims, policy);
    checkFiles(bundle, claims.files());
    return new VerifiedBundle(bundle, claims, keyId, key.algorithm());
  }

  private static String onlyToken(SignaturesFile file) throws BundleException {
    List<String> tokens = file.signatures();
    if (tokens.size() != 1) {
      throw new BundleException(tokens.size() + " signatures (expected exactly one)");
    }
    return tokens.get(0);
  }

  private String keyId(JwsHeader header, SignatureClaims claims) throws BundleException {
    if (header.keyId().isPresent() && claims.keyId().isPresent() && !header.keyId().equals(claims.keyId())) {
      throw new BundleException(SIGNATURES + ": header kid \"" + header.keyId().get()
          + "\" differs from claim \"keyid\" \"" + claims.keyId().get() + "\"");
    }
    Optional<String> named = header.keyId().or(claims::keyId);
    return named.or(keys::defaultKeyId).orElseThrow(() -> new BundleException(
        SIGNATURES + ": the signature names no key (no kid) and no default key is configured"));
  }

  private static void checkScope(SignatureClaims claims, VerificationPolicy policy) throws BundleException {
    String scope = claims.scope().orElse("");
    if (!scope.equals(policy.scope())) {
      throw new BundleException("claim \"scope\" is \"" + scope + "\", expected \"" + policy.scope() + "\"");
    }
  }

  private static void checkPublication(SignatureClaims claims, VerificationPolicy policy) throws BundleException {
    if (policy.environment().isPresent()) {
      String expected = policy.environment().get();
      String actual = claims.environment()
          .orElseThrow(() -> new BundleException("claim \"environment\" is missing (expected \"" + expected + "\")"));
      if (!actual.equals(expected)) {
        throw new BundleException("claim \"environment\" is \"" + actual + "\", expected \"" + expected + "\"");
      }
    }
    if (policy.minimumSequence().isPresent()) {
      long minimum = policy.minimumSequence().getAsLong();
      long actual = claims.sequence()
          .orElseThrow(() -> new BundleException("claim \"sequence\" is missing (expected at least " + minimum + ")"));
      if (actual < minimum) {
        throw new BundleException("claim \"sequence\" is " + actual + ", lower than " + minimum
            + ": refusing a rollback to an older bundle");
      }
    }
  }

  private static void checkFiles(Bundle bundle, List<FileHash> signed) throws BundleException {
    Map<String, FileHash> listed = new TreeMap<>();
    for (FileHash file : signed) {
      if (listed.put(file.name(), file) != null) {
        throw new BundleException(file.name() + ": listed twice in the signature");
      }
    }
    for (BundleFile file : bundle.files()) {
      FileHash entry = listed.remove(file.path());
      if (entry == null) {
        throw new BundleException(file.path() + ": not included in the bundle signature");
      }
      checkHash(bundle, file, entry);
    }
    if (!listed.isEmpty()) {
      throw new BundleException(listed.keySet().iterator().next() + ": listed in the signature but missing from the bundle");
    }
  }

  private static void checkHash(Bundle bundle, BundleFile file, FileHash entry) throws BundleException {
    HashAlgorithm algorithm;
    byte[] expected;
    try {
      algorithm = HashAlgorithm.fromOpaName(entry.algorithm());
      expected = HexFormat.of().parseHex(entry.hash());
    } catch (BundleException e) {
      throw e.in(file.path());
    } catch (IllegalArgumentException e) {
      throw new BundleException(file.path() + ": signed hash is not hexadecimal");
    }
    byte[] actual = FileHasher.digest(bundle, file, algorithm);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new BundleException(file.path() + ": digest mismatch (signed " + entry.hash() + ", actual "
          + HexFormat.of().formatHex(actual) + ")");
    }
  }
}
