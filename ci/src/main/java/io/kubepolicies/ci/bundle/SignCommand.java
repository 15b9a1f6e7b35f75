package io.kubepolicies.ci.bundle;

import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.bundle.BundleWriter;
import io.kubepolicies.signing.jws.SigningKey;
import io.kubepolicies.signing.signature.BundleSigner;
import io.kubepolicies.signing.signature.Publication;
import io.kubepolicies.signing.signature.SignOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kube-policies bundle sign FILE --signing-key KEY.pem}: adds (or replaces) the bundle's signature. */
@Command(name = "sign", mixinStandardHelpOptions = true,
    description = {"Sign a bundle in OPA's format (.signatures.json). FILE is rewritten in place unless -o is given.",
        "The algorithm follows the key (RSA: RS256, EC: ES256/384/512 by curve, Ed25519: EdDSA) unless --alg says "
            + "otherwise; an HMAC secret (a non-PEM key file) needs --alg."})
public final class SignCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The bundle to sign.")
  Path file;

  @Option(names = "--signing-key", required = true, paramLabel = "KEY.pem", description = "Private key (PEM) or HMAC secret file.")
  Path key;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the signed bundle here instead of over FILE.")
  Path output;

  @Option(names = "--key-id", paramLabel = "ID", description = "Key id for the JWS header (kid), so verifiers holding several keys pick this one.")
  String keyId;

  @Option(names = "--alg", paramLabel = "ALG", description = "RS256 (default for RSA), RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, HS256, HS384, HS512 or EdDSA.")
  String algorithm;

  @Option(names = "--scope", paramLabel = "S", description = "The scope claim verifiers must expect.")
  String scope;

  @ArgGroup(exclusive = false)
  PublicationOptions publication;

  /** Both or neither: a sequence only means something within one environment. */
  static final class PublicationOptions {
    @Option(names = "--environment", required = true, paramLabel = "E", description = "The environment this bundle is for.")
    String environment;

    @Option(names = "--sequence", required = true, paramLabel = "N",
        description = "Its publication number in that environment; must grow with every publication (a rollback is a new, higher number).")
    long sequence;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path target = output == null ? file : output;
    try {
      SigningKey signingKey = KeyFiles.signingKey(key, KeyFiles.algorithm(algorithm));
      SignOptions options = SignOptions.defaults();
      if (keyId != null) {
        options = options.withKeyId(keyId);
      }
      if (scope != null) {
        options = options.withScope(scope);
      }
      if (publication != null) {
        options = options.withPublication(new Publication(publication.environment, publication.sequence));
      }
      Bundle signed = BundleSigner.sign(new BundleReader().read(file), signingKey, options);
      BundleWriter.write(signed, target);
      out.printf("signed %s: %d files, %s%s%s%n", target, signed.files().size(), signingKey.algorithm().jwsName(),
          keyId == null ? "" : ", key \"" + keyId + "\"",
          publication == null ? "" : ", environment \"" + publication.environment + "\" sequence " + publication.sequence);
      return 0;
    } catch (BundleException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("error: cannot write " + target + ": " + e.getMessage());
      return 1;
    }
  }
}
