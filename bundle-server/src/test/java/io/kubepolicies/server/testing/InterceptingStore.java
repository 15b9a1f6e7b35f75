package io.kubepolicies.server.testing;

import io.kubepolicies.server.store.ObjectStore;
import io.kubepolicies.server.store.StoredObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** An {@link ObjectStore} that runs a hook (which may block or throw) before each conditional create. */
public final class InterceptingStore implements ObjectStore {
  private final ObjectStore delegate;
  private final Consumer<String> beforeCreate;

  public InterceptingStore(ObjectStore delegate, Consumer<String> beforeCreate) {
    this.delegate = delegate;
    this.beforeCreate = beforeCreate;
  }

  @Override
  public Optional<StoredObject> get(String key) {
    return delegate.get(key);
  }

  @Override
  public Optional<String> create(String key, byte[] content, String contentType) {
    beforeCreate.accept(key);
    return delegate.create(key, content, contentType);
  }

  @Override
  public Optional<String> replace(String key, byte[] content, String contentType, String etag) {
    return delegate.replace(key, content, contentType, etag);
  }

  @Override
  public List<String> list(String prefix) {
    return delegate.list(prefix);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
