package io.kubepolicies.ci.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubepolicies.signing.BundleException;
import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.bundle.BundleFile;
import io.kubepolicies.signing.bundle.BundleReader;
import io.kubepolicies.signing.canonical.StrictJson;
import io.kubepolicies.signing.jws.Jws;
import io.kubepolicies.signing.signature.FileHasher;
import io.kubepolicies.signing.signature.HashAlgorithm;
import io.kubepolicies.signing.signature.SignaturesFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kube-policies bundle inspect FILE}: manifest, files with sizes and hashes, signature header and claims. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Show a bundle's manifest, its files (size and the SHA-256 a signature lists) and its signature's "
        + "header and claims. The signature is shown, not verified: use `bundle verify`."})
public final class InspectCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The bundle to inspect.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      Bundle bundle = new BundleReader().read(file);
      out.println("manifest:");
      out.println(indent(new String(bundle.manifest().toJson(), StandardCharsets.UTF_8)));
      out.println("files:");
      for (BundleFile f : bundle.files()) {
        String hash = HexFormat.of().formatHex(FileHasher.digest(bundle, f, HashAlgorithm.SHA256));
        out.printf("  %10d  %s  %s%n", f.size(), hash, f.path());
      }
      out.println(signature(bundle));
      return 0;
    } catch (BundleException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 1;
    }
  }

  private static String signature(Bundle bundle) {
    if (bundle.signatures().isEmpty()) {
      return "signature: none";
    }
    try {
      List<String> tokens = SignaturesFile.parse(bundle.signatures().get().bytes()).signatures();
      StringBuilder out = new StringBuilder("signatures (not verified): ").append(tokens.size());
      for (String token : tokens) {
        Jws jws = Jws.parse(token);
        ObjectNode header = StrictJson.MAPPER.createObjectNode().put("alg", jws.header().algorithm());
        jws.header().keyId().ifPresent(kid -> header.put("kid", kid));
        out.append("\n  header: ").append(header)
            .append("\n  claims:\n").append(indent(indent(StrictJson.MAPPER.readTree(jws.payload()).toPrettyString())));
      }
      return out.toString();
    } catch (BundleException | IOException e) {
      return "signature: unreadable: " + e.getMessage();
    }
  }

  private static String indent(String text) {
    return text.indent(2).stripTrailing();
  }
}
