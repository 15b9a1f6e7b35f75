package io.kubepolicies.allowlists.document;

/**
 * One reason a configuration file is rejected: the file, the line (0 when unknown), where in the
 * document (null for the file as a whole) and why.
 */
public record ConfigProblem(String file, int line, TreePath path, String reason) {

  /** {@code file:line: $.path: reason}, leaving out what is unknown. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
    }
    out.append(": ");
    if (path != null) {
      out.append(path).append(": ");
    }
    return out.append(reason).toString();
  }
}
