package io.kubepolicies.server.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The source revision a bundle is built from: the repository's git commit, or {@code local} outside git. */
public final class SourceRevision {
  public static final String LOCAL = "local";

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
  private static final long GIT_TIMEOUT_SECONDS = 10;

  private SourceRevision() {}

  public static String of(Path repositoryRoot) {
    try {
      Process git = new ProcessBuilder("git", "-C", repositoryRoot.toString(), "rev-parse", "--verify", "-q", "HEAD")
          .redirectErrorStream(true)
          .start();
      git.getOutputStream().close();
      String out;
      try (InputStream in = git.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!git.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return LOCAL;
      }
      return git.exitValue() == 0 && COMMIT.matcher(out).matches() ? out : LOCAL;
    } catch (IOException e) {
      return LOCAL;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return LOCAL;
    }
  }
}
