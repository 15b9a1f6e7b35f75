package io.kubepolicies.ci.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The CLI as a separate process, for commands that run until SIGTERM. */
public final class Processes {
  private Processes() {}

  /** A running CLI process and everything it printed (stdout and stderr together) so far. */
  public record Running(Process process, BlockingQueue<String> lines, StringBuilder seen) {
    /** Waits up to three minutes for a line containing {@code wanted}; returns that line. */
    public String awaitLine(String wanted) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(1, TimeUnit.SECONDS);
        if (line != null) {
          seen.append(line).append('\n');
          if (line.contains(wanted)) {
            return line;
          }
        } else if (!process.isAlive()) {
          break;
        }
      }
      throw new AssertionError("the process never printed \"" + wanted + "\"; it printed:\n" + seen);
    }

    /** SIGTERM through the process handle ({@link Process#destroy} would also close the output still read); its exit code. */
    public int terminate() throws InterruptedException {
      process.toHandle().destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the process did not stop on SIGTERM; it printed:\n" + seen);
      }
      return process.exitValue();
    }
  }

  /** Starts {@code kube-policies ARGS...} with the test class path. */
  public static Running start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "io.kubepolicies.ci.Main"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output closed: " + e.getMessage() + ")");
      }
    }, "cli-output");
    reader.setDaemon(true);
    reader.start();
    return new Running(process, lines, new StringBuilder());
  }
}
