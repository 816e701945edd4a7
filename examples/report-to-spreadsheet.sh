#!/bin/sh
# Export pumplog for a spreadsheet (LibreOffice Calc, Excel, Google Sheets, Numbers).
#
#   examples/report-to-spreadsheet.sh [FOLDER] [SINCE]
#
# writes three CSV files to FOLDER (default: the current folder), covering the
# days from SINCE (default: -30d, the last 31 days with today) to today:
#   pumplog-daily.csv     one row per day (SPEC 6 columns: date,pump_sessions,pumped_ml,...)
#   pumplog-weekly.csv    one row per ISO week
#   pumplog-entries.csv   every entry in effect (ref,id,type,at,ml,...)
# Open them, or import them as "comma separated, UTF-8, first row is a header".
# Volumes are plain numbers in ml (PUMPLOG_UNIT=oz for ounces, column names then end in _oz).
# From cron, every Sunday evening:
#   0 20 * * 0  $HOME/bin/report-to-spreadsheet.sh $HOME/Documents/pumping -28d
set -eu

pumplog=${PUMPLOG:-pumplog}
folder=${1:-.}
since=${2:--30d}
unit=${PUMPLOG_UNIT:-ml}

mkdir -p "$folder"
"$pumplog" --unit "$unit" report --since="$since" --format csv > "$folder/pumplog-daily.csv"
"$pumplog" --unit "$unit" report --since="$since" --by week --format csv > "$folder/pumplog-weekly.csv"
"$pumplog" --unit "$unit" log --since="$since" --format csv > "$folder/pumplog-entries.csv"
echo "wrote $folder/pumplog-daily.csv, $folder/pumplog-weekly.csv and $folder/pumplog-entries.csv"
