package io.kubepolicies.enforcer.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kubepolicies.enforcer.config.DecisionLogConfig;
import io.kubepolicies.enforcer.metrics.EnforcerMetrics;
import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogTest {
  private static final DecisionRecord RECORD = new DecisionRecord(Instant.parse("2026-11-26T10:00:00Z"), "u-1",
      "validating", "CREATE", "Pod", "apps", "web", "alice", "denied", "evaluated", List.of("no_latest", "owner_label"),
      1_500_000, "rev-7", true, null);

  @TempDir
  Path dir;

  @Test
  void writesOneJsonObjectPerDecision() {
    assertEquals(Json.parse("""
        {"time": "2026-11-26T10:00:00Z", "uid": "u-1", "webhook": "validating", "operation": "CREATE", "kind": "Pod",
         "namespace": "apps", "name": "web", "user": "alice", "decision": "denied", "outcome": "evaluated",
         "rules": ["no_latest", "owner_label"], "latency_ms": 1.5, "bundle_revision": "rev-7", "dry_run": true}"""),
        Json.parse(DecisionLog.toJson(RECORD)));
  }

  @Test
  void includesTheErrorOfAFailedEvaluation() {
    DecisionRecord failed = new DecisionRecord(RECORD.time(), "u-2", "mutating", "UPDATE", "Deployment", "apps", "api",
        "bob", "allowed", "fail_open", List.of(), 0, "rev-7", false, "deadline exceeded");
    assertEquals(Json.parse("\"deadline exceeded\""), ((ObjectValue)
        Json.parse(DecisionLog.toJson(failed))).get("error"));
  }

  @Test
  void appendsLinesToAFileAndFlushesThemOnClose() throws Exception {
    Path file = dir.resolve("logs/decisions.jsonl");
    try (DecisionLog log = DecisionLog.open(new DecisionLogConfig(DecisionLogConfig.Mode.FILE, Optional.of(file)),
        new EnforcerMetrics())) {
      log.record(RECORD);
      log.record(RECORD);
    }
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    assertEquals(DecisionLog.toJson(RECORD), lines.get(0));
  }

  @Test
  void keepsEveryLineWhenTheWriterBatches() throws Exception {
    Path file = dir.resolve("decisions.jsonl");
    DecisionRecord large = new DecisionRecord(RECORD.time(), "u-3", "validating", "CREATE", "Pod", "apps", "web",
        "alice", "denied", "evaluated", List.of("r".repeat(30_000)), 0, "rev-7", false, null);
    try (DecisionLog log = DecisionLog.open(new DecisionLogConfig(DecisionLogConfig.Mode.FILE, Optional.of(file)),
        new EnforcerMetrics())) {
      for (int i = 0; i < 200; i++) {
        log.record(large);
      }
    }
    assertEquals(200, Files.readAllLines(file).size());
  }

  @Test
  void writesNothingWhenOff() throws Exception {
    try (DecisionLog log = DecisionLog.open(DecisionLogConfig.OFF, new EnforcerMetrics())) {
      assertFalse(log.enabled());
      log.record(RECORD);
    }
  }
}
