// The peer pipeline bench/upsert.sh compares gomo with: csv-parse (streaming) + google-libphonenumber,
// the same checks in spirit (E.164 with region MA, de-duplication by phone, a count of rejects).
// Usage: node bench/upsert_peer.js FILE.csv   (needs csv-parse and google-libphonenumber in NODE_PATH)
const fs = require('fs');
const { parse } = require('csv-parse');
const lib = require('google-libphonenumber');
const util = lib.PhoneNumberUtil.getInstance();
const E164 = lib.PhoneNumberFormat.E164;
let rows = 0, rejected = 0, dup = 0;
const seen = new Set();
const start = process.hrtime.bigint();
fs.createReadStream(process.argv[2])
  .pipe(parse({ columns: true, relax_column_count: true }))
  .on('data', (r) => {
    rows++;
    try {
      const n = util.parse(r.phone || '', 'MA');
      if (!util.isValidNumber(n)) { rejected++; return; }
      const e = util.format(n, E164);
      if (seen.has(e)) { dup++; return; }
      seen.add(e);
    } catch (e) { rejected++; }
  })
  .on('end', () => {
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    console.log(`peer: ${rows} rows in ${s.toFixed(2)} s = ${Math.round(rows / s)} rows/s (${rejected} rejected, ${dup} duplicates)`);
  });
