package io.kubepolicies.ci.release;

import io.kubepolicies.server.client.ApiClientException;
import io.kubepolicies.server.release.ReleaseException;
import io.kubepolicies.server.release.ReleaseException.Reason;
import io.kubepolicies.server.release.ReleaseOperations;
import io.kubepolicies.server.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the release commands share: the target, the output format, and exit codes:
 * 0 done; 1 refused (gate failed, conflict, soak time, nothing to do, not found);
 * 2 invalid input or options; 3 the server or store could not be reached or refused the credentials.
 */
abstract class ReleaseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  TargetOptions target;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  abstract void run(ReleaseOperations operations, ReleaseOutput out) throws IOException;

  /** Whether the command publishes (publish, promote, rollback) rather than only reads. */
  abstract boolean writes();

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try (TargetOptions.Session session = target.open(writes())) {
      run(session.operations(), new ReleaseOutput(spec.commandLine().getOut(), format));
      return 0;
    } catch (ReleaseException e) {
      err.println("error: " + e.getMessage());
      return e.reason() == Reason.INVALID ? 2 : 1;
    } catch (ApiClientException | StoreException e) {
      err.println("error: " + e.getMessage());
      return 3;
    } catch (IOException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("error: unexpected " + e);
      return 3;
    } finally {
      err.flush();
    }
  }
}
