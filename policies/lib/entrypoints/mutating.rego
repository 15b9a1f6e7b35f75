# Mutating entrypoint: the edits of every mutation control whose stage
# (data.kube_policies.config.stages[id].mutating: off | dryrun | patch; missing means off) names a
# set, minus those an active exception covers, combined into RFC 6902 operations per set. Edits of
# several controls to one container combine into one operation (its "policy" then lists their ids,
# comma-separated), so no two operations in a set share a path.
package mutating

import data.kube_policies.lib.exceptions
import data.kube_policies.lib.patches

patch contains op if some op in operations("patch")

dryrun contains op if some op in operations("dryrun")

operations(mode) := {object.remove(op, ["container"]) | some op in patches.ops(edits(mode))}

edits(mode) := {edit |
	some id, stage in data.kube_policies.config.stages
	stage.mutating == mode
	some edit in data.kube_policies.mutations[id].edits
	not exceptions.exempt(id, edit.container)
}
