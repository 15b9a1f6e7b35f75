package io.kubepolicies.signing.signature;

import io.kubepolicies.signing.bundle.Bundle;
import io.kubepolicies.signing.jws.JwsAlgorithm;

/** A bundle whose signature and every file checked out, with the claims it was signed with. */
public record VerifiedBundle(Bundle bundle, SignatureClaims claims, String keyId, JwsAlgorithm algorithm) {}
