# METADATA
# title: Server mode
# description: >-
#   How the OPA server running this bundle was started: as a service (the default; parameter
#   overrides are refused) or in analyst mode (`--set labels.mode=analyst`, chosen when the server
#   starts; overrides allowed, and every answer that uses one is hypothetical). The mode is read from
#   the server's own configuration, which no request and no query can replace: the only doors are the
#   entrypoints (system.authz), and data writes are refused.
package socialaid.mode

# The server's configuration; absent when the policy is evaluated outside a server (opa test, opa eval).
_config := opa.runtime().config

# METADATA
# title: Analyst mode
# description: The server was started in analyst mode.
default analyst := false

analyst if _config.labels.mode == "analyst"

# METADATA
# title: Parameter overrides allowed
# description: >-
#   Overrides are allowed in analyst mode, and when the policy is evaluated outside any server
#   (opa test, opa eval: nobody else can ask). A server in service mode refuses them.
default overrides_allowed := false

overrides_allowed if analyst

overrides_allowed if not _served

_served if _config
