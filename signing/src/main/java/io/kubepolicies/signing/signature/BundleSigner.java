package io.kubepolicies.signing.signature;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.jws.Jws;
import io.kubepolicies.signing.jws.SigningKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Signs a bundle in OPA's format: one JWS over the hashes of every file, in {@code .signatures.json}. */
public final class BundleSigner {
  private BundleSigner() {}

  /** The bundle with a new {@code .signatures.json} (any previous one is replaced). */
  public static Bundle sign(Bundle bundle, SigningKey key, SignOptions options) throws BundleException {
    List<FileHash> files = bundle.files().stream()
        .map(file -> hash(bundle, file, options.hashAlgorithm()))
        .toList();
    SignatureClaims claims = new SignatureClaims(files, Optional.empty(), options.scope(),
        OptionalLong.of(options.issuedAt().getEpochSecond()), Optional.empty(),
        options.publication().map(Publication::environment),
        options.publication().map(p -> OptionalLong.of(p.sequence())).orElse(OptionalLong.empty()));
    String token = Jws.sign(key, options.keyId(), claims.toJson());
    return bundle.withSignatures(new SignaturesFile(List.of(token)).toJson());
  }

  private static FileHash hash(Bundle bundle, BundleFile file, HashAlgorithm algorithm) {
    String hex = HexFormat.of().formatHex(FileHasher.digest(bundle, file, algorithm));
    return new FileHash(file.path(), hex, algorithm.opaName());
  }
}
