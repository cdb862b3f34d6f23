# Shared by the matplotlib scripts of bench/charts.sh: the data of data.lua
# and the one setting changed from matplotlib's defaults, a font with
# Japanese (the default DejaVu Sans has none).
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["font.family"] = "Noto Sans CJK JP"

REGIONS = ["北京", "上海", "広東", "浙江", "江蘇", "山東", "四川", "湖北"]
COUNTS = [512, 389, 297, 154, 131, 78, 62, 45]
TITLE = "地域別の大規模AIモデル数"
SOURCE = "出典: ベンチマーク用の架空データ"


def rows(i):
    """The bars of chart i of case (c), as data.lua's rows(i)."""
    return [c + (i * 37 + k * 11) % 50 for k, c in enumerate(COUNTS, start=1)]


def bar(fig, values, title_size, label_size):
    """A bar chart with value labels, gridlines and a source line."""
    ax = fig.add_subplot()
    bars = ax.bar(REGIONS, values, color="#2e5e8a", width=0.7)
    ax.bar_label(bars, fontsize=label_size)
    ax.set_title(TITLE, loc="left", fontsize=title_size, fontweight="bold")
    ax.yaxis.grid(True, color="#dddddd")
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=label_size)
    fig.text(0.01, 0.01, SOURCE, fontsize=label_size * 0.75, color="#666666")
    return ax
