# Turns the edits of mutation controls into RFC 6902 operations on the object under review.
#
# An edit asks for one field (one or two keys deep, e.g. ["readOnlyRootFilesystem"] or
# ["capabilities", "drop"]) of one securityContext to be set to a value, or, without a value,
# removed. Edits are grouped by securityContext so that edits from several controls combine:
# a missing (or null) securityContext becomes one "add" of the whole object, a missing nested
# object one "add" of that object, and every other field its own operation. No two operations
# ever share a path, and parents always exist before a child is added, so the operations apply
# in any order.
package kube_policies.lib.patches

import data.kube_policies.lib.workload

# Sets field of a container's (a workload.containers element) securityContext to value.
container_edit(policy, container, field, value) := {
	"policy": policy,
	"container": container.name,
	"path": concat("", [container.path, "/securityContext"]),
	"current": object.get(container.container, "securityContext", null),
	"field": field,
	"value": value,
}

# Removes field from the pod's securityContext.
pod_removal(policy, field) := {
	"policy": policy,
	"container": "",
	"path": concat("", [workload.spec_pointer, "/securityContext"]),
	"current": object.get(workload.pod_spec, "securityContext", null),
	"field": field,
}

# The operations for a set of edits, each carrying the "policy" (comma-separated ids when edits
# of several controls combine) and the "container" ("" for the pod) it was made for.
ops(edits) := {op |
	some path in {edit.path | some edit in edits}
	group := {edit | some edit in edits; edit.path == path}
	some op in context_ops(path, group)
}

context_ops(path, edits) := {origin({"op": "add", "path": path, "value": merged(edits)}, edits)} if {
	not is_object(current_of(edits))
} else := {op |
	some key in {edit.field[0] | some edit in edits}
	some op in key_ops(path, current_of(edits), key, {edit | some edit in edits; edit.field[0] == key})
}

key_ops(path, context, key, edits) := {field_op(concat("/", [path, key]), edit) | some edit in edits} if {
	some edit in edits
	count(edit.field) == 1
} else := {origin({"op": "add", "path": concat("/", [path, key]), "value": nested(edits)}, edits)} if {
	not is_object(object.get(context, key, null))
} else := {field_op(concat("/", [path, key, edit.field[1]]), edit) | some edit in edits}

field_op(path, edit) := origin({"op": "add", "path": path, "value": edit.value}, {edit}) if {
	has_value(edit)
} else := origin({"op": "remove", "path": path}, {edit})

current_of(edits) := edit.current if some edit in edits

merged(edits) := {key: value_of({edit | some edit in edits; edit.field[0] == key}) |
	some key in {edit.field[0] | some edit in edits}
}

value_of(edits) := edit.value if {
	some edit in edits
	count(edit.field) == 1
	has_value(edit)
} else := nested(edits)

nested(edits) := {edit.field[1]: edit.value | some edit in edits; has_value(edit)}

has_value(edit) if _ = edit.value

origin(op, edits) := object.union(op, {
	"policy": concat(",", {edit.policy | some edit in edits}),
	"container": edit.container,
}) if some edit in edits
