package io.kubepolicies.server.local;

import io.kubepolicies.server.api.Role;
import io.kubepolicies.server.api.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A release-engineer and a viewer token for local use: {@code release-engineer.token} and
 * {@code viewer.token} (owner only) and the bundle-server's {@code tokens.yaml}, made on first use.
 */
public final class LocalTokens {
  public static final String ENGINEER = "local-release-engineer";
  public static final String VIEWER = "local-viewer";

  private final Path dir;

  private LocalTokens(Path dir) {
    this.dir = dir;
  }

  public static LocalTokens ensure(Path dir) throws IOException {
    Files.createDirectories(dir);
    LocalTokens tokens = new LocalTokens(dir);
    if (!Files.exists(tokens.tokenFile()) || !Files.exists(tokens.engineerToken()) || !Files.exists(tokens.viewerToken())) {
      String engineer = PrivateFiles.randomSecret(32);
      String viewer = PrivateFiles.randomSecret(32);
      PrivateFiles.write(tokens.engineerToken(), engineer + "\n");
      PrivateFiles.write(tokens.viewerToken(), viewer + "\n");
      Files.writeString(tokens.tokenFile(), Tokens.toYaml(List.of(
          new Tokens.Entry(ENGINEER, Role.RELEASE_ENGINEER, Tokens.hash(engineer)),
          new Tokens.Entry(VIEWER, Role.VIEWER, Tokens.hash(viewer)))));
    }
    return tokens;
  }

  public Path tokenFile() {
    return dir.resolve("tokens.yaml");
  }

  public Path engineerToken() {
    return dir.resolve("release-engineer.token");
  }

  public Path viewerToken() {
    return dir.resolve("viewer.token");
  }

  public Tokens tokens() throws IOException {
    return Tokens.load(tokenFile());
  }
}
