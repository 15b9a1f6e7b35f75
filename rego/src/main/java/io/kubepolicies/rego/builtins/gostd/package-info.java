/**
 * Go standard-library behaviour that OPA's built-ins pass through to policies, one copy each:
 * {@code encoding/base64}, {@code encoding/hex}, {@code encoding/json}, {@code encoding/pem},
 * {@code net/url}, {@code net/netip} and {@code strconv.FormatFloat}, with Go's results and error
 * texts. ({@code strconv.Quote} is {@link io.kubepolicies.rego.value.GoQuote}, as Rego's own text
 * form needs it; Go's {@code time}, {@code fmt}, {@code text/template} and {@code regexp} have packages
 * of their own.)
 */
package io.kubepolicies.rego.builtins.gostd;
