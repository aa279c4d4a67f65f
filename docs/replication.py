#!/usr/bin/env python3
"""Which comparisons two results folders share, and where they disagree (docs/replication.md).

    python3 docs/replication.py results/A results/B

Reads the comparison tables of A/report.md and B/report.md as `./bench report` writes them (each
"### X vs Y" table of each operation, and the "on each platform" tables of the platforms' section)
and prints, for the comparisons both reports hold (operation, comparison, scale, platform): how
many there are, those whose verdicts differ, and those where each run's estimate lies outside the
other run's 95% interval. Every figure it prints is copied from the two reports. It assumes one key
pattern a report (the full runs, the phase4 run and the JDK 25 runs have Integer random keys only);
for reports with several key patterns (the peers run) read the tables themselves.
"""
import re
import sys


def percent(text):
    return float(text.replace('%', '').replace(',', '').replace('+', ''))


def comparisons(report):
    """(operation, comparison, scale, platform) -> (estimate, low, high, verdict, cell text)."""
    found = {}
    operation = comparison = mode = columns = scale = None
    for line in open(report, encoding='utf-8'):
        line = line.rstrip('\n')
        m = re.match(r'^## (\S+):', line)
        if m:
            operation, comparison, mode = m.group(1), None, None
            continue
        m = re.match(r'^### (\S+) (\S+), .*: on each platform', line)
        if m:
            operation, scale, comparison, mode = m.group(1), m.group(2), None, 'platform'
            continue
        m = re.match(r'^### (.+ vs .+)$', line)
        if m and operation:
            comparison, mode = m.group(1), 'comparison'
            continue
        if line.startswith('#'):
            comparison = mode = None
            continue
        if not line.startswith('| '):
            continue
        cells = [c.strip() for c in line.strip('|').split('|')]
        if mode == 'comparison' and len(cells) >= 6 and re.match(r'^[+-]?\d', cells[3]):
            bounds = re.findall(r'[+-]?[\d.,]+%', cells[4])
            found[(operation, comparison, cells[0], 'G1')] = (
                percent(cells[3]), percent(bounds[0]), percent(bounds[1]), cells[5],
                f'{cells[3]} {cells[5]} {cells[4]}')
        elif mode == 'platform':
            if cells[0] in ('Implementation', 'Phase'):
                columns = cells
                continue
            for header, cell in zip(columns[1:], cells[1:]):
                m = re.match(r'([+-][\d.,]+%) (\w[\w ]*?) \[([+-]?[\d.,]+%), ([+-]?[\d.,]+%)\]', cell)
                if not m:
                    continue
                if columns[0] == 'Implementation':
                    key = (operation, f'{cells[0]} {header}', scale, 'platforms')
                else:
                    key = (operation, cells[0], scale, header.replace('on ', ''))
                found[key] = (percent(m.group(1)), percent(m.group(3)), percent(m.group(4)),
                              m.group(2), cell)
    return found


def main(a, b):
    first, second = comparisons(f'{a}/report.md'), comparisons(f'{b}/report.md')
    common = [key for key in first if key in second]
    apart = [k for k in common
             if not second[k][1] <= first[k][0] <= second[k][2]
             and not first[k][1] <= second[k][0] <= first[k][2]]
    differ = [k for k in common if first[k][3] != second[k][3]]
    print(f'A: {a}\nB: {b}\n\n{len(common)} comparisons in both; {len(differ)} with different '
          f'verdicts; {len(apart)} with each estimate outside the other\'s interval.\n')
    for title, keys in (('Different verdicts', differ), ('Each estimate outside the other\'s interval', apart)):
        print(f'{title}:\n\n| Operation | Comparison | Scale | Platform | A | B |\n|---|---|---|---|---|---|')
        for k in keys:
            print(f'| {k[0]} | {k[1]} | {k[2]} | {k[3]} | {first[k][4]} | {second[k][4]} |')
        print()


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: python3 docs/replication.py results/A results/B')
    main(sys.argv[1].rstrip('/'), sys.argv[2].rstrip('/'))
