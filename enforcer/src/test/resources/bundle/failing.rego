package validating

# Compiles, but fails on every Pod (a conflict between two values of one complete rule).
deny := {"a"} if input.request.kind.kind == "Pod"

deny := {"b"} if input.request.kind.kind == "Pod"
