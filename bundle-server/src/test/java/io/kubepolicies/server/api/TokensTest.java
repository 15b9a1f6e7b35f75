package io.kubepolicies.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {
  private static final String TOKEN = "a-long-enough-secret-token";

  @TempDir
  Path dir;

  private Path file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("tokens.yaml"), yaml);
  }

  @Test
  void hashIsSha256Hex() {
    assertEquals("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", Tokens.hash("password"));
  }

  @Test
  void loadedTokensAuthenticateTheirHolders() throws IOException {
    Tokens tokens = Tokens.load(file(Tokens.toYaml(List.of(
        new Tokens.Entry("ci", Role.RELEASE_ENGINEER, Tokens.hash(TOKEN)),
        new Tokens.Entry("grafana", Role.VIEWER, Tokens.hash(TOKEN + "-viewer"))))));
    assertEquals(Optional.of(new Principal("ci", Role.RELEASE_ENGINEER)), tokens.authenticate(TOKEN));
    assertEquals(Optional.of(new Principal("grafana", Role.VIEWER)), tokens.authenticate(TOKEN + "-viewer"));
    assertEquals(Optional.empty(), tokens.authenticate(TOKEN + "x"));
    assertEquals(Optional.empty(), tokens.authenticate(null));
  }

  @Test
  void shortTokensNeverAuthenticate() {
    Tokens tokens = Tokens.of(List.of(new Tokens.Entry("weak", Role.VIEWER, Tokens.hash("short"))));
    assertEquals(Optional.empty(), tokens.authenticate("short"));
  }

  @Test
  void rolesGrantReadingToBoth() {
    assertTrue(Role.RELEASE_ENGINEER.allows(Role.VIEWER));
    assertTrue(Role.RELEASE_ENGINEER.allows(Role.RELEASE_ENGINEER));
    assertTrue(Role.VIEWER.allows(Role.VIEWER));
    assertTrue(!Role.VIEWER.allows(Role.RELEASE_ENGINEER));
  }

  @Test
  void malformedFilesAreRefusedWithTheReason() throws IOException {
    String hash = Tokens.hash(TOKEN);
    assertRefused("tokens: {a: 1}\n", "expected a list under \"tokens\"");
    assertRefused("not: [yaml\n", "not valid YAML");
    assertRefused("tokens:\n  - name: x\n    role: admin\n    sha256: " + hash + "\n", "role must be release-engineer or viewer");
    assertRefused("tokens:\n  - name: x\n    role: viewer\n    sha256: ABC\n", "64 lowercase hex");
    assertRefused("tokens:\n  - role: viewer\n    sha256: " + hash + "\n", "needs a name");
    assertRefused("tokens:\n  - {name: x, role: viewer, sha256: " + hash + "}\n  - {name: x, role: viewer, sha256: "
        + Tokens.hash(TOKEN + "2") + "}\n", "used twice");
    assertRefused("tokens:\n  - {name: x, role: viewer, sha256: " + hash + "}\n  - {name: y, role: viewer, sha256: "
        + hash + "}\n", "configured twice");
  }

  private void assertRefused(String yaml, String reason) throws IOException {
    Path file = file(yaml);
    IOException e = assertThrows(IOException.class, () -> Tokens.load(file), yaml);
    assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(reason), e.getMessage());
  }
}
