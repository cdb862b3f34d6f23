# Case (a) in matplotlib: the bar chart to a 1920x1080 PNG and to a PDF.
import matplotlib.pyplot as plt

import common

# sumi draws a 720x405 pt page at 192 dpi: its 24 pt title is 24 * 1.92 pt
# at matplotlib's 100 dpi.
fig = plt.figure(figsize=(19.2, 10.8), dpi=100)
common.bar(fig, common.COUNTS, 24 * 1.92, 15 * 1.92)
fig.savefig("bar.png")
fig.savefig("bar.pdf")
