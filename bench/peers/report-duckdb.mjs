// `pumplog report --by day --format csv` in DuckDB SQL over the journal file:
// node bench/peers/report-duckdb.mjs JOURNAL > report.csv
// read_json with explicit columns: `at` is an SQL keyword, and read_json_auto
// would turn it into a UTC timestamp (the day is the date written in `at`).
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2].replaceAll("'", "''");
const sql = `
WITH j AS (
  SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = {
    id: 'VARCHAR', type: 'VARCHAR', "at": 'VARCHAR', target: 'VARCHAR', ml: 'DOUBLE',
    left_ml: 'DOUBLE', right_ml: 'DOUBLE', dur_s: 'BIGINT', left_s: 'BIGINT', right_s: 'BIGINT',
    method: 'VARCHAR',
    "set": 'STRUCT("at" VARCHAR, ml DOUBLE, left_ml DOUBLE, right_ml DOUBLE, dur_s BIGINT, left_s BIGINT, right_s BIGINT)'})
),
voids AS (  -- voids in effect (a void of a void cancels it)
  SELECT DISTINCT target FROM j WHERE type = 'void' AND id NOT IN (SELECT target FROM j WHERE type = 'void')
),
amends AS (  -- per target and field, the newest amendment (ULIDs sort by creation)
  SELECT target,
    arg_max("set"."at", id) FILTER (WHERE "set"."at" IS NOT NULL) AS "at",
    arg_max("set".ml, id) FILTER (WHERE "set".ml IS NOT NULL) AS ml,
    arg_max("set".left_ml, id) FILTER (WHERE "set".left_ml IS NOT NULL) AS left_ml,
    arg_max("set".right_ml, id) FILTER (WHERE "set".right_ml IS NOT NULL) AS right_ml,
    arg_max("set".dur_s, id) FILTER (WHERE "set".dur_s IS NOT NULL) AS dur_s,
    arg_max("set".left_s, id) FILTER (WHERE "set".left_s IS NOT NULL) AS left_s,
    arg_max("set".right_s, id) FILTER (WHERE "set".right_s IS NOT NULL) AS right_s
  FROM j WHERE type = 'amend' AND id NOT IN (SELECT target FROM voids) GROUP BY target
),
e AS (  -- the entries in effect
  SELECT j.id, j.type, j.target, j.method,
    coalesce(a."at", j."at") AS "at", coalesce(a.ml, j.ml) AS ml,
    coalesce(a.left_ml, j.left_ml) AS left_ml, coalesce(a.right_ml, j.right_ml) AS right_ml,
    coalesce(a.dur_s, j.dur_s) AS dur_s, coalesce(a.left_s, j.left_s) AS left_s,
    coalesce(a.right_s, j.right_s) AS right_s
  FROM j LEFT JOIN amends a ON a.target = j.id
  WHERE j.type NOT IN ('void', 'amend') AND j.id NOT IN (SELECT target FROM voids)
),
discards AS (  -- what was left in each container when it was thrown away
  SELECT substr(d."at", 1, 10) AS day,
    greatest(0, any_value(s.ml) - coalesce(sum(u.ml), 0)) AS left_over
  FROM e d
  JOIN e s ON s.type = 'store' AND s.id = d.target
  LEFT JOIN e u ON u.type = 'use' AND u.target = d.target
    AND CAST(u."at" AS TIMESTAMPTZ) <= CAST(d."at" AS TIMESTAMPTZ)
  WHERE d.type = 'discard'
  GROUP BY d.id, d."at"
),
days AS (
  SELECT substr("at", 1, 10) AS day,
    count(*) FILTER (WHERE type = 'pump') AS pump_sessions,
    sum(CASE WHEN type = 'pump' THEN coalesce(ml, coalesce(left_ml, 0) + coalesce(right_ml, 0)) END) AS pumped,
    sum(left_ml) FILTER (WHERE type = 'pump') AS left_ml,
    sum(right_ml) FILTER (WHERE type = 'pump') AS right_ml,
    count(*) FILTER (WHERE type = 'feed') AS feeds,
    sum(ml) FILTER (WHERE type = 'feed' AND method IS DISTINCT FROM 'breast') AS bottle,
    count(*) FILTER (WHERE type = 'feed' AND method = 'breast') AS breast_feeds,
    sum(CASE WHEN left_s IS NOT NULL OR right_s IS NOT NULL THEN coalesce(left_s, 0) + coalesce(right_s, 0)
             ELSE coalesce(dur_s, 0) END) FILTER (WHERE type = 'feed' AND method = 'breast') AS breast_s,
    sum(ml) FILTER (WHERE type = 'store') AS stored,
    sum(ml) FILTER (WHERE type = 'use') AS used
  FROM e GROUP BY day
)
SELECT days.*, coalesce((SELECT sum(left_over) FROM discards WHERE discards.day = days.day), 0) AS discarded
FROM days ORDER BY day`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const num = (x) => {
  let s = (Math.round(Number(x ?? 0) * 100) / 100).toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
};
const tenth = (x) => Math.round(Number(x ?? 0) * 10) / 10;
const out = ['date,pump_sessions,pumped_ml,left_ml,right_ml,feeds,bottle_ml,breast_feeds,breast_min,stored_ml,used_ml,discarded_ml'];
for (const r of reader.getRows()) {
  const [day, pumps, pumped, left, right, feeds, bottle, breast, bsec, stored, used, discarded] = r;
  out.push([day, num(pumps), num(tenth(pumped)), num(tenth(left)), num(tenth(right)), num(feeds), num(tenth(bottle)),
            num(breast), num(Math.round(Number(bsec ?? 0) / 6) / 10), num(tenth(stored)), num(tenth(used)),
            num(tenth(discarded))].join(','));
}
process.stdout.write(out.join('\n') + '\n');
