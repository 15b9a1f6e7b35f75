package io.kubepolicies.ci.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubepolicies.ci.support.Cli;
import io.kubepolicies.ci.support.Repository;
import io.kubepolicies.server.BundleServer;
import io.kubepolicies.server.local.EmbeddedS3;
import io.kubepolicies.server.local.LocalKeys;
import io.kubepolicies.server.local.LocalTls;
import io.kubepolicies.server.local.LocalTokens;
import io.kubepolicies.server.release.Environments;
import io.kubepolicies.server.release.SoakPolicy;
import io.kubepolicies.server.store.S3ObjectStore;
import io.kubepolicies.server.store.StoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publish, promote, rollback, status and history through picocli, against the store and a bundle-server. */
class ReleaseCommandsTest {
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  @TempDir
  static Path shared;

  private static EmbeddedS3 s3;
  private static LocalKeys keys;
  private static Path secretFile;
  private static Path source;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws IOException {
    s3 = EmbeddedS3.start(shared.resolve("s3"), "127.0.0.1", 0, "test-id", "test-secret-key");
    keys = LocalKeys.ensure(shared.resolve("keys"), Environments.DEFAULT.order());
    secretFile = Files.writeString(shared.resolve("secret"), "test-secret-key\n");
    source = Repository.copyTo(Files.createDirectories(shared.resolve("repo")));
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  private static String newBucket() {
    String bucket = "cli-" + BUCKETS.incrementAndGet();
    try (S3ObjectStore objects = S3ObjectStore.open(s3.config(bucket))) {
      objects.ensureBucket();
    }
    return bucket;
  }

  /** Store options, signing keys for every environment, no soak time. */
  private static List<String> direct(String bucket) {
    List<String> args = new ArrayList<>(List.of("--store-endpoint", s3.endpoint().toString(), "--bucket", bucket,
        "--access-key-id", "test-id", "--secret-access-key-file", secretFile.toString(), "--actor", "alice"));
    for (String env : Environments.DEFAULT.order()) {
      args.add("--signing-key");
      args.add(env + ":" + LocalKeys.keyId(env) + "=" + keys.privateKey(env));
    }
    return args;
  }

  private static Cli.Run run(List<String> target, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(target);
    return Cli.run(args.toArray(String[]::new));
  }

  private static List<String> with(List<String> target, String... more) {
    List<String> args = new ArrayList<>(target);
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void publishPromoteRollbackStatusAndHistoryAgainstTheStore() throws Exception {
    List<String> store = with(direct(newBucket()), "--soak", "0");
    Cli.Run published = run(store, "publish", "--source", source.toString(), "--source-revision", "abc123");
    assertEquals(0, published.exit(), published.err());
    assertTrue(published.out().startsWith("published dev#1: revision abc123-"), published.out());
    assertTrue(published.out().contains("by alice"), published.out());
    assertTrue(published.out().contains("rego tests: "), published.out());

    Cli.Run promoted = run(store, "promote", "staging");
    assertEquals(0, promoted.exit(), promoted.err());
    assertTrue(promoted.out().startsWith("promoted staging#1: revision abc123-"), promoted.out());
    assertTrue(promoted.out().contains("from:     dev#1"), promoted.out());

    JsonNode status = new ObjectMapper().readTree(run(store, "status", "-o", "json").out());
    assertEquals(1, status.at("/environments/0/current/sequence").asInt());
    assertEquals("staging", status.at("/environments/1/environment").asText());
    assertEquals("promote", status.at("/environments/1/record/operation").asText());
    assertTrue(status.at("/environments/2/current").isMissingNode(), "prod: nothing published");

    Cli.Run nothingToRollBackTo = run(store, "rollback", "dev");
    assertEquals(1, nothingToRollBackTo.exit());
    assertTrue(nothingToRollBackTo.err().contains("no earlier publication"), nothingToRollBackTo.err());

    Path edited = Repository.copyTo(dir.resolve("edited"));
    Files.writeString(edited.resolve("policies/stages.yaml"), "\n# edited\n", StandardOpenOption.APPEND);
    assertEquals(0, run(store, "publish", "--source", edited.toString(), "--source-revision", "def456").exit());
    Cli.Run rolledBack = run(store, "rollback", "dev");
    assertEquals(0, rolledBack.exit(), rolledBack.err());
    assertTrue(rolledBack.out().startsWith("rolled back dev#3: revision abc123-"), rolledBack.out());

    Cli.Run history = run(store, "history", "dev");
    assertEquals(0, history.exit());
    List<String> lines = history.out().lines().toList();
    assertEquals(3, lines.size(), history.out());
    assertTrue(lines.get(0).startsWith("#1") && lines.get(0).contains("publish"), lines.get(0));
    assertTrue(lines.get(2).startsWith("#3") && lines.get(2).contains("rollback") && lines.get(2).contains("from dev#1"),
        lines.get(2));
  }

  @Test
  void failingPolicyTestBlocksPublishing() throws Exception {
    Path broken = Repository.copyTo(dir.resolve("broken"));
    Files.writeString(broken.resolve("policies/lib/zz_broken_test.rego"),
        "package zz_broken_test\n\ntest_always_fails if {\n  1 == 2\n}\n");
    List<String> store = direct(newBucket());
    Cli.Run run = run(store, "publish", "--source", broken.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("gate failed, nothing was published"), run.err());
    assertTrue(run.err().contains("test_always_fails: FAIL"), run.err());
    Cli.Run status = run(store, "status", "dev");
    assertTrue(status.out().contains("(nothing published)"), status.out());
  }

  @Test
  void promotionWaitsForTheSoakTime() {
    List<String> store = direct(newBucket());
    assertEquals(0, run(store, "publish", "--source", source.toString()).exit());
    Cli.Run early = run(store, "promote", "staging");
    assertEquals(1, early.exit());
    assertTrue(early.err().contains("of the 1h soak time"), early.err());
  }

  @Test
  void targetAndOptionMistakesAreExplained() {
    String bucket = newBucket();
    Cli.Run both = run(with(direct(bucket), "--server", "https://127.0.0.1:1"), "status");
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("give either --server URL"), both.err());
    Cli.Run neither = Cli.run("status");
    assertEquals(2, neither.exit());
    Cli.Run badKey = run(with(direct(bucket), "--signing-key", "dev=nothing"), "status");
    assertEquals(2, badKey.exit());
    assertTrue(badKey.err().contains("expected ENV:KEY_ID=FILE"), badKey.err());
    Cli.Run badSoak = run(with(direct(bucket), "--soak", "soon"), "status");
    assertEquals(2, badSoak.exit());
    assertTrue(badSoak.err().contains("not a duration"), badSoak.err());
    Cli.Run unknownEnv = run(direct(bucket), "history", "qa");
    assertEquals(1, unknownEnv.exit());
    assertTrue(unknownEnv.err().contains("unknown environment \"qa\""), unknownEnv.err());
  }

  @Test
  void unreachableStoreIsExitCode3() {
    List<String> store = new ArrayList<>(direct("nowhere"));
    store.set(1, "http://127.0.0.1:1");
    Cli.Run run = run(store, "status");
    assertEquals(3, run.exit());
    assertTrue(run.err().startsWith("error: object store: cannot read bundles/dev/current.json"), run.err());
  }

  @Test
  void talksToABundleServerAsTheTokensHolder() throws Exception {
    LocalTls tls = LocalTls.ensure(dir.resolve("tls"));
    LocalTokens tokens = LocalTokens.ensure(dir);
    StoreConfig store = s3.config(newBucket());
    try (BundleServer server = BundleServer.start(new BundleServer.Config(store, Environments.DEFAULT,
        keys.signingKeys(), SoakPolicy.of(Duration.ZERO), tokens.tokens(), "127.0.0.1", 0, Optional.of(tls.server())))) {
      List<String> engineer = List.of("--server", server.url(), "--ca-cert", tls.caCertificate().toString(),
          "--token-file", tokens.engineerToken().toString());
      Cli.Run published = run(engineer, "publish", "--source", source.toString());
      assertEquals(0, published.exit(), published.err());
      assertTrue(published.out().contains("by " + LocalTokens.ENGINEER), published.out());

      List<String> viewer = List.of("--server", server.url(), "--ca-cert", tls.caCertificate().toString(),
          "--token-file", tokens.viewerToken().toString());
      Cli.Run status = run(viewer, "status");
      assertEquals(0, status.exit(), status.err());
      assertTrue(status.out().lines().anyMatch(l -> l.startsWith("dev ") && l.contains(LocalTokens.ENGINEER)), status.out());
      Cli.Run refused = run(viewer, "rollback", "dev");
      assertEquals(3, refused.exit());
      assertTrue(refused.err().contains("has the viewer role"), refused.err());

      Cli.Run wrongToken = run(List.of("--server", server.url(), "--ca-cert", tls.caCertificate().toString(),
          "--token", "not-the-right-token-at-all"), "status");
      assertEquals(3, wrongToken.exit());
      assertTrue(wrongToken.err().contains("the bearer token is not valid"), wrongToken.err());
    }
  }
}
