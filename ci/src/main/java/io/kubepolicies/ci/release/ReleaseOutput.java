package io.kubepolicies.ci.release;

import io.kubepolicies.server.api.Bodies;
import io.kubepolicies.server.gate.GateCheck;
import io.kubepolicies.server.release.EnvironmentStatus;
import io.kubepolicies.server.store.HistoryRecord;
import io.kubepolicies.server.store.Ref;
import io.kubepolicies.server.store.StoreJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** Prints records and statuses as text for people or JSON (the API's form) for scripts. */
final class ReleaseOutput {
  private final PrintWriter out;
  private final OutputFormat format;
  private final StoreJson json = new StoreJson();

  ReleaseOutput(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  void record(HistoryRecord record) {
    if (format == OutputFormat.json) {
      printJson(record);
      return;
    }
    out.printf("%s %s#%d: revision %s, by %s at %s%n", past(record), record.environment(), record.sequence(),
        record.revision(), record.actor(), seconds(record.at()));
    if (record.from() != null) {
      out.println("  from:     " + describe(record.from()));
    }
    out.println("  replaced: " + (record.replaced() == null ? "nothing (first publication)" : describe(record.replaced())));
    out.println("  bundle:   " + record.key() + " sha256 " + record.sha256() + ", key " + record.keyId());
    out.println("  gate:     " + record.gate().checks().stream()
        .map(c -> c.name() + ": " + c.summary()).collect(Collectors.joining("; ")));
    out.flush();
  }

  void statuses(List<EnvironmentStatus> statuses) {
    if (format == OutputFormat.json) {
      printJson(new Bodies.StatusList(statuses));
      return;
    }
    out.printf("%-12s %-9s %-21s %-32s %s%n", "ENVIRONMENT", "SEQUENCE", "SINCE", "BY", "REVISION");
    for (EnvironmentStatus status : statuses) {
      if (status.current() == null) {
        out.printf("%-12s %-9s %-21s %-32s %s%s%n", status.environment(), "-", "-", "-", "(nothing published)",
            pending(status));
        continue;
      }
      String by = status.record() == null ? "?" : status.record().actor() + " (" + status.record().operation().jsonName() + ")";
      out.printf("%-12s %-9d %-21s %-32s %s%s%n", status.environment(), status.current().sequence(),
          seconds(status.current().publishedAt()), by, status.current().revision(), pending(status));
    }
    out.flush();
  }

  void history(String environment, List<HistoryRecord> records) {
    if (format == OutputFormat.json) {
      printJson(new Bodies.History(environment, records));
      return;
    }
    if (records.isEmpty()) {
      out.println(environment + ": no publications yet");
    }
    for (HistoryRecord r : records) {
      out.printf("#%-5d %-21s %-8s by %-24s revision %s%s%s%n", r.sequence(), seconds(r.at()), r.operation().jsonName(),
          r.actor(), r.revision(), r.from() == null ? "" : ", from " + r.from().environment() + "#" + r.from().sequence(),
          gateNote(r.gate().checks()));
    }
    out.flush();
  }

  private static String seconds(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String gateNote(List<GateCheck> checks) {
    return checks.stream().allMatch(GateCheck::passed) ? "" : " (gate failed)";
  }

  private static String pending(EnvironmentStatus status) {
    return status.pendingSequence() == null ? ""
        : "  [sequence " + status.pendingSequence() + " is being published or was interrupted]";
  }

  private static String past(HistoryRecord record) {
    return switch (record.operation()) {
      case PUBLISH -> "published";
      case PROMOTE -> "promoted";
      case ROLLBACK -> "rolled back";
    };
  }

  private static String describe(Ref ref) {
    return ref.environment() + "#" + ref.sequence() + " (revision " + ref.revision() + ")";
  }

  private void printJson(Object value) {
    out.println(new String(json.write(value), StandardCharsets.UTF_8));
    out.flush();
  }
}
