package io.kubepolicies.enforcer.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
  private final PollSchedule schedule = new PollSchedule(Duration.ofSeconds(10), 0.2, Duration.ofSeconds(60));

  @Test
  void waitsOneIntervalWhileHealthy() {
    assertEquals(Duration.ofSeconds(10), schedule.delayAfter(0, 0));
  }

  @Test
  void jitterOnlyShortensTheWait() {
    assertEquals(Duration.ofSeconds(9), schedule.delayAfter(0, 0.5));
    assertEquals(Duration.ofMillis(8002), schedule.delayAfter(0, 0.999));
  }

  @Test
  void backsOffExponentiallyUpToTheMaximum() {
    assertEquals(Duration.ofSeconds(10), schedule.delayAfter(1, 0));
    assertEquals(Duration.ofSeconds(20), schedule.delayAfter(2, 0));
    assertEquals(Duration.ofSeconds(40), schedule.delayAfter(3, 0));
    assertEquals(Duration.ofSeconds(60), schedule.delayAfter(4, 0));
    assertEquals(Duration.ofSeconds(60), schedule.delayAfter(1_000, 0));
    assertEquals(Duration.ofSeconds(48), schedule.delayAfter(1_000, 1.0));
  }

  @Test
  void aMaximumBelowTheIntervalNeverShortensTheInterval() {
    PollSchedule odd = new PollSchedule(Duration.ofSeconds(10), 0, Duration.ofSeconds(1));
    assertEquals(Duration.ofSeconds(10), odd.delayAfter(5, 0));
  }
}
