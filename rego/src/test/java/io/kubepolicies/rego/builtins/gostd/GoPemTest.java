package io.kubepolicies.rego.builtins.gostd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GoPemTest {
  private static String rest(GoPem.Decoded d) {
    return new String(d.rest(), StandardCharsets.UTF_8);
  }

  @Test
  void decodesOneBlockAndReturnsTheRest() {
    GoPem.Decoded d = GoPem.decode("-----BEGIN THING-----\naGk=\n-----END THING-----\nnext");
    assertEquals("THING", d.block().type());
    assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), d.block().bytes());
    assertEquals("next", rest(d));
  }

  @Test
  void aTrailingNewlineIsConsumedButNotTwo() {
    assertEquals("", rest(GoPem.decode("-----BEGIN A-----\naGk=\n-----END A-----\n")));
    assertEquals("\n", rest(GoPem.decode("-----BEGIN A-----\naGk=\n-----END A-----\n\n")));
  }

  @Test
  void findsBlocksAfterLeadingText() {
    GoPem.Decoded d = GoPem.decode("junk\n-----BEGIN A-----\naG k=\r\n-----END A-----");
    assertEquals("A", d.block().type());
    assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), d.block().bytes());
  }

  @Test
  void readsHeaders() {
    GoPem.Decoded d = GoPem.decode("-----BEGIN A-----\nProc-Type: 4,ENCRYPTED\n\naGk=\n-----END A-----\n");
    assertEquals("4,ENCRYPTED", d.block().headers().get("Proc-Type"));
  }

  @Test
  void skipsMalformedCandidates() {
    assertNull(GoPem.decode("-----BEGIN A-----\naGk=\n-----END B-----\n").block());
    assertNull(GoPem.decode("-----BEGIN A-----\n!!!!\n-----END A-----\n").block());
    assertNull(GoPem.decode("no pem here").block());
    assertNull(GoPem.decode("-----BEGIN A-----\naGk=\n-----END A----- trailing\n").block());
    GoPem.Decoded second = GoPem.decode("-----BEGIN A-----\n!!\n-----END A-----\n-----BEGIN B-----\naGk=\n-----END B-----\n");
    assertEquals("B", second.block().type());
  }

  @Test
  void emptyBlock() {
    GoPem.Decoded d = GoPem.decode("-----BEGIN A-----\n-----END A-----\n");
    assertEquals(0, d.block().bytes().length);
  }
}
