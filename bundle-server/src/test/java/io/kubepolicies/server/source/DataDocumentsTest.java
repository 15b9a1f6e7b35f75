package io.kubepolicies.server.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubepolicies.rego.value.Json;
import io.kubepolicies.rego.value.ObjectValue;
import io.kubepolicies.rego.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DataDocumentsTest {
  @Test
  void readsJsonOrYamlByTheNamesExtension() throws IOException {
    assertEquals(Json.parse("{\"a\": [1, \"x\"]}"), read("d.json", "{\"a\": [1, \"x\"]}"));
    assertEquals(Json.parse("{\"a\": {\"b\": true}}"), read("d.yaml", "a:\n  b: true\n"));
    assertEquals(Json.parse("{\"a\": 1}"), read("d.yml", "a: 1\n"));
  }

  @Test
  void malformedDocumentsNameTheirFile() {
    IOException json = assertThrows(IOException.class, () -> read("x/d.json", "{\"a\": "));
    assertTrue(json.getMessage().startsWith("x/d.json: invalid JSON: "), json.getMessage());
    IOException yaml = assertThrows(IOException.class, () -> read("x/d.yaml", "a: [unclosed\n"));
    assertTrue(yaml.getMessage().startsWith("x/d.yaml: not valid YAML: "), yaml.getMessage());
  }

  @Test
  void objectsMergeMemberByMemberAndOtherValuesReplace() throws IOException {
    ObjectValue root = DataDocuments.merge(ObjectValue.EMPTY, read("a.json", "{\"x\": {\"p\": 1, \"q\": [1]}, \"y\": 1}"),
        "a.json");
    ObjectValue merged = DataDocuments.merge(root, read("b.yaml", "x: {q: [2], r: 3}\ny: {z: 1}\n"), "b.yaml");
    assertEquals(Json.parse("{\"x\": {\"p\": 1, \"q\": [2], \"r\": 3}, \"y\": {\"z\": 1}}"), merged);
  }

  @Test
  void aDocumentThatIsNoObjectIsRefused() throws IOException {
    for (String text : new String[] {"[1, 2]", "3", ""}) {
      Value document = read("d.yaml", text);
      IOException e = assertThrows(IOException.class, () -> DataDocuments.merge(ObjectValue.EMPTY, document, "d.yaml"));
      assertEquals("d.yaml: a data file must hold an object", e.getMessage());
    }
  }

  private static Value read(String name, String text) throws IOException {
    return DataDocuments.read(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
