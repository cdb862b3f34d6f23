# Case (b) in matplotlib: a line of 1,000,000 points to a 1920x1080 PNG and
# a PDF, with matplotlib's default path simplification.
import numpy as np
import matplotlib.pyplot as plt

import common

i = np.arange(1, 1_000_001, dtype=np.float64)
v = 50 * np.sin(i / 20000) + 10 * np.sin(i * 0.7) * np.sin(i * 0.013)
fig = plt.figure(figsize=(19.2, 10.8), dpi=100)
ax = fig.add_subplot()
ax.plot(i, v, linewidth=3 * 1.92)  # sizes as in bar.py
ax.set_title("1,000,000点の折れ線", loc="left", fontsize=24 * 1.92, fontweight="bold")
fig.savefig("line.png")
fig.savefig("line.pdf")
