#!/usr/bin/env bash
# CSV reader benchmark: MB/s, rows/s and peak RSS of gomo's CSV reader alone (build/tests/gomo_csv_bench,
# built with -DGOMO_TESTS=ON) on a generated contacts file of ~100-byte rows (Arabic and French names,
# quoted fields with commas, 1% bad rows), plain and gzip.
# Usage: bench/csv.sh [ROWS (default 1000000)] [BENCH binary]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
bench=${2:-build/tests/gomo_csv_bench}
[[ -x $bench ]] || { echo "build it first: scripts/build.sh build -DGOMO_TESTS=ON" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
mkdir -p bench/out
file=bench/out/contacts-$rows.csv
if [[ ! -s $file ]]; then
  python3 - "$rows" "$file" <<'PY'
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(13)
first = ["Amina", "Omar", "Hélène", "François", "أمينة", "يوسف", "Zoé", "Karim", "Fatima-Zahra", "Noël"]
last = ["Benali", "El Idrissi", "Durand", "Lefèvre", "العلوي", "Ouazzani", "Müller", "O'Brien"]
city = ["Casablanca", "Rabat", "Fès", "Marrakech", "Paris", "الدار البيضاء", "Tanger, Nord"]
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("\ufeffphone,first_name,last_name,email,city,plan,Date échéance\r\n")
    for i in range(n):
        fn, ln, c = rng.choice(first), rng.choice(last), rng.choice(city)
        phone = rng.choice(["+2126%08d", "06%08d", "00212 6%08d", "+33 6 %08d"]) % rng.randrange(10**8)
        c = '"%s"' % c if "," in c else c
        email = "%s.%s%d@example.com" % (fn.lower()[:5], "x", i)
        row = "%s,%s,%s,%s,%s,%s,2026-%02d-%02d" % (phone, fn, '"%s"' % ln if "'" in ln else ln, email, c,
                                                    rng.choice(["gold", "silver", '"free, trial"']), 1 + i % 12, 1 + i % 28)
        if i % 100 == 99: row += ",extra"  # 1% ragged rows
        f.write(row + "\r\n")
PY
  gzip -kf "$file"
fi
echo "file: $file ($(du -m "$file" | cut -f1) MB, $rows rows; gzip $(du -m "$file.gz" | cut -f1) MB)"
for input in "$file" "$file.gz"; do
  for mode in rows records; do
    out=$( { /usr/bin/time -f "%e %U %M" "$bench" "$input" "$mode"; } 2>&1 )
    stats=$(head -1 <<<"$out")
    read -r wall user rss <<<"$(tail -1 <<<"$out")"
    printf '%-32s %s | wall %ss user %ss peak RSS %d MB\n' "$(basename "$input")" "$stats" "$wall" "$user" $((rss / 1024))
  done
done
