package io.kubepolicies.ci.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFilesTest {
  @Test
  void listsWantedFilesSortedWithoutBuildOutputOrHiddenDirectories(@TempDir Path dir) throws IOException {
    for (String file : List.of("b/z.rego", "a.rego", "a.txt", "target/gen.rego", "b/target/gen.rego", ".git/x.rego",
        "b/.cache/x.rego", ".hidden.rego")) {
      Files.createDirectories(dir.resolve(file).getParent());
      Files.writeString(dir.resolve(file), "");
    }
    List<String> found = DirectoryFiles.under(dir, name -> name.endsWith(".rego")).stream()
        .map(p -> dir.relativize(p).toString().replace('\\', '/')).toList();
    assertEquals(List.of(".hidden.rego", "a.rego", "b/z.rego"), found);
  }

  @Test
  void aRootNamedLikeSkippedDirectoriesIsStillRead(@TempDir Path dir) throws IOException {
    Path root = Files.createDirectories(dir.resolve(".config").resolve("target"));
    Files.writeString(root.resolve("p.rego"), "");
    assertEquals(List.of(root.resolve("p.rego")), DirectoryFiles.under(root, name -> true));
  }
}
