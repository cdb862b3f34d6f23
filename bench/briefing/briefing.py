"""The flagship briefing (scripts/china_ai_briefing.lua) made with ReportLab
and matplotlib, for bench/briefing.sh. Run with Debian's Python:

    /usr/bin/python3 briefing.py OUT.pdf FONTDIR REPO [DATE]

FONTDIR holds sans-regular.ttf, sans-bold.ttf and serif-bold.ttf: Noto Sans
CJK JP Regular and Bold and Noto Serif CJK JP Bold with TrueType outlines,
made by otf2ttf.py (ReportLab reads no CFF outlines). REPO is the repository,
for data/waic2025_headline.csv and data/waic2025.db. DATE is YYYY-MM-DD.

The same text, numbers (read and computed as the Lua script does), 4 charts,
2 tables, contents and sources on 5 A4 pages. The charts are matplotlib PNGs
at 200 dpi: Debian has no package that embeds a PDF page in ReportLab
(no svglib, pdfrw or pypdf).
"""
import csv
import io
import os
import sqlite3
import sys

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["font.family"] = "Noto Sans CJK JP"
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from reportlab.lib.enums import TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import (Flowable, Image, KeepTogether, PageBreak,  # noqa: E402
                                Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate  # noqa: E402
from reportlab.platypus.frames import Frame  # noqa: E402
from reportlab.platypus.tableofcontents import TableOfContents  # noqa: E402

out, font_dir, repo = sys.argv[1], sys.argv[2], sys.argv[3]
date_arg = sys.argv[4] if len(sys.argv) > 4 else "2025-08-01"

# ------------------------------------------------------------------ data

with open(os.path.join(repo, "data", "waic2025_headline.csv"), encoding="utf-8") as f:
    figures = list(csv.DictReader(f))
for row in figures:
    row["value"] = float(row["value"])
db = sqlite3.connect(os.path.join(repo, "data", "waic2025.db"))
sources = db.execute("SELECT id, name, publisher, published FROM sources ORDER BY id").fetchall()
players = db.execute("SELECT name_ja, models_ja, founded, noted_for_ja FROM players "
                     "ORDER BY position").fetchall()
fields = db.execute("SELECT f.field, s.name FROM unicorn_fields f JOIN sources s "
                    "ON s.id = f.source_id ORDER BY f.position").fetchall()
db.close()

source_ja = {"waic2025": "WAIC 2025（世界人工知能大会、上海）",
             "caict": "中国信息通信研究院（CAICT）", "industry_analysis": "業界分析"}
source_by_name = {name: (sid, publisher, published) for sid, name, publisher, published in sources}


def month_ja(published):
    year, month = published.split("-")
    return f"{int(year)}年{int(month)}月"


def source_line(name, reported_by):
    sid, publisher, published = source_by_name[name]
    outlet = reported_by + "報道、" if reported_by else ""
    return source_ja.get(sid, publisher) + "（" + outlet + month_ja(published) + "）"


def cite(rows):
    lines = []
    for row in rows:
        line = source_line(row["source"], row["reported_by"])
        if line not in lines:
            lines.append(line)
    return "、".join(lines)


def figure(metric, scope="china"):
    rows = [r for r in figures if r["metric"] == metric and r["scope"] == scope]
    assert len(rows) == 1, metric
    return rows[0]


world = {r["metric"]: r["value"] for r in figures if r["scope"] == "world"}
versus = {}
for r in figures:
    if r["scope"] == "china" and r["metric"] in world:
        w = world[r["metric"]]
        versus[r["metric"]] = {"value": r["value"], "world": w, "share": r["value"] / w,
                               "rest": w - r["value"]}
models, unicorns = versus["large_ai_models"], versus["ai_unicorns"]
models_row, unicorns_row = figure("large_ai_models"), figure("ai_unicorns")
companies = figure("ai_companies")
companies_share = figure("ai_companies_share_of_world")
listed = figure("listed_ai_companies")
listed_share = figure("listed_share_of_industry_revenue")
patents_share = figure("ai_patent_applications_share_of_world")
industry = figure("ai_industry_size")
growth = figure("ai_industry_growth")
unicorn_valuation = figure("unicorn_min_valuation", "world")

qualifier_ja = {"more than": "超", "above": "超", "about": "約", "at least": "以上"}


def approx(row, text):
    q = qualifier_ja.get(row["qualifier"], "")
    return q + text if q == "約" else text + q


def n(v):
    return f"{v:,.0f}"


def pct1(v):
    return f"{100 * v:.1f}%"


def ja_units(v, unit):
    for scale, name in ((1e12, "兆"), (1e8, "億"), (1e4, "万")):
        if v >= scale:
            return f"{v / scale:,.0f}{name}{unit}"
    return n(v) + unit


published = source_by_name[models_row["source"]][2]
say = {
    "models": n(models["value"]), "models_world": n(models["world"]),
    "models_share": pct1(models["share"]), "models_rest": n(models["rest"]),
    "unicorns": n(unicorns["value"]), "unicorns_world": n(unicorns["world"]),
    "unicorns_share": pct1(unicorns["share"]), "unicorns_rest": n(unicorns["rest"]),
    "companies": approx(companies, n(companies["value"]) + "社"),
    "companies_share": approx(companies_share, n(companies_share["value"]) + "%"),
    "listed": approx(listed, n(listed["value"]) + "社"),
    "listed_share": approx(listed_share, n(listed_share["value"]) + "%"),
    "patents_share": approx(patents_share, n(patents_share["value"]) + "%"),
    "industry": approx(industry, n(industry["value"] / 1e8) + "億元"),
    "industry_year": f"{int(industry['period'])}年",
    "growth": approx(growth, "年" + n(growth["value"]) + "%"),
    "valuation": approx(unicorn_valuation, ja_units(unicorn_valuation["value"], "ドル")),
    "field_count": n(len(fields)),
    "waic_month": month_ja(published),
    "waic_year": f"{int(published[:4])}年",
}


def text(template):
    return template.format(**say)


y, m, d = (int(p) for p in date_arg.split("-"))
date_text = f"{y}年{m}月{d}日"

# ------------------------------------------------------------------ look

INK, MUTED, ACCENT, ACCENT_LIGHT = "#1b1f24", "#5b6570", "#b3261e", "#e3a29c"
REST, BAND = "#c9d1db", "#1b1f24"

pdfmetrics.registerFont(TTFont("Sans", os.path.join(font_dir, "sans-regular.ttf")))
pdfmetrics.registerFont(TTFont("Sans-Bold", os.path.join(font_dir, "sans-bold.ttf")))
pdfmetrics.registerFont(TTFont("Serif-Bold", os.path.join(font_dir, "serif-bold.ttf")))
pdfmetrics.registerFontFamily("Sans", normal="Sans", bold="Sans-Bold", italic="Sans",
                              boldItalic="Sans-Bold")

body = ParagraphStyle("body", fontName="Sans", fontSize=10, leading=17, wordWrap="CJK",
                      textColor=INK, spaceAfter=6)
small = ParagraphStyle("small", body, fontSize=8, leading=11, textColor=MUTED, spaceAfter=0)
caption = ParagraphStyle("caption", body, fontSize=9, leading=13, spaceBefore=4, spaceAfter=10)
h1 = ParagraphStyle("h1", body, fontName="Sans-Bold", fontSize=16, leading=22, spaceBefore=14,
                    spaceAfter=8)
h2 = ParagraphStyle("h2", body, fontName="Sans-Bold", fontSize=12, leading=17, spaceBefore=10,
                    spaceAfter=4)
item = ParagraphStyle("item", body, leftIndent=14, bulletIndent=0, bulletFontName="Sans", spaceAfter=2)
cell = ParagraphStyle("cell", body, fontSize=8.5, leading=12, spaceAfter=0)
cell_head = ParagraphStyle("cell_head", cell, fontName="Sans-Bold", textColor="#ffffff")
cell_right = ParagraphStyle("cell_right", cell, alignment=TA_RIGHT)
cell_head_right = ParagraphStyle("cell_head_right", cell_head, alignment=TA_RIGHT)

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
FRAME_W = PAGE_W - 2 * MARGIN

# ------------------------------------------------------------------ document


class Briefing(BaseDocTemplate):
    def __init__(self, path):
        super().__init__(path, pagesize=A4, title="中国AI産業ブリーフィング：WAIC 2025の数字から",
                         author="sumi", subject="China's AI industry after WAIC 2025",
                         keywords="China, AI, WAIC 2025, CAICT, investor briefing")
        frame = Frame(MARGIN, 16 * mm, FRAME_W, PAGE_H - 34 * mm, id="body")
        self.addPageTemplates([PageTemplate("page", [frame])])
        self.figure_count = 0

    def afterFlowable(self, flowable):
        level = getattr(flowable, "toc_level", None)
        if level is None:
            return
        title = flowable.toc_title
        key = "h%d" % id(flowable)
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=False)
        self.notify("TOCEntry", (level, flowable.getPlainText(), self.page, key))
        if level == 0:
            self.canv.section(title)


class BriefingCanvas(rl_canvas.Canvas):
    """Defers each page so that the header knows the page's section and the
    footer the page count ("2 / 5")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages, self.current, self.first_on_page = [], "", None

    def section(self, title):
        if self.first_on_page is None:
            self.first_on_page = title
        self.current = title

    def showPage(self):
        self.pages.append((dict(self.__dict__), self.first_on_page or self.current))
        self.first_on_page = None
        self._startPage()

    def save(self):
        total = len(self.pages)
        for number, (state, section) in enumerate(self.pages, start=1):
            self.__dict__.update(state)
            self.decorate(number, total, section)
            super().showPage()
        super().save()

    def decorate(self, number, total, section):
        self.saveState()
        if number == 1:
            self.setFillColor(BAND)
            self.rect(0, PAGE_H - 13 * mm, PAGE_W, 13 * mm, stroke=0, fill=1)
            self.setFillColor("#ffffff")
            self.setFont("Sans", 8.5)
            self.drawString(MARGIN, PAGE_H - 7.5 * mm, "INVESTOR BRIEFING ｜ 投資家向けブリーフィング")
            self.drawRightString(PAGE_W - MARGIN, PAGE_H - 7.5 * mm, date_text)
        else:
            self.setFillColor(MUTED)
            self.setFont("Sans", 8.5)
            self.drawString(MARGIN, PAGE_H - 12 * mm, "中国AI産業ブリーフィング")
            self.drawRightString(PAGE_W - MARGIN, PAGE_H - 12 * mm, section)
            self.setStrokeColor(REST)
            self.line(MARGIN, PAGE_H - 14 * mm, PAGE_W - MARGIN, PAGE_H - 14 * mm)
        self.setFillColor(MUTED)
        self.setFont("Sans", 8.5)
        self.drawString(MARGIN, 10 * mm, "投資家向け資料　" + date_text)
        self.drawRightString(PAGE_W - MARGIN, 10 * mm, f"{number} / {total}")
        self.restoreState()


class Rule(Flowable):
    def __init__(self, color, width=1.2):
        super().__init__()
        self.color, self.line_width = color, width

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, 4

    def draw(self):
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.line_width)
        self.canv.line(0, 2, self.width, 2)


story = []
numbers = [0, 0]


def heading(title, level):
    if level == 1:
        numbers[0] += 1
        numbers[1] = 0
        label = f"{numbers[0]}"
    else:
        numbers[1] += 1
        label = f"{numbers[0]}.{numbers[1]}"
    p = Paragraph(f"{label}　{title}", h1 if level == 1 else h2)
    p.toc_level, p.toc_title = level - 1, title
    story.append(p)
    if level == 1:
        story.append(Rule(ACCENT))
        story.append(Spacer(1, 6))


def paragraph(markup, style=body):
    story.append(Paragraph(markup, style))


def bullets(items, numbered=False):
    for i, markup in enumerate(items, start=1):
        story.append(Paragraph(markup, item, bulletText=f"{i}." if numbered else "・"))
    story.append(Spacer(1, 6))


def callout(markup, title, tone):
    fill, edge = ("#fbeeed", ACCENT) if tone == "key" else ("#fff6e0", "#b7791f")
    content = [Paragraph(f"<b>{title}</b>", body), Paragraph(markup, body)]
    t = Table([[content]], colWidths=[FRAME_W])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), fill),
                           ("LINEBEFORE", (0, 0), (0, -1), 3, edge),
                           ("LEFTPADDING", (0, 0), (-1, -1), 10),
                           ("TOPPADDING", (0, 0), (-1, -1), 8),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    story.append(Spacer(1, 6))
    story.append(t)
    story.append(Spacer(1, 10))


sources_list = []


def add_source(line):
    if line not in sources_list:
        sources_list.append(line)


def chart_image(fig, width_pt, height_pt):
    """A matplotlib figure as a 200 dpi PNG flowable of the given size."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=200)
    plt.close(fig)
    buffer.seek(0)
    return Image(buffer, width=width_pt, height=height_pt)


def new_figure(width_pt, height_pt):
    return plt.figure(figsize=(width_pt / 72, height_pt / 72), dpi=200)


def figure_block(fig, width_pt, height_pt, caption_text, source):
    doc.figure_count += 1
    add_source(source)
    fig.text(0.0, 0.01, "出典: " + source, fontsize=7, color=MUTED, wrap=True)
    return [chart_image(fig, width_pt, height_pt),
            Paragraph(f"図{doc.figure_count} {caption_text}", caption)]


def data_table(header, rows, widths, right=()):
    cells = [[Paragraph(h, cell_head_right if i in right else cell_head)
              for i, h in enumerate(header)]]
    for row in rows:
        cells.append([Paragraph(v, cell_right if i in right else cell) for i, v in enumerate(row)])
    rest = FRAME_W - sum(w for w in widths if w)
    t = Table(cells, colWidths=[w or rest for w in widths], repeatRows=1)
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), INK),
                           ("LINEBELOW", (0, 1), (-1, -1), 0.4, REST),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("TOPPADDING", (0, 0), (-1, -1), 4),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return t


doc = Briefing(out)

all_sources = cite(figures)
for row in figures:
    add_source(source_line(row["source"], row["reported_by"]))

# ------------------------------------------------------------------ cover

story.append(Paragraph('<font name="Serif-Bold">中国AI産業の現在地</font>',
                       ParagraphStyle("title", body, fontSize=30, leading=40)))
paragraph("WAIC 2025で示された数字から読む、モデル・企業・ユニコーンの勢力図",
          ParagraphStyle("subtitle", body, fontSize=13, leading=20, textColor=MUTED))


def kpi(title, value, label):
    return [Paragraph(title, ParagraphStyle("kt", body, fontSize=9.5, textColor=MUTED)),
            Paragraph(f'<font name="Sans-Bold" color="{ACCENT}">{value}</font>',
                      ParagraphStyle("kv", body, fontSize=24, leading=30, alignment=1)),
            Paragraph(label, ParagraphStyle("kl", body, fontSize=9, leading=12,
                                            textColor=MUTED, alignment=1))]


def kpi_row(tiles):
    t = Table([tiles], colWidths=[FRAME_W / 3] * 3, rowHeights=[96])
    t.setStyle(TableStyle([("BOX", (0, 0), (0, 0), 0.6, REST), ("BOX", (1, 0), (1, 0), 0.6, REST),
                           ("BOX", (2, 0), (2, 0), 0.6, REST), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(t)
    story.append(Spacer(1, 8))


kpi_row([kpi("大規模AIモデル", n(models["value"]) + "個", text("世界{models_world}個の{models_share}")),
         kpi("AIユニコーン企業", n(unicorns["value"]) + "社", text("世界{unicorns_world}社の{unicorns_share}")),
         kpi("AI関連企業", n(companies["value"]) + approx(companies, "社"), text("世界の{companies_share}"))])
kpi_row([kpi("AI特許出願", approx(patents_share, n(patents_share["value"])) + "%", "世界に占める中国の割合"),
         kpi(text("AI産業規模（{industry_year}）"), n(industry["value"] / 1e8) + approx(industry, "億元"),
             text("{growth}の成長")),
         kpi("上場AI企業", n(listed["value"]) + approx(listed, "社"), text("産業収入の{listed_share}を占める"))])

callout(text("中国は世界の大規模AIモデルの<b>{models_share}</b>、AIユニコーン企業の<b>{unicorns_share}</b>を占める。"
             "AI関連企業は{companies}、AI産業は{industry_year}に{industry}で、{growth}のペースで伸びている。"
             "低コストで高性能なモデル、中国語処理、マルチモーダル、オープンソース戦略が競争力の源泉であり、"
             "輸出規制とデータ規制が最大のリスクである。"), "このブリーフィングの要点", "key")

story.append(Paragraph("目次", ParagraphStyle("contents", h1, spaceBefore=6)))
toc = TableOfContents()
toc.levelStyles = [ParagraphStyle("toc1", body, fontSize=10, leading=14, spaceAfter=0),
                   ParagraphStyle("toc2", body, fontSize=9.5, leading=13, leftIndent=18,
                                  spaceAfter=0)]
story.append(toc)
story.append(PageBreak())

# ------------------------------------------------------------------ 1 summary

heading("エグゼクティブサマリー", 1)
paragraph(text("{waic_month}に上海で開かれたWAIC 2025（世界人工知能大会）で公表された数値によると、"
               "中国で公開された大規模AIモデルは{models}個で、世界全体{models_world}個の{models_share}を占める。"
               "中国のAIユニコーン企業（評価額{valuation}の未上場企業）は{unicorns}社で、"
               "世界全体{unicorns_world}社の{unicorns_share}にあたる。"
               "中国以外の世界の合計は、モデル{models_rest}個、ユニコーン{unicorns_rest}社である。"))
paragraph(text("中国信息通信研究院（CAICT）によれば、中国のAI関連企業は{companies}で世界の{companies_share}。"
               "上場AI企業{listed}が産業収入の{listed_share}を占め、収益は上場大手に集中している。"
               "業界分析では、AI特許出願に占める中国の割合は{patents_share}、"
               "AI産業の規模は{industry_year}に{industry}（{growth}の成長）とされる。"))

computed, reported = "WAIC 2025等の件数から算出", "公表された概数（約）"
shares = [("AI特許出願", patents_share["value"] / 100, reported),
          ("大規模AIモデル", models["share"], computed),
          ("AIユニコーン企業", unicorns["share"], computed),
          ("AI関連企業", companies_share["value"] / 100, reported)]
fig = new_figure(FRAME_W, 210)
ax = fig.add_axes([0.2, 0.2, 0.72, 0.6])
labels = [s[0] for s in shares][::-1]
values = [s[1] for s in shares][::-1]
kinds = [s[2] for s in shares][::-1]
bars = ax.barh(labels, values, color=[ACCENT if k == computed else ACCENT_LIGHT for k in kinds],
               height=0.6)
for bar, v, k in zip(bars, values, kinds):
    ax.text(v + 0.01, bar.get_y() + bar.get_height() / 2,
            f"約{100 * v:.0f}%" if k == reported else pct1(v),
            va="center", fontsize=9.5, fontweight="bold", color=INK)
ax.set_xlim(0, 1)
ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0], [f"{p}%" for p in range(0, 101, 20)])
ax.xaxis.grid(True, color="#e5e5e5")
ax.set_axisbelow(True)
for side in ("top", "right"):
    ax.spines[side].set_visible(False)
ax.tick_params(labelsize=9.5)
fig.legend(handles=[Rectangle((0, 0), 1, 1, color=ACCENT_LIGHT), Rectangle((0, 0), 1, 1, color=ACCENT)],
           labels=[reported, computed], loc="upper left", bbox_to_anchor=(0.0, 0.92), ncol=2,
           frameon=False, fontsize=8.5)
fig.text(0.0, 0.95, "世界に占める中国のシェア", fontsize=12, fontweight="bold", color=INK)
story.append(KeepTogether(figure_block(fig, FRAME_W, 210, "中国の件数・企業数が世界全体に占める割合",
                                       all_sources)))

heading("投資判断の前提", 2)
bullets([
    text("<b>規模</b>　モデル数で世界の{models_share}、ユニコーン企業数で{unicorns_share}。"
         "中国が世界のAI開発の中心の一つであることは、数字の上で明らかである。"),
    text("<b>成長</b>　AI産業は{industry_year}に{industry}、{growth}の成長。"
         "市場の拡大が新規参入と資金調達を支えている。"),
    text("<b>集中</b>　上場AI企業{listed}が産業収入の{listed_share}を占める。"
         "未上場のユニコーン{unicorns}社への投資機会は限られる。"),
    "<b>リスク</b>　半導体の輸出規制とデータ関連規制は、計算資源の調達と海外展開の前提を左右する。",
])

# ------------------------------------------------------------------ 2 models

heading("モデルの勢力図", 1)
paragraph(text("WAIC 2025時点で公開された大規模AIモデルは世界で{models_world}個。"
               "うち{models}個（{models_share}）が中国製で、中国以外の世界の合計{models_rest}個に迫る。"
               "CAICTのYu Xiaohui院長は、{waic_year}は基盤モデルの更新が速まり、新しい技術アプローチが次々に現れたと述べている。"))

fig = new_figure(FRAME_W, 165)
ax = fig.add_axes([0.25, 0.12, 0.5, 0.72])
split = [("中国", models["value"]), ("中国以外の世界", models["rest"])]
total = sum(v for _, v in split)
ax.pie([v for _, v in split], colors=[ACCENT, REST], startangle=90, counterclock=False,
       wedgeprops={"width": 0.45},
       labels=[f"{name} {n(v)}個（{pct1(v / total)}）" for name, v in split],
       textprops={"fontsize": 9.5, "color": INK})
ax.set_aspect("equal")
fig.text(0.0, 0.93, text("大規模AIモデル{models_world}個の内訳"), fontsize=12, fontweight="bold", color=INK)
story.append(KeepTogether(figure_block(fig, FRAME_W, 165, "世界の大規模AIモデルに占める中国",
                                       cite([models_row]))))

heading("主要プレイヤーと代表モデル", 2)
paragraph("大手テック企業、急成長するユニコーン、特定分野に強い専門企業、新興スタートアップが層をなす。"
          "主なプレイヤーと代表的なモデルは次のとおり（報道ベース）。")
player_rows = []
for name, models_ja, founded, noted in players:
    if founded:
        name += f"（{founded}年設立）"
    player_rows.append([name, models_ja or "—", noted or "—"])
add_source("各社の発表と報道（企業・モデルの一覧、報道ベース）")
story.append(Paragraph("中国の主要AIプレイヤー", caption))
story.append(data_table(["企業・機関", "主なモデル・製品", "注目点"], player_rows, [120, 150, None]))
story.append(Spacer(1, 8))

heading("競争力の源泉", 2)
bullets([
    "<b>低コスト・高効率の開発</b>　DeepSeek-R1（DeepSeek-V3が基盤）は、限られた計算資源と低い学習費用で"
    "OpenAI o1に近い推論性能を示したとされる。",
    "<b>中国語処理</b>　バイドゥのERNIE Bot（文心一言）は中国語の処理能力で評価される。",
    "<b>マルチモーダル</b>　SenseNova（センスタイム）、Wudao 2.0（BAAI）、通義万相（アリババ）が競う。",
    "<b>オープンソース戦略</b>　モデルを公開し、開発者の裾野と採用を広げる。",
    "<b>新興勢力</b>　Moonshot AI（Kimi）、Z.ai（GLM）、MiniMax、StepFunが大手に挑む。",
])

# ------------------------------------------------------------------ 3 ecosystem

heading("エコシステム", 1)
paragraph(text("CAICTによれば中国のAI関連企業は{companies}で、世界のAI企業の{companies_share}にあたる。"
               "評価額{valuation}の未上場企業であるAIユニコーンは{unicorns}社、世界{unicorns_world}社の{unicorns_share}で、"
               "中国以外の世界には{unicorns_rest}社がある。"))

column_w = (FRAME_W - 24) / 2
fig = new_figure(column_w, 230)
ax = fig.add_axes([0.1, 0.2, 0.8, 0.62])
filled = round(100 * unicorns["share"])
for i in range(100):
    row, col = divmod(i, 10)
    ax.add_patch(Rectangle((col, 9 - row), 0.85, 0.85, color=ACCENT if i < filled else REST))
ax.set_xlim(0, 10)
ax.set_ylim(0, 10)
ax.set_aspect("equal")
ax.axis("off")
fig.text(0.0, 0.93, "世界のAIユニコーン企業に占める中国", fontsize=11, fontweight="bold", color=INK)
fig.text(0.5, 0.1, f"{n(unicorns['value'])}社 / {n(unicorns['world'])}社（{pct1(unicorns['share'])}）",
         fontsize=9.5, ha="center", color=INK)
left = figure_block(fig, column_w, 230, "AIユニコーン企業", cite([unicorns_row]))

fig = new_figure(column_w, 120)
ax = fig.add_axes([0.02, 0.35, 0.96, 0.22])
ax.barh([0], [listed_share["value"]], color=ACCENT, height=1)
ax.barh([0], [100 - listed_share["value"]], left=[listed_share["value"]], color=REST, height=1)
ax.set_xlim(0, 100)
ax.axis("off")
fig.text(0.0, 0.85, text("上場AI企業{listed}の収入シェア"), fontsize=11, fontweight="bold", color=INK)
fig.text(0.0, 0.64, text("産業収入の{listed_share}"), fontsize=9.5, color=INK)
right = figure_block(fig, column_w, 120, "上場AI企業が産業収入に占める割合", cite([listed_share]))
right.append(Paragraph(text("収益の{listed_share}が上場企業に集まる一方、成長の多くは未上場のユニコーンと"
                            "スタートアップが担う。上場株だけでは中国AIの成長を捉えきれない点に注意が必要である。"), body))
columns = Table([[left, right]], colWidths=[column_w + 24, column_w])
columns.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
story.append(columns)

heading(text("ユニコーンが集まる{field_count}分野"), 2)
field_ja = {
    "foundation models (large models)": "基盤モデル（大規模モデル）",
    "autonomous driving": "自動運転",
    "intelligent robots": "知能ロボット",
    "business-intelligence applications": "ビジネスインテリジェンス応用",
    "AI computing chips": "AI計算チップ",
}
paragraph(text("CAICTは、中国のAIユニコーンが集中する{field_count}分野を挙げている。"
               "分野別の企業数は公表されていない。"))
bullets([field_ja[field] for field, _ in fields], numbered=True)
paragraph("本資料の見方では、基盤モデルと計算チップは輸出規制の影響を受けやすく、"
          "自動運転とロボットは製造業の基盤を生かせる分野である。")

# ------------------------------------------------------------------ 4 implications

heading("投資家とエンジニアへの示唆", 1)
heading("投資家にとって", 2)
bullets([
    text("<b>分散した機会</b>　モデル{models}個、ユニコーン{unicorns}社と層が厚く、勝者は一社に絞られていない。"
         "基盤モデルに加え、自動運転、ロボット、計算チップのサプライチェーンを見る。"),
    text("<b>上場市場の偏り</b>　上場AI企業{listed}が産業収入の{listed_share}を持つ。"
         "上場大手はクラウドと既存事業の収益で投資を支えられる。"),
    "<b>コスト構造の変化</b>　低コストで高性能なモデルは、推論単価の下落とAI活用の拡大を促し、"
    "アプリケーション側の利益機会を広げる。",
    "<b>地政学リスク</b>　半導体の輸出規制、データの越境移転規制、制裁対象の変化を投資判断の前提に置く。",
])
heading("エンジニアにとって", 2)
bullets([
    "<b>オープンなモデルの活用</b>　公開された中国製モデルは評価と検証の対象になる。"
    "ライセンス、学習データ、安全性評価を確認した上で使う。",
    "<b>効率化の手法</b>　限られた計算資源で性能を引き出す学習・推論の工夫は、自社開発にも応用できる。",
    "<b>中国語とマルチモーダル</b>　中国語圏向けの製品では、中国語処理と画像・動画に強いモデルが選択肢になる。",
    "<b>規制への備え</b>　データの所在地と輸出管理の要件を設計段階から織り込む。",
])
callout("本資料の数値は公表・報道された値をそのまま引用したもので、本資料はその正確さを保証しない。"
        "「約」「超」は発表元の表現である。投資判断はご自身の責任で行っていただきたい。",
        "数値の扱いについて", "warning")

# ------------------------------------------------------------------ 5 data and sources

heading("データと出典", 1)
paragraph("本資料の数値の一覧。割合と「中国以外」の値は、中国と世界の公表値から算出した。")
metric_ja = {
    "large_ai_models": "大規模AIモデル（個）", "ai_unicorns": "AIユニコーン企業（社）",
    "ai_companies": "AI関連企業（社）", "ai_companies_share_of_world": "AI関連企業の世界シェア（%）",
    "listed_ai_companies": "上場AI企業（社）",
    "listed_share_of_industry_revenue": "上場企業の産業収入シェア（%）",
    "ai_patent_applications_share_of_world": "AI特許出願の世界シェア（%）",
    "ai_industry_size": "AI産業規模（億元）", "ai_industry_growth": "AI産業の成長率（%/年）",
}
scale_of = {"yuan": 1e8}
figure_rows = []
for row in figures:
    if row["scope"] != "china":
        continue
    match = versus.get(row["metric"])
    figure_rows.append([metric_ja[row["metric"]],
                        approx(row, n(row["value"] / scale_of.get(row["unit"], 1))),
                        n(match["world"]) if match else "—",
                        pct1(match["share"]) if match else "—",
                        source_line(row["source"], row["reported_by"])])
story.append(Paragraph("WAIC 2025前後に公表された主な数値", caption))
story.append(data_table(["指標", "中国", "世界", "中国の割合", "出典"], figure_rows,
                        [140, 58, 44, 62, None], right=(1, 2, 3)))

story.append(Paragraph("出典一覧", h2))
for i, line in enumerate(sources_list, start=1):
    story.append(Paragraph(line, ParagraphStyle("source", body, fontSize=9, leading=13,
                                                leftIndent=20, bulletFontName="Sans", spaceAfter=2), bulletText=f"[{i}]"))

doc.multiBuild(story, canvasmaker=BriefingCanvas)
