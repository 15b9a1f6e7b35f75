package io.kubepolicies.server.api;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Optional;

/** What a token may do: release engineers publish, promote and roll back; viewers only read. */
public enum Role implements RouteRole {
  VIEWER("viewer"),
  RELEASE_ENGINEER("release-engineer");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** Release engineers may read too. */
  public boolean allows(Role required) {
    return this == RELEASE_ENGINEER || required == VIEWER;
  }

  public static Optional<Role> of(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
