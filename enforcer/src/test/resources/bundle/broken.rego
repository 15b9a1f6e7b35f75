package validating

deny contains {"policy": "broken", "message": msg} if {
	msg := no_such_function(input.request.name)
}
