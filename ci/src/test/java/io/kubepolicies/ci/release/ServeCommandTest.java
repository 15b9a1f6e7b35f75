package io.kubepolicies.ci.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.ci.support.Cli;
import io.kubepolicies.ci.support.Processes;
import io.kubepolicies.server.local.EmbeddedS3;
import io.kubepolicies.server.local.LocalKeys;
import io.kubepolicies.server.local.LocalTls;
import io.kubepolicies.server.local.LocalTokens;
import io.kubepolicies.server.release.Environments;
import io.kubepolicies.server.store.S3ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kube-policies bundle-server}: option checks, and a real server process answering the CLI until SIGTERM. */
class ServeCommandTest {
  @TempDir
  Path dir;

  @Test
  void servesTheApiUntilSigterm() throws Exception {
    try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3"), "127.0.0.1", 0, "serve-id", "serve-secret")) {
      try (S3ObjectStore objects = S3ObjectStore.open(s3.config("served"))) {
        objects.ensureBucket();
      }
      LocalTls tls = LocalTls.ensure(dir.resolve("tls"));
      LocalTokens tokens = LocalTokens.ensure(dir);
      LocalKeys keys = LocalKeys.ensure(dir.resolve("keys"), Environments.DEFAULT.order());
      Path secret = Files.writeString(dir.resolve("secret"), "serve-secret");
      Processes.Running server = Processes.start("bundle-server", "--store-endpoint", s3.endpoint().toString(),
          "--bucket", "served", "--access-key-id", "serve-id", "--secret-access-key-file", secret.toString(),
          "--tokens", tokens.tokenFile().toString(), "--port", "0",
          "--signing-key", "dev:" + LocalKeys.keyId("dev") + "=" + keys.privateKey("dev"),
          "--tls-cert", tls.server().certificateChain().toString(), "--tls-key", tls.server().privateKey().toString());
      try {
        String listening = server.awaitLine("bundle-server listening on ");
        String url = listening.substring(listening.indexOf("https://"));
        Cli.Run status = Cli.run("status", "dev", "--server", url, "--ca-cert", tls.caCertificate().toString(),
            "--token-file", tokens.viewerToken().toString());
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("(nothing published)"), status.out());
      } finally {
        assertEquals(143, server.terminate(), "stopped by SIGTERM through the shutdown hook");
      }
    }
  }

  @Test
  void tokensInClearTextOffLoopbackAreRefused() throws Exception {
    Path tokens = LocalTokens.ensure(dir).tokenFile();
    Cli.Run run = Cli.run("bundle-server", "--store-endpoint", "http://127.0.0.1:1", "--tokens", tokens.toString(),
        "--host", "0.0.0.0");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("refusing to send bearer tokens in clear text"), run.err());
  }

  @Test
  void certificateAndKeyComeTogether() throws Exception {
    Path tokens = LocalTokens.ensure(dir).tokenFile();
    Cli.Run run = Cli.run("bundle-server", "--store-endpoint", "http://127.0.0.1:1", "--tokens", tokens.toString(),
        "--tls-cert", dir.resolve("cert.pem").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("give both --tls-cert and --tls-key"), run.err());
  }

  @Test
  void storeEndpointIsRequired() throws Exception {
    Path tokens = LocalTokens.ensure(dir).tokenFile();
    Cli.Run run = Cli.run("bundle-server", "--tokens", tokens.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("--store-endpoint is required"), run.err());
  }
}
