"""Print the Rego coverage that `opa test --coverage --format json` wrote, per file and overall."""

import json
import sys

with open(sys.argv[1], encoding="utf-8") as handle:
    report = json.load(handle)
for name, info in sorted(report.get("files", {}).items()):
    print(f"  {info.get('coverage', 0):6.1f}%  {name}")
print(f"Rego coverage: {report.get('coverage', 0):.1f}%")
