#!/usr/bin/env python3
"""Benchmark peer: the EKS cluster scan detection in plain Python (standard library).

Reads bare audit events, one JSON object a line, and prints one tab-separated row per
(src_ip, user.username, user.groups{}): count, first and last time, sorted by the keys.
Missing, null and empty values are "no value", and the two string tests ignore ASCII case.
"""
import json
import sys

ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def ascii_lower(text):
    return text.translate(ASCII_LOWER)


def values(field):
    """Return the scalar values of a JSON field as Splunk's extraction gives them."""
    if field is None or field == "":
        return []
    if isinstance(field, list):
        return [v for v in field if v is not None and v != "" and not isinstance(v, (list, dict))]
    return [field]


def main():
    rows = {}
    with open(sys.argv[1], encoding="utf-8") as lines:
        for line in lines:
            event = json.loads(line)
            user = event.get("user") or {}
            username = user.get("username")
            agent = event.get("userAgent")
            if not isinstance(username, str) or ascii_lower(username) != "system:anonymous":
                continue
            if not isinstance(agent, str) or agent == "" or ascii_lower(agent) == "aws security scanner":
                continue
            time = event.get("requestReceivedTimestamp") or event.get("stageTimestamp")
            for ip in values(event.get("sourceIPs")):
                for group in values(user.get("groups")):
                    key = (ip, username, group)
                    row = rows.get(key)
                    if row is None:
                        rows[key] = [1, time, time]
                    else:
                        row[0] += 1
                        row[1] = min(row[1], time)
                        row[2] = max(row[2], time)
    out = sys.stdout
    for key in sorted(rows):
        count, first, last = rows[key]
        out.write("%s\t%s\t%s\t%d\t%s\t%s\n" % (*key, count, first, last))


if __name__ == "__main__":
    main()
