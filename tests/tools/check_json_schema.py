#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema, of the draft its $schema
names (draft 2020-12 without one: docs/links.schema.json; draft-04:
schemas/sarif-schema-2.1.0.json).
Usage: check_json_schema.py SCHEMA DOCUMENT. Exit 0 valid, 1 invalid."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
validator.check_schema(schema)
errors = list(validator(schema).iter_errors(json.load(open(sys.argv[2], encoding="utf-8"))))
for e in errors:
    print(f"{'/'.join(map(str, e.absolute_path))}: {e.message}")
sys.exit(1 if errors else 0)
