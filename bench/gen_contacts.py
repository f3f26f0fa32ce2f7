#!/usr/bin/env python3
"""Writes a realistic contacts CSV for bench/upsert.sh: mixed national and international numbers
(Moroccan mobiles and fixed lines written several ways, some French numbers), Arabic and French
names, and about 5% bad rows (short numbers, letters, bad emails, ragged rows).
Usage: bench/gen_contacts.py ROWS OUT.csv [SEED]"""
import random
import sys

rows, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
first = ["أمينة", "محمد", "فاطمة", "يوسف", "خديجة", "Élodie", "François", "Zoé", "Hélène", "Omar", "Amina", "Karim"]
last = ["العلوي", "بنعلي", "Lefèvre", "Dupont", "Benjelloun", "Alaoui", "El Amrani", "Chraïbi"]
cities = ["Casablanca", "Rabat", "Fès", "Marrakech", "Tanger", "Agadir", "الدار البيضاء", "Paris"]


def phone(i):
    n = 10000000 + (i * 7919) % 89999999  # 8 digits, distinct for i < 89,999,999
    s = rng.random()
    if s < 0.45:
        return "06%08d" % n if i % 2 else "070%07d" % (n % 10000000)
    if s < 0.65:
        return "+212 6 %02d %02d %02d %02d" % (n // 1000000 % 100, n // 10000 % 100, n // 100 % 100, n % 100)
    if s < 0.80:
        return "00212 6%08d" % n
    if s < 0.90:
        return "0522%06d" % (n % 1000000)
    return "+33 6 %02d %02d %02d %02d" % (n // 1000000 % 100, n // 10000 % 100, n // 100 % 100, n % 100)


with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("phone,first_name,last_name,email,city\r\n")
    for i in range(rows):
        fn, ln, city = rng.choice(first), rng.choice(last), rng.choice(cities)
        email = "user%d@example.ma" % i
        p = phone(i)
        bad = rng.random()
        if bad < 0.015:
            p = "12%d" % (i % 100)
        elif bad < 0.03:
            p = "call me"
        elif bad < 0.04:
            email = "not-an-email"
        elif bad < 0.05:
            f.write('%s,"%s"\r\n' % (p, fn))
            continue
        f.write('%s,%s,"%s",%s,%s\r\n' % (p, fn, ln, email, city))
