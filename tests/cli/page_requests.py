#!/usr/bin/env python3
"""Lists the requests a page made, from a Chromium net log (--log-net-log):
one URL a line. The browser's own background requests (updates, accounts;
initiator "not an origin") and the page's own file:, data: and about: URLs
are left out, so an empty output means the page asked for nothing."""
import json
import sys

log = json.load(open(sys.argv[1]))
types = {number: name for name, number in log["constants"]["logEventTypes"].items()}
for event in log["events"]:
    if types.get(event["type"]) != "URL_REQUEST_START_JOB":
        continue
    params = event.get("params", {})
    url = params.get("url")
    if not url or params.get("initiator") == "not an origin":
        continue
    if url.startswith(("file:", "data:", "about:", "chrome:")):
        continue
    print(url)
