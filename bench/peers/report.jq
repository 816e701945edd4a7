# One TSV row per journal line: the fields `report --by day` needs (see report.awk).
[.type, .id, .at, (.target // ""), (.ml // ""), (.left_ml // ""), (.right_ml // ""), (.dur_s // ""),
 (.left_s // ""), (.right_s // ""), (.method // ""),
 (.set.at // ""), (.set.ml // ""), (.set.left_ml // ""), (.set.right_ml // ""), (.set.dur_s // ""),
 (.set.left_s // ""), (.set.right_s // "")] | @tsv
