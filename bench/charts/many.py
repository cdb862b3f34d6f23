# Case (c) in matplotlib: N small bar charts (600x400 px) to N PNG files.
#   many.py N
import os
import sys

import matplotlib.pyplot as plt

import common

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
os.makedirs("many", exist_ok=True)
for i in range(1, n + 1):
    fig = plt.figure(figsize=(6, 4), dpi=100)
    common.bar(fig, common.rows(i), 12, 8)
    fig.savefig("many/c%03d.png" % i)
    plt.close(fig)
