package io.kubepolicies.ci.bundle;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.signature.BundleVerifier;
import io.kubepolicies.signing.signature.SignatureClaims;
import io.kubepolicies.signing.signature.VerificationPolicy;
import io.kubepolicies.signing.signature.VerifiedBundle;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kube-policies bundle verify FILE --verification-key KEY.pem}: exit 0 and a summary, or exit 1 and the reason. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify a signed bundle: its signature by a trusted key, every file against the signed hashes, "
        + "and the scope, environment and sequence claims. Prints one line and exits 0 if it holds, else exits 1 "
        + "with the reason."})
public final class VerifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The bundle to verify.")
  Path file;

  @Option(names = "--verification-key", required = true, split = ",", paramLabel = "[ID=]KEY.pem",
      description = "Trusted public keys or certificates (PEM), each with its key id (kid); a key without ID= gets "
          + "id \"" + KeyFiles.DEFAULT_KEY_ID + "\" and also checks signatures that name no key. Give the old and "
          + "the new key during a rotation.")
  List<String> keys;

  @Option(names = "--alg", paramLabel = "ALG",
      description = "Pin the keys to this algorithm instead of the one their type implies (needed for RS384/512, PS*, HS*).")
  String algorithm;

  @Option(names = "--scope", paramLabel = "S", defaultValue = "", description = "The scope the signature must carry (default: none).")
  String scope;

  @Option(names = "--environment", paramLabel = "E", description = "Refuse a bundle signed for another environment.")
  String environment;

  @Option(names = "--min-sequence", paramLabel = "N",
      description = "Refuse a bundle whose sequence is lower (a rollback); pass the last activated sequence.")
  Long minSequence;

  @Override
  public Integer call() {
    try {
      BundleVerifier verifier = new BundleVerifier(KeyFiles.trustedKeys(keys, KeyFiles.algorithm(algorithm)));
      VerificationPolicy policy = VerificationPolicy.ANY.withScope(scope);
      if (environment != null) {
        policy = policy.withEnvironment(environment);
      }
      if (minSequence != null) {
        policy = policy.withMinimumSequence(minSequence);
      }
      VerifiedBundle verified = verifier.verify(new BundleReader().read(file), policy);
      spec.commandLine().getOut().println(summary(verified));
      return 0;
    } catch (BundleException e) {
      spec.commandLine().getErr().println("verification failed: " + e.getMessage());
      return 1;
    }
  }

  private String summary(VerifiedBundle verified) {
    SignatureClaims claims = verified.claims();
    StringBuilder line = new StringBuilder("verified ").append(file)
        .append(": revision \"").append(verified.bundle().manifest().revision()).append('"')
        .append(", ").append(verified.bundle().files().size()).append(" files")
        .append(", key \"").append(verified.keyId()).append("\" (").append(verified.algorithm().jwsName()).append(')');
    claims.environment().ifPresent(e -> line.append(", environment \"").append(e).append('"'));
    claims.sequence().ifPresent(s -> line.append(", sequence ").append(s));
    return line.toString();
  }
}
