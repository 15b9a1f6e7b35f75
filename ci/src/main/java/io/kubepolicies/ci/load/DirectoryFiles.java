package io.kubepolicies.ci.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files a directory named on the command line stands for: its regular files whose name is
 * wanted, sorted (so results do not depend on the file system), leaving out build output
 * ({@code target/}) and hidden directories below it.
 */
public final class DirectoryFiles {
  private DirectoryFiles() {}

  public static List<Path> under(Path directory, Predicate<String> wantedName) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> wantedName.test(file.getFileName().toString()) && !skipped(directory.relativize(file)))
          .sorted()
          .toList();
    }
  }

  private static boolean skipped(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String name = relative.getName(i).toString();
      if (name.equals("target") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
