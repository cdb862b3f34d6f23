# Case (b) from line.csv in matplotlib, the file read with pandas.read_csv.
import pandas as pd
import matplotlib.pyplot as plt
import common  # noqa: F401 (fonts and defaults as the other cases)
df = pd.read_csv("line.csv")
fig = plt.figure(figsize=(19.2, 10.8), dpi=100)
ax = fig.add_subplot()
ax.plot(df["t"].to_numpy(), df["v"].to_numpy(), linewidth=3 * 1.92)
ax.set_title("1,000,000点の折れ線", loc="left", fontsize=24 * 1.92, fontweight="bold")
fig.savefig("line.png")
fig.savefig("line.pdf")
