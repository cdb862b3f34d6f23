-- The words of the flagship briefing (china_ai_briefing.lua), one table per
-- edition: Japanese (ja) and Simplified Chinese (zh-Hans). Templates name
-- the figures in {braces}; the script fills them from data/ (never a number
-- typed here). A key missing from an edition is an error, not a word of
-- the other language.
local words = {}

words.ja = {
  -- units and qualifiers of the figures
  companies_unit = "社", models_unit = "個", yuan_unit = "億元", dollar_unit = "ドル",
  growth = "年{n}%",
  qualifier = {["more than"] = {after = "超"}, above = {after = "超"}, about = {before = "約"},
               ["at least"] = {after = "以上"}},
  month = "{y:plain}年{m:plain}月", year = "{y:plain}年", founded = "（{y:plain}年設立）",
  reported_by = "{outlet}報道、", source_line = "{publisher}（{reported}{month}）", list_sep = "、",
  sources = {waic2025 = "WAIC 2025（世界人工知能大会、上海）", caict = "中国信息通信研究院（CAICT）",
             industry_analysis = "業界分析"},
  name_column = "name_ja", models_column = "models_ja", noted_column = "noted_for_ja",

  -- the document
  title = "中国AI産業ブリーフィング：WAIC 2025の数字から",
  header = "中国AI産業ブリーフィング",
  footer = "投資家向け資料　{date}", confidential_sep = "｜",
  band = "INVESTOR BRIEFING ｜ 投資家向けブリーフィング",
  cover_title = '<span font_family="Noto Serif CJK JP" weight="bold">中国AI産業の現在地</span>',
  cover_subtitle = "WAIC 2025で示された数字から読む、モデル・企業・ユニコーンの勢力図",
  recipient = "配布先：",

  tiles = {
    {"大規模AIモデル", "世界{models_world}個の{models_share}"},
    {"AIユニコーン企業", "世界{unicorns_world}社の{unicorns_share}"},
    {"AI関連企業", "世界の{companies_share}"},
    {"AI特許出願", "世界に占める中国の割合"},
    {"AI産業規模（{industry_year}）", "{growth}の成長"},
    {"上場AI企業", "産業収入の{listed_share}を占める"},
  },
  key_points = table.concat({
    "中国は世界の大規模AIモデルの<b>{models_share}</b>、AIユニコーン企業の<b>{unicorns_share}</b>を占める。",
    "AI関連企業は{companies}、AI産業は{industry_year}に{industry}で、{growth}のペースで伸びている。",
    "低コストで高性能なモデル、中国語処理、マルチモーダル、オープンソース戦略が競争力の源泉であり、",
    "輸出規制とデータ規制が最大のリスクである。",
  }),
  key_points_title = "このブリーフィングの要点",

  summary = "エグゼクティブサマリー",
  summary_1 = table.concat({
    "{waic_month}に上海で開かれたWAIC 2025（世界人工知能大会）で公表された数値によると、",
    "中国で公開された大規模AIモデルは{models}個で、世界全体{models_world}個の{models_share}を占める。",
    "中国のAIユニコーン企業（評価額{valuation}の未上場企業）は{unicorns}社で、",
    "世界全体{unicorns_world}社の{unicorns_share}にあたる。",
    "中国以外の世界の合計は、モデル{models_rest}個、ユニコーン{unicorns_rest}社である。",
  }),
  summary_2 = table.concat({
    "中国信息通信研究院（CAICT）によれば、中国のAI関連企業は{companies}で世界の{companies_share}。",
    "上場AI企業{listed}が産業収入の{listed_share}を占め、収益は上場大手に集中している。",
    "業界分析では、AI特許出願に占める中国の割合は{patents_share}、",
    "AI産業の規模は{industry_year}に{industry}（{growth}の成長）とされる。",
  }),
  computed = "WAIC 2025等の件数から算出", reported = "公表された概数（約）",
  share_labels = {"AI特許出願", "大規模AIモデル", "AIユニコーン企業", "AI関連企業"},
  about_pct = "約{v:pct0}",
  share_title = "世界に占める中国のシェア",
  share_caption = "中国の件数・企業数が世界全体に占める割合",
  premises = "投資判断の前提",
  premises_list = {
    "<b>規模</b>　モデル数で世界の{models_share}、ユニコーン企業数で{unicorns_share}。" ..
      "中国が世界のAI開発の中心の一つであることは、数字の上で明らかである。",
    "<b>成長</b>　AI産業は{industry_year}に{industry}、{growth}の成長。" ..
      "市場の拡大が新規参入と資金調達を支えている。",
    "<b>集中</b>　上場AI企業{listed}が産業収入の{listed_share}を占める。" ..
      "未上場のユニコーン{unicorns}社への投資機会は限られる。",
    "<b>リスク</b>　半導体の輸出規制とデータ関連規制は、計算資源の調達と海外展開の前提を左右する。",
  },

  models_heading = "モデルの勢力図",
  models_text = table.concat({
    "WAIC 2025時点で公開された大規模AIモデルは世界で{models_world}個。",
    "うち{models}個（{models_share}）が中国製で、中国以外の世界の合計{models_rest}個に迫る。",
    "CAICTのYu Xiaohui院長は、{waic_year}は基盤モデルの更新が速まり、新しい技術アプローチが次々に現れたと述べている。",
  }),
  china = "中国", rest_of_world = "中国以外の世界",
  donut_title = "大規模AIモデル{models_world}個の内訳",
  donut_label = "{v}個（{s:pct1}）",
  donut_caption = "世界の大規模AIモデルに占める中国",
  players_heading = "主要プレイヤーと代表モデル",
  players_text = "大手テック企業、急成長するユニコーン、特定分野に強い専門企業、新興スタートアップが層をなす。" ..
    "主なプレイヤーと代表的なモデルは次のとおり（報道ベース）。",
  players_source = "各社の発表と報道（企業・モデルの一覧、報道ベース）",
  players_columns = {"企業・機関", "主なモデル・製品", "注目点"},
  players_caption = "中国の主要AIプレイヤー",
  strengths = "競争力の源泉",
  strengths_list = {
    "<b>低コスト・高効率の開発</b>　DeepSeek-R1（DeepSeek-V3が基盤）は、限られた計算資源と低い学習費用で" ..
      "OpenAI o1に近い推論性能を示したとされる。",
    "<b>中国語処理</b>　バイドゥのERNIE Bot（文心一言）は中国語の処理能力で評価される。",
    "<b>マルチモーダル</b>　SenseNova（センスタイム）、Wudao 2.0（BAAI）、通義万相（アリババ）が競う。",
    "<b>オープンソース戦略</b>　モデルを公開し、開発者の裾野と採用を広げる。",
    "<b>新興勢力</b>　Moonshot AI（Kimi）、Z.ai（GLM）、MiniMax、StepFunが大手に挑む。",
  },

  ecosystem = "エコシステム",
  ecosystem_text = table.concat({
    "CAICTによれば中国のAI関連企業は{companies}で、世界のAI企業の{companies_share}にあたる。",
    "評価額{valuation}の未上場企業であるAIユニコーンは{unicorns}社、世界{unicorns_world}社の{unicorns_share}で、",
    "中国以外の世界には{unicorns_rest}社がある。",
  }),
  waffle_title = "世界のAIユニコーン企業に占める中国",
  waffle_caption = "{part}社 / {whole}社（{share:pct1}）",
  waffle_figure = "AIユニコーン企業",
  listed_title = "上場AI企業{listed}の収入シェア",
  listed_caption = "産業収入の{listed_share}",
  listed_figure = "上場AI企業が産業収入に占める割合",
  listed_text = "収益の{listed_share}が上場企業に集まる一方、成長の多くは未上場のユニコーンと" ..
    "スタートアップが担う。上場株だけでは中国AIの成長を捉えきれない点に注意が必要である。",
  fields_heading = "ユニコーンが集まる{field_count}分野",
  fields = {
    ["foundation models (large models)"] = "基盤モデル（大規模モデル）",
    ["autonomous driving"] = "自動運転",
    ["intelligent robots"] = "知能ロボット",
    ["business-intelligence applications"] = "ビジネスインテリジェンス応用",
    ["AI computing chips"] = "AI計算チップ",
  },
  fields_text = "CAICTは、中国のAIユニコーンが集中する{field_count}分野を挙げている。" ..
    "分野別の企業数は公表されていない。",
  fields_view = "本資料の見方では、基盤モデルと計算チップは輸出規制の影響を受けやすく、" ..
    "自動運転とロボットは製造業の基盤を生かせる分野である。",

  implications = "投資家とエンジニアへの示唆",
  investors = "投資家にとって",
  investors_list = {
    "<b>分散した機会</b>　モデル{models}個、ユニコーン{unicorns}社と層が厚く、勝者は一社に絞られていない。" ..
      "基盤モデルに加え、自動運転、ロボット、計算チップのサプライチェーンを見る。",
    "<b>上場市場の偏り</b>　上場AI企業{listed}が産業収入の{listed_share}を持つ。" ..
      "上場大手はクラウドと既存事業の収益で投資を支えられる。",
    "<b>コスト構造の変化</b>　低コストで高性能なモデルは、推論単価の下落とAI活用の拡大を促し、" ..
      "アプリケーション側の利益機会を広げる。",
    "<b>地政学リスク</b>　半導体の輸出規制、データの越境移転規制、制裁対象の変化を投資判断の前提に置く。",
  },
  engineers = "エンジニアにとって",
  engineers_list = {
    "<b>オープンなモデルの活用</b>　公開された中国製モデルは評価と検証の対象になる。" ..
      "ライセンス、学習データ、安全性評価を確認した上で使う。",
    "<b>効率化の手法</b>　限られた計算資源で性能を引き出す学習・推論の工夫は、自社開発にも応用できる。",
    "<b>中国語とマルチモーダル</b>　中国語圏向けの製品では、中国語処理と画像・動画に強いモデルが選択肢になる。",
    "<b>規制への備え</b>　データの所在地と輸出管理の要件を設計段階から織り込む。",
  },
  caution = "本資料の数値は公表・報道された値をそのまま引用したもので、本資料はその正確さを保証しない。" ..
    "「約」「超」は発表元の表現である。投資判断はご自身の責任で行っていただきたい。",
  caution_title = "数値の扱いについて",

  data_heading = "データと出典",
  data_text = "本資料の数値の一覧。割合と「中国以外」の値は、中国と世界の公表値から算出した。",
  metrics = {
    large_ai_models = "大規模AIモデル（個）",
    ai_unicorns = "AIユニコーン企業（社）",
    ai_companies = "AI関連企業（社）",
    ai_companies_share_of_world = "AI関連企業の世界シェア（%）",
    listed_ai_companies = "上場AI企業（社）",
    listed_share_of_industry_revenue = "上場企業の産業収入シェア（%）",
    ai_patent_applications_share_of_world = "AI特許出願の世界シェア（%）",
    ai_industry_size = "AI産業規模（億元）",
    ai_industry_growth = "AI産業の成長率（%/年）",
  },
  figures_columns = {"指標", "中国", "世界", "中国の割合", "出典"},
  figures_caption = "WAIC 2025前後に公表された主な数値",
  sources_title = "出典一覧",
}

words["zh-Hans"] = {
  companies_unit = "家", models_unit = "个", yuan_unit = "亿元", dollar_unit = "美元",
  growth = "年均增速{q}{n}%", -- {q}: the qualifier, inside the phrase
  qualifier = {["more than"] = {before = "超过"}, above = {before = "超过"}, about = {before = "约"},
               ["at least"] = {before = "至少"}},
  month = "{y:plain}年{m:plain}月", year = "{y:plain}年", founded = "（{y:plain}年成立）",
  reported_by = "{outlet}报道，", source_line = "{publisher}（{reported}{month}）", list_sep = "；",
  sources = {waic2025 = "2025世界人工智能大会（WAIC 2025，上海）", caict = "中国信息通信研究院（中国信通院）",
             industry_analysis = "行业分析"},
  name_column = "name_zh", models_column = "models_zh", noted_column = "noted_for_zh",

  title = "中国人工智能产业简报：从WAIC 2025的数字看",
  header = "中国人工智能产业简报",
  footer = "投资者参考资料　{date}", confidential_sep = "｜",
  band = "INVESTOR BRIEFING ｜ 投资者简报",
  cover_title = '<span font_family="Noto Serif CJK SC" weight="bold">中国人工智能产业现状</span>',
  cover_subtitle = "从WAIC 2025公布的数字，看模型、企业与独角兽的格局",
  recipient = "分发对象：",

  tiles = {
    {"大模型", "占全球{models_world}个的{models_share}"},
    {"人工智能独角兽企业", "占全球{unicorns_world}家的{unicorns_share}"},
    {"人工智能企业", "占全球的{companies_share}"},
    {"人工智能专利申请", "中国占全球的比例"},
    {"人工智能产业规模（{industry_year}）", "{growth}"},
    {"人工智能上市企业", "占产业收入的{listed_share}"},
  },
  key_points = table.concat({
    "中国占全球大模型的<b>{models_share}</b>、人工智能独角兽企业的<b>{unicorns_share}</b>。",
    "人工智能企业{companies}，{industry_year}人工智能产业规模{industry}，{growth}。",
    "低成本高性能的模型、中文处理、多模态与开源策略是竞争力的来源，",
    "出口管制与数据监管是最大的风险。",
  }),
  key_points_title = "本简报要点",

  summary = "执行摘要",
  summary_1 = table.concat({
    "据{waic_month}在上海举行的2025世界人工智能大会（WAIC 2025）公布的数据，",
    "中国已发布的大模型有{models}个，占全球{models_world}个的{models_share}。",
    "中国的人工智能独角兽企业（估值{valuation}的未上市企业）有{unicorns}家，",
    "占全球{unicorns_world}家的{unicorns_share}。",
    "中国以外的全球合计为大模型{models_rest}个、独角兽{unicorns_rest}家。",
  }),
  summary_2 = table.concat({
    "据中国信息通信研究院（中国信通院）统计，中国人工智能企业{companies}，占全球的{companies_share}。",
    "人工智能上市企业{listed}，贡献了产业收入的{listed_share}，收入集中于上市龙头企业。",
    "行业分析认为，中国占全球人工智能专利申请的{patents_share}，",
    "{industry_year}人工智能产业规模{industry}（{growth}）。",
  }),
  computed = "根据WAIC 2025等的数量计算", reported = "公布的概数（约）",
  share_labels = {"人工智能专利申请", "大模型", "人工智能独角兽企业", "人工智能企业"},
  about_pct = "约{v:pct0}",
  share_title = "中国占全球的份额",
  share_caption = "中国的数量与企业数占全球的比例",
  premises = "投资判断的前提",
  premises_list = {
    "<b>规模</b>　大模型数量占全球的{models_share}，独角兽企业数量占{unicorns_share}。" ..
      "从数字上看，中国无疑是全球人工智能开发的中心之一。",
    "<b>增长</b>　{industry_year}人工智能产业规模{industry}，{growth}。" ..
      "市场扩大支撑着新进入者与融资。",
    "<b>集中</b>　人工智能上市企业{listed}贡献了产业收入的{listed_share}。" ..
      "投资{unicorns}家未上市独角兽的机会有限。",
    "<b>风险</b>　半导体出口管制与数据相关监管，左右着算力采购与海外拓展的前提。",
  },

  models_heading = "大模型格局",
  models_text = table.concat({
    "截至WAIC 2025，全球已发布的大模型共{models_world}个。",
    "其中{models}个（{models_share}）来自中国，接近中国以外全球合计的{models_rest}个。",
    "中国信通院院长余晓晖表示，{waic_year}基础模型更新加快，新的技术路线不断涌现。",
  }),
  china = "中国", rest_of_world = "中国以外的全球",
  donut_title = "全球{models_world}个大模型的构成",
  donut_label = "{v}个（{s:pct1}）",
  donut_caption = "中国在全球大模型中的占比",
  players_heading = "主要参与者与代表模型",
  players_text = "大型科技企业、快速成长的独角兽、深耕特定领域的专业企业与新兴初创企业层次分明。" ..
    "主要参与者与代表模型如下（据报道）。",
  players_source = "各公司发布与报道（企业与模型一览，据报道）",
  players_columns = {"企业与机构", "主要模型与产品", "看点"},
  players_caption = "中国主要人工智能参与者",
  strengths = "竞争力的来源",
  strengths_list = {
    "<b>低成本、高效率的开发</b>　据报道，深度求索的DeepSeek-R1（基于DeepSeek-V3）以有限的算力和较低的训练成本" ..
      "实现了接近OpenAI o1的推理性能。",
    "<b>中文处理</b>　百度的文心一言（ERNIE Bot）以中文处理能力见长。",
    "<b>多模态</b>　商汤科技的日日新（SenseNova）、智源研究院的悟道2.0、阿里巴巴的通义万相同台竞争。",
    "<b>开源策略</b>　开放模型，扩大开发者群体与应用范围。",
    "<b>新兴力量</b>　月之暗面（Kimi）、智谱（GLM）、稀宇科技（MiniMax）、阶跃星辰向大企业发起挑战。",
  },

  ecosystem = "产业生态",
  ecosystem_text = table.concat({
    "据中国信通院统计，中国人工智能企业{companies}，占全球人工智能企业的{companies_share}。",
    "人工智能独角兽即估值{valuation}的未上市企业，中国有{unicorns}家，占全球{unicorns_world}家的{unicorns_share}，",
    "中国以外的全球共有{unicorns_rest}家。",
  }),
  waffle_title = "中国在全球人工智能独角兽企业中的占比",
  waffle_caption = "{part}家 / {whole}家（{share:pct1}）",
  waffle_figure = "人工智能独角兽企业",
  listed_title = "人工智能上市企业{listed}的收入份额",
  listed_caption = "占产业收入的{listed_share}",
  listed_figure = "人工智能上市企业占产业收入的比例",
  listed_text = "收入的{listed_share}集中于上市企业，而增长更多来自未上市的独角兽与初创企业。" ..
    "仅看上市股票，难以把握中国人工智能的增长。",
  fields_heading = "独角兽集中的{field_count}个领域",
  fields = {
    ["foundation models (large models)"] = "基础模型（大模型）",
    ["autonomous driving"] = "自动驾驶",
    ["intelligent robots"] = "智能机器人",
    ["business-intelligence applications"] = "商业智能应用",
    ["AI computing chips"] = "人工智能芯片",
  },
  fields_text = "中国信通院列出了中国人工智能独角兽集中的{field_count}个领域。" ..
    "各领域的企业数量未公布。",
  fields_view = "本资料认为，基础模型与人工智能芯片易受出口管制影响，" ..
    "自动驾驶与机器人则可发挥制造业基础的优势。",

  implications = "对投资者与工程师的启示",
  investors = "对投资者",
  investors_list = {
    "<b>分散的机会</b>　大模型{models}个、独角兽{unicorns}家，层次丰富，赢家并未集中于一家。" ..
      "除基础模型外，也应关注自动驾驶、机器人与人工智能芯片的供应链。",
    "<b>上市市场的集中</b>　人工智能上市企业{listed}拥有产业收入的{listed_share}。" ..
      "上市龙头可凭云业务与既有业务的收入支撑投入。",
    "<b>成本结构的变化</b>　低成本高性能的模型推动推理单价下降与人工智能应用扩大，" ..
      "拓宽了应用层的盈利机会。",
    "<b>地缘政治风险</b>　应将半导体出口管制、数据跨境流动监管与制裁对象的变化纳入投资判断的前提。",
  },
  engineers = "对工程师",
  engineers_list = {
    "<b>利用开放模型</b>　已公开的中国模型值得评估与验证。" ..
      "使用前应确认许可证、训练数据与安全评估。",
    "<b>提效方法</b>　以有限算力发挥性能的训练与推理技巧，也可用于自身开发。",
    "<b>中文与多模态</b>　面向中文市场的产品，可选择擅长中文处理与图像、视频的模型。",
    "<b>为监管做好准备</b>　在设计阶段即纳入数据存储地与出口管制的要求。",
  },
  caution = "本资料中的数字均直接引用已公布或报道的数值，本资料不保证其准确性。" ..
    "“约”“超过”为发布方的表述。投资判断请自行负责。",
  caution_title = "关于数字",

  data_heading = "数据与来源",
  data_text = "本资料数字一览。比例与“中国以外”的数值，由中国与全球的公布值计算得出。",
  metrics = {
    large_ai_models = "大模型（个）",
    ai_unicorns = "人工智能独角兽企业（家）",
    ai_companies = "人工智能企业（家）",
    ai_companies_share_of_world = "人工智能企业的全球份额（%）",
    listed_ai_companies = "人工智能上市企业（家）",
    listed_share_of_industry_revenue = "上市企业的产业收入份额（%）",
    ai_patent_applications_share_of_world = "人工智能专利申请的全球份额（%）",
    ai_industry_size = "人工智能产业规模（亿元）",
    ai_industry_growth = "人工智能产业增长率（%/年）",
  },
  figures_columns = {"指标", "中国", "全球", "中国占比", "来源"},
  figures_caption = "WAIC 2025前后公布的主要数字",
  sources_title = "来源一览",
}

return words
