"""Validates an OSCAL JSON document the way its consumers read it (used by OSCALOutputTests).

usage: validate_oscal.py ssp|poam DOCUMENT NIST_COMPLETE_SCHEMA

1. compliance-trestle (PyPI compliance-trestle, installed by scripts/bootstrap.sh) loads it into
   trestle.oscal.ssp.SystemSecurityPlan or trestle.oscal.poam.PlanOfActionAndMilestones.
2. NIST's published OSCAL complete JSON schema (schemas/oscal/) validates it, with the `regex`
   module for the schema's Unicode property classes (\\p{L}), which Python's `re` lacks, and
   format checks on.
Prints every problem and exits 1 when there is one.
"""
import json
import pathlib
import sys

import jsonschema
import regex
from trestle.oscal.poam import PlanOfActionAndMilestones
from trestle.oscal.ssp import SystemSecurityPlan

kind, document, schema_path = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
problems = []

model = {"ssp": SystemSecurityPlan, "poam": PlanOfActionAndMilestones}[kind]
try:
    if model.oscal_read(document) is None:
        problems.append("trestle: no document read")
except Exception as error:  # trestle raises pydantic and its own errors
    problems.append(f"trestle: {error}"[:4000])

schema = json.load(open(schema_path))
# The complete schema is a oneOf over every model; keep the one for this root, so errors name
# the failing member instead of "not valid under any of the given schemas".
root = {"ssp": "system-security-plan", "poam": "plan-of-action-and-milestones"}[kind]
(alternative,) = [s for s in schema.pop("oneOf") if root in s.get("required", [])]
schema.update(alternative)


def pattern(validator, patrn, instance, schema):
    if validator.is_type(instance, "string") and not regex.search(patrn, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {patrn!r}")


Validator = jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": pattern})
validator = Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
for error in sorted(validator.iter_errors(json.load(open(document))), key=lambda e: list(e.absolute_path))[:20]:
    problems.append(f"NIST schema: {list(error.absolute_path)}: {error.message[:300]}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
