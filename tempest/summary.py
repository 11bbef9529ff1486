"""Summarises a tempest run's subunit stream: failures by name, skips grouped by reason, then the totals.

Usage: /usr/bin/python3 summary.py results.subunit [LEFT_OUT]   (Debian's python3-subunit, a dependency of tempest);
LEFT_OUT is how many tests known-failures.txt kept out of the run.
Exits 1 when a test failed or none ran, so a caller can rely on it as well as on tempest's own exit code.
"""
import collections
import re
import sys

import subunit
import testtools


def read(path):
    results = {}

    def on_test(test):
        if test["id"].startswith("setUpClass (") or test["id"].startswith("tearDownClass ("):
            # A class fixture that failed: tempest reports it as a test of its own.
            name = test["id"]
        else:
            name = re.sub(r"\[.*\]$", "", test["id"])
        reason = ""
        if test["status"] == "skip" and "reason" in test["details"]:
            reason = test["details"]["reason"].as_text().strip()
        results[name] = (test["status"], reason)

    with open(path, "rb") as stream:
        case = subunit.ByteStreamToStreamResult(stream, non_subunit_name="stdout")
        result = testtools.StreamToDict(on_test)
        result.startTestRun()
        try:
            case.run(result)
        finally:
            result.stopTestRun()
    return results


def main(path, left_out=None):
    results = read(path)
    by_status = collections.defaultdict(list)
    for name, (status, reason) in sorted(results.items()):
        by_status[status].append((name, reason))
    failed = by_status["fail"] + by_status.get("uxsuccess", [])
    if failed:
        print("Failed:")
        for name, _ in failed:
            print("  " + name)
        print()
    skips = collections.Counter(reason for _, reason in by_status["skip"])
    if skips:
        print("Skipped, by reason:")
        for reason, count in skips.most_common():
            print("  %4d  %s" % (count, reason or "(no reason given)"))
        print()
    passed = len(by_status["success"]) + len(by_status.get("xfail", []))
    if left_out is not None:
        print("Left out as known failures (known-failures.txt): %s tests" % left_out)
    print("tempest.api.compute: %d passed, %d failed, %d skipped" % (passed, len(failed), len(by_status["skip"])))
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
