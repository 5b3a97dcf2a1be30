#!/usr/bin/env python3
"""Checks a SARIF 2.1.0 log for the fields the standard requires and that
GitHub code scanning reads; prints the problems and exits 1 on any."""
import json
import sys

problems = []


def need(cond, what):
    if not cond:
        problems.append(what)


log = json.load(open(sys.argv[1], encoding="utf-8"))
need(log.get("version") == "2.1.0", "version is not 2.1.0")
need(isinstance(log.get("$schema"), str), "no $schema")
runs = log.get("runs")
need(isinstance(runs, list) and len(runs) == 1, "runs is not a one-element array")
for run in runs or []:
    driver = run.get("tool", {}).get("driver", {})
    need(isinstance(driver.get("name"), str) and driver["name"], "tool.driver.name missing")
    rules = driver.get("rules", [])
    ids = [r.get("id") for r in rules]
    need(len(ids) == len(set(ids)), "rule ids are not unique")
    for r in rules:
        need(isinstance(r.get("id"), str), "a rule without id")
        need(isinstance(r.get("shortDescription", {}).get("text"), str), f"rule {r.get('id')}: no shortDescription.text")
        need(r.get("defaultConfiguration", {}).get("level") in ("error", "warning", "note", "none"),
             f"rule {r.get('id')}: bad defaultConfiguration.level")
    for i, res in enumerate(run.get("results", [])):
        where = f"result {i}"
        need(isinstance(res.get("message", {}).get("text"), str), f"{where}: message.text missing")
        need(res.get("ruleId") in ids, f"{where}: ruleId {res.get('ruleId')} is not a rule")
        idx = res.get("ruleIndex")
        need(isinstance(idx, int) and 0 <= idx < len(rules) and ids[idx] == res.get("ruleId"),
             f"{where}: ruleIndex does not point at ruleId")
        need(res.get("level") in ("error", "warning", "note", "none"), f"{where}: bad level")
        locs = res.get("locations", [])
        need(len(locs) == 1, f"{where}: not one location")
        for loc in locs + res.get("relatedLocations", []):
            phys = loc.get("physicalLocation", {})
            need(isinstance(phys.get("artifactLocation", {}).get("uri"), str), f"{where}: no artifactLocation.uri")
            line = phys.get("region", {}).get("startLine")
            need(isinstance(line, int) and line >= 1, f"{where}: region.startLine is not a positive integer")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
