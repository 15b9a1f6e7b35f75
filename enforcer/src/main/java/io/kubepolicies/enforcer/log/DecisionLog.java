package io.kubepolicies.enforcer.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kubepolicies.enforcer.config.ConfigException;
import io.kubepolicies.enforcer.config.DecisionLogConfig;
import io.kubepolicies.enforcer.metrics.EnforcerMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The decision log: one JSON line per admission request, serialized and written by a background
 * thread so neither the JSON nor a slow disk delays an admission answer. When the writer falls
 * behind by more than {@value #CAPACITY} lines, lines are dropped and counted rather than blocking
 * requests.
 */
public final class DecisionLog implements AutoCloseable {
  private static final int CAPACITY = 65_536;
  private static final JsonFactory JSON = new JsonFactory();

  private final OutputStream out;
  private final boolean ownsStream;
  private final EnforcerMetrics metrics;
  private final BlockingQueue<DecisionRecord> lines = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread writer;
  private volatile boolean closing;

  private DecisionLog(OutputStream out, boolean ownsStream, EnforcerMetrics metrics) {
    this.out = out;
    this.ownsStream = ownsStream;
    this.metrics = metrics;
    this.writer = out == null ? null : new Thread(this::drain, "kube-policies-decision-log");
    if (writer != null) {
      writer.setDaemon(true);
      writer.start();
    }
  }

  public static DecisionLog open(DecisionLogConfig config, EnforcerMetrics metrics) throws ConfigException {
    return switch (config.mode()) {
      case OFF -> new DecisionLog(null, false, metrics);
      case STDOUT -> new DecisionLog(System.out, false, metrics);
      case FILE -> {
        try {
          var path = config.file().orElseThrow();
          if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
          }
          yield new DecisionLog(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
              true, metrics);
        } catch (IOException e) {
          throw new ConfigException("cannot open the decision log " + config.file().orElseThrow() + ": " + e, e);
        }
      }
    };
  }

  public boolean enabled() {
    return out != null;
  }

  public void record(DecisionRecord entry) {
    if (out == null) {
      return;
    }
    if (!lines.offer(entry)) {
      metrics.decisionLogDropped();
    }
  }

  static String toJson(DecisionRecord r) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("time", r.time().toString());
      g.writeStringField("uid", r.uid());
      g.writeStringField("webhook", r.webhook());
      g.writeStringField("operation", r.operation());
      g.writeStringField("kind", r.kind());
      g.writeStringField("namespace", r.namespace());
      g.writeStringField("name", r.name());
      g.writeStringField("user", r.user());
      g.writeStringField("decision", r.decision());
      g.writeStringField("outcome", r.outcome());
      g.writeArrayFieldStart("rules");
      for (String rule : r.rules()) {
        g.writeString(rule);
      }
      g.writeEndArray();
      g.writeNumberField("latency_ms", r.latencyNanos() / 1e6);
      g.writeStringField("bundle_revision", r.bundleRevision());
      g.writeBooleanField("dry_run", r.dryRun());
      if (r.error() != null) {
        g.writeStringField("error", r.error());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return text.toString();
  }

  private void drain() {
    StringBuilder batch = new StringBuilder();
    while (!closing || !lines.isEmpty()) {
      try {
        DecisionRecord line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        batch.setLength(0);
        // Up to 64 KiB per write; a line leaves the queue only once it is in the batch.
        while (line != null) {
          batch.append(toJson(line)).append('\n');
          line = batch.length() < 1 << 16 ? lines.poll() : null;
        }
        out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        metrics.decisionLogDropped();
      }
    }
  }

  /** Writes what is queued, then stops. */
  @Override
  public void close() {
    if (writer == null) {
      return;
    }
    closing = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
      if (ownsStream) {
        out.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The process is stopping; the lines are written as far as the disk let them be.
    }
  }
}
