"""Writes ledger.csv: a SYNTHETIC county council revenue ledger with a three-level `group` column
(directorate / service / cost centre), 2019/20 to 2023/24, for the group roll-ups of `planner forecast`.

Not real data: every figure is drawn from a seeded generator (budgets grow about 3% a year, each
line's outturn is its budget times a lognormal factor with a line-specific bias). Rerun with
`python3 datasets/council-groups/generate.py` (Python 3, standard library only); the output is
byte-for-byte the same every time.
"""
import math
import os
import random

random.seed(20240401)

# (group path, line, 2019/20 budget in pounds); a line may sit directly in a directorate or a
# service, and one line is deliberately ungrouped (empty group).
LINES = [
    ("Adults/Residential care/North", "Care homes North", 6_400_000),
    ("Adults/Residential care/South", "Care homes South", 5_900_000),
    ("Adults/Residential care", "Residential placements review", 240_000),
    ("Adults/Home care/Domiciliary", "Domiciliary care contracts", 4_100_000),
    ("Adults/Home care/Reablement", "Reablement team", 1_350_000),
    ("Adults", "Adults directorate office", 410_000),
    ("Children/Looked after/Fostering", "Fostering allowances", 3_200_000),
    ("Children/Looked after/Placements", "External placements", 4_800_000),
    ("Children/Early help/Family hubs", "Family hubs", 1_150_000),
    ("Children/Early help/Youth", "Youth service", 720_000),
    ("Place/Highways/Maintenance", "Highways maintenance", 3_600_000),
    ("Place/Highways/Winter", "Winter gritting", 880_000),
    ("Place/Waste/Collection", "Waste collection", 4_300_000),
    ("Place/Waste/Disposal", "Waste disposal contract", 5_100_000),
    ("Place/Infrastructure/Network", "Street lighting energy", 1_250_000),
    ("Place/Infrastructure/Network", "Traffic signals", 390_000),
    ("Resources/ICT/Network", "ICT network", 950_000),
    ("Resources/ICT/Licences", "Software licences", 1_480_000),
    ("Resources/Finance/Revenues", "Revenues and benefits", 1_900_000),
    ("", "Corporate contingency", 500_000),
]

YEARS = [2019, 2020, 2021, 2022, 2023]

rows = ["line,year,budget,actual,group"]
for path, line, budget0 in LINES:
    bias = random.gauss(0.0, 0.05)     # a line's tendency to over- or underspend
    spread = random.uniform(0.03, 0.10)
    budget = float(budget0)
    for year in YEARS:
        actual = budget * math.exp(bias + random.gauss(0.0, spread))
        label = f"{year}/{(year + 1) % 100:02d}"
        group = f'"{path}"' if "," in path else path
        rows.append(f"{line},{label},{round(budget)},{round(actual)},{group}")
        budget *= 1.03 * math.exp(random.gauss(0.0, 0.02))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "ledger.csv"), "w", newline="\n") as f:
    f.write("\n".join(rows) + "\n")
