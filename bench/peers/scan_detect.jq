# Benchmark peer: the EKS cluster scan detection in jq over bare audit events, one a line.
# Run with `jq -n -r -f scan_detect.jq FILE`. Prints one tab-separated row per
# (src_ip, user.username, user.groups{}): count, first and last time, sorted by the keys.
# Missing, null and empty values are "no value", and the two string tests ignore ASCII case.
def value: if . == null or . == "" then empty else . end;
reduce (inputs
        | select((.user.username | type) == "string"
                 and (.user.username | ascii_downcase) == "system:anonymous"
                 and (.userAgent | type) == "string" and .userAgent != ""
                 and (.userAgent | ascii_downcase) != "aws security scanner")
        | (.requestReceivedTimestamp // .stageTimestamp) as $time
        | .user.username as $user
        | (.user.groups // [])[] as $group | select($group | value)
        | (.sourceIPs // [])[] as $ip | select($ip | value)
        | {key: [$ip, $user, $group] | join("\t"), time: $time})
  as $hit ({};
    .[$hit.key] |= if . == null then {count: 1, first: $hit.time, last: $hit.time}
                   else {count: (.count + 1),
                         first: ([.first, $hit.time] | min),
                         last: ([.last, $hit.time] | max)} end)
| to_entries | sort_by(.key)[]
| "\(.key)\t\(.value.count)\t\(.value.first)\t\(.value.last)"
