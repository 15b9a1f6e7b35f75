package io.kubepolicies.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void hexIsTheStandardDigestInLowercase() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(new byte[0]));
  }

  @Test
  void filesHashAlikeOnlyWithTheSamePathsAndContent() {
    String hash = Sha256.ofFiles(files(Map.of("a", "bc", "d", "e")));
    assertEquals(hash, Sha256.ofFiles(files(Map.of("d", "e", "a", "bc"))));
    assertNotEquals(hash, Sha256.ofFiles(files(Map.of("a", "b", "d", "ce"))), "bytes moved to the neighbour");
    assertNotEquals(hash, Sha256.ofFiles(files(Map.of("ab", "c", "d", "e"))), "bytes moved into the path");
    assertNotEquals(hash, Sha256.ofFiles(files(Map.of("a", "bc", "e", "e"))), "a renamed file");
  }

  @Test
  void noFilesHaveTheDigestOfNothing() {
    assertEquals(Sha256.hex(new byte[0]), Sha256.ofFiles(new TreeMap<>()));
  }

  private static TreeMap<String, byte[]> files(Map<String, String> texts) {
    TreeMap<String, byte[]> files = new TreeMap<>();
    texts.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return files;
  }
}
