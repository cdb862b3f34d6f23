-- WAIC 2025 figures for the flagship briefing, as tidy tables with their
-- sources. "As reported" means: the briefing quotes a figure, it does not
-- vouch for it. Shares and growth figures that can be computed (1,509 of
-- 3,755 models, 71 of 271 unicorns) are left to the report script.
--
-- Plain SQL that SQLite and PostgreSQL both run:
--   sqlite3 data/waic2025.db < data/waic2025.sql   (bootstrap.sh does this)
--   psql -d DB -f data/waic2025.sql                (the PostgreSQL tests)
-- The database file is built from this text and never committed.

BEGIN;

-- Who published the figures. `name` is the short name the headline view and
-- data/waic2025_headline.csv use.
CREATE TABLE sources (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  publisher   TEXT NOT NULL,
  published   TEXT NOT NULL,   -- year and month, YYYY-MM
  description TEXT NOT NULL
);

INSERT INTO sources (id, name, publisher, published, description) VALUES
  ('waic2025', 'WAIC 2025, Shanghai',
   'World Artificial Intelligence Conference (WAIC 2025)', '2025-07',
   'Figures announced at WAIC 2025 in Shanghai, three days in late July 2025 (theme "Global Solidarity in the AI Era", held with a High-level Meeting on Global AI Governance); reported by CGTN'),
  ('caict', 'CAICT',
   'China Academy of Information and Communications Technology (CAICT)', '2025-07',
   'CAICT figures on China''s AI companies, unicorns and listed companies, presented at WAIC 2025; reported by CGTN'),
  ('industry_analysis', 'industry analysis',
   'industry analysis (October 2025)', '2025-10',
   'Industry analysis of China''s AI industry, October 2025: patent applications, industry size and growth');

-- One row per figure, as in data/waic2025_headline.csv (see data/README.md):
-- value is the number as reported, shares in percent; qualifier is NULL for
-- an exact figure, else 'more than', 'about' or 'above' as reported;
-- position keeps the CSV's order.
CREATE TABLE figures (
  position    INTEGER NOT NULL UNIQUE,
  metric      TEXT NOT NULL,
  scope       TEXT NOT NULL,   -- 'china' or 'world'
  value       BIGINT NOT NULL,
  unit        TEXT NOT NULL,
  qualifier   TEXT,
  period      TEXT NOT NULL,
  source_id   TEXT NOT NULL REFERENCES sources (id),
  reported_by TEXT,
  published   TEXT NOT NULL,   -- YYYY-MM
  PRIMARY KEY (metric, scope)
);

INSERT INTO figures (position, metric, scope, value, unit, qualifier, period, source_id, reported_by, published) VALUES
  (1, 'large_ai_models', 'china', 1509, 'models', NULL, 'as of WAIC 2025', 'waic2025', 'CGTN', '2025-07'),
  (2, 'large_ai_models', 'world', 3755, 'models', NULL, 'as of WAIC 2025', 'waic2025', 'CGTN', '2025-07'),
  (3, 'ai_companies', 'china', 5100, 'companies', 'more than', '2025', 'caict', 'CGTN', '2025-07'),
  (4, 'ai_companies_share_of_world', 'china', 15, 'percent', 'about', '2025', 'caict', 'CGTN', '2025-07'),
  (5, 'ai_unicorns', 'china', 71, 'companies', NULL, '2025', 'caict', 'CGTN', '2025-07'),
  (6, 'ai_unicorns', 'world', 271, 'companies', NULL, '2025', 'caict', 'CGTN', '2025-07'),
  (7, 'listed_ai_companies', 'china', 300, 'companies', 'more than', '2025', 'caict', 'CGTN', '2025-07'),
  (8, 'listed_share_of_industry_revenue', 'china', 70, 'percent', 'about', '2025', 'caict', 'CGTN', '2025-07'),
  (9, 'ai_patent_applications_share_of_world', 'china', 60, 'percent', 'about', '2025', 'industry_analysis', NULL, '2025-10'),
  (10, 'ai_industry_size', 'china', 700000000000, 'yuan', 'above', '2024', 'industry_analysis', NULL, '2025-10'),
  (11, 'ai_industry_growth', 'china', 20, 'percent per year', 'more than', 'recent years', 'industry_analysis', NULL, '2025-10'),
  (12, 'unicorn_min_valuation', 'world', 1000000000, 'usd', 'at least', '2025', 'caict', 'CGTN', '2025-07');

-- The figures with their source's short name: the columns and rows of
-- data/waic2025_headline.csv.
CREATE VIEW headline AS
  SELECT f.metric, f.scope, f.value, f.unit, f.qualifier, f.period,
         s.name AS source, f.reported_by, f.published
  FROM figures f JOIN sources s ON s.id = f.source_id
  ORDER BY f.position;

-- Companies and their models, as reported (FACTS.md, "Players and models").
-- founded is NULL where the sources give no year; models and noted_for are
-- NULL where they say nothing. position keeps the order the briefing tells
-- them in; name_ja, models_ja and noted_for_ja are the same facts in
-- Japanese, for the Japanese briefing (its numbers come from here, never
-- from the script).
CREATE TABLE players (
  company      TEXT PRIMARY KEY,
  models       TEXT,
  founded      INTEGER,
  noted_for    TEXT,
  position     INTEGER NOT NULL UNIQUE,
  name_ja      TEXT NOT NULL,
  models_ja    TEXT,
  noted_for_ja TEXT,
  name_zh      TEXT NOT NULL,   -- the Chinese edition's names (Simplified)
  models_zh    TEXT,
  noted_for_zh TEXT
);

INSERT INTO players (company, models, founded, noted_for, position, name_ja, models_ja, noted_for_ja,
                     name_zh, models_zh, noted_for_zh) VALUES
  ('DeepSeek', 'DeepSeek-R1 (Jan 2025, built on DeepSeek-V3)', 2023,
   'reasoning close to OpenAI o1; trained on about 2,000 NVIDIA H800 for about $5.6M',
   1, 'DeepSeek', 'DeepSeek-R1（2025年1月、DeepSeek-V3が基盤）',
   'OpenAI o1に近い推論性能。NVIDIA H800約2,000基、約560万ドルで学習',
   '深度求索（DeepSeek）', 'DeepSeek-R1（2025年1月，基于DeepSeek-V3）',
   '推理性能接近OpenAI o1；约2,000块NVIDIA H800、约560万美元完成训练'),
  ('Alibaba', 'Qwen (通義千問), 通義万相 (image generation)', NULL,
   'plans at least 3,800億元 for cloud and AI infrastructure over three years',
   2, 'アリババ', 'Qwen（通義千問）、通義万相（画像生成）',
   'クラウドとAI基盤に3年間で3,800億元以上を投じる計画',
   '阿里巴巴', '通义千问（Qwen）、通义万相（图像生成）',
   '计划三年内在云和人工智能基础设施上投入至少3,800亿元'),
  ('Tencent', 'Hunyuan (混元); Yuanbao (元宝) chatbot', NULL,
   'Hunyuan: 100B+ parameters, 2T+ training tokens; Yuanbao topped China''s free-app chart',
   3, 'テンセント', 'Hunyuan（混元）、チャットボットYuanbao（元宝）',
   'Hunyuanはパラメータ1,000億超、学習トークン2兆超。Yuanbaoは中国の無料アプリ首位に',
   '腾讯', '混元（Hunyuan）、对话助手元宝（Yuanbao）',
   '混元参数超过1,000亿、训练token超过2万亿；元宝曾登顶中国免费应用榜'),
  ('Baidu', 'ERNIE Bot (文心一言), ERNIE 4.0', NULL, 'Chinese-language ability',
   4, 'バイドゥ（百度）', 'ERNIE Bot（文心一言）、ERNIE 4.0', '中国語の処理能力',
   '百度', '文心一言（ERNIE Bot）、ERNIE 4.0', '中文处理能力'),
  ('SenseTime', 'SenseNova, SenseChat (商量)', NULL, 'multimodal',
   5, 'センスタイム', 'SenseNova、SenseChat（商量）', 'マルチモーダル',
   '商汤科技', '日日新（SenseNova）、商量（SenseChat）', '多模态'),
  ('BAAI (Beijing Academy of Artificial Intelligence)', 'Wudao 2.0 (悟道2.0)', NULL,
   'China''s first large multimodal model, 1.75T parameters',
   6, '北京智源人工知能研究院（BAAI）', 'Wudao 2.0（悟道2.0）',
   '中国初の大規模マルチモーダルモデル。パラメータ1.75兆',
   '北京智源人工智能研究院（BAAI）', '悟道2.0（Wudao 2.0）',
   '中国首个大规模多模态模型，参数1.75万亿'),
  ('Moonshot AI (月之暗面)', 'Kimi', NULL, 'a math-focused model near o1',
   7, 'Moonshot AI（月之暗面）', 'Kimi', 'o1に近い数学特化モデル',
   '月之暗面（Moonshot AI）', 'Kimi', '接近o1的数学专长模型'),
  ('Z.ai (formerly Zhipu AI, 智譜AI)', 'GLM', NULL, NULL,
   8, 'Z.ai（旧Zhipu AI、智譜AI）', 'GLM', NULL,
   '智谱（Z.ai，原智谱AI）', 'GLM', NULL),
  ('MiniMax (稀宇科技)', NULL, NULL, NULL,
   9, 'MiniMax（稀宇科技）', NULL, NULL,
   '稀宇科技（MiniMax）', NULL, NULL),
  ('StepFun', NULL, NULL, 'founded by Jiang Daxin (former Microsoft VP); aims at AGI',
   10, 'StepFun', NULL, '元Microsoft副社長のJiang Daxin氏が創業。AGIを目指す',
   '阶跃星辰（StepFun）', NULL, '由前微软副总裁姜大昕创立，以通用人工智能（AGI）为目标');

-- The five fields China's AI unicorns focus on (CAICT). No per-field counts
-- were published: a chart of them must say its numbers are illustrative, or
-- show the fields without numbers.
CREATE TABLE unicorn_fields (
  position  INTEGER PRIMARY KEY,
  field     TEXT NOT NULL,
  source_id TEXT NOT NULL REFERENCES sources (id)
);

INSERT INTO unicorn_fields (position, field, source_id) VALUES
  (1, 'foundation models (large models)', 'caict'),
  (2, 'autonomous driving', 'caict'),
  (3, 'intelligent robots', 'caict'),
  (4, 'business-intelligence applications', 'caict'),
  (5, 'AI computing chips', 'caict');

COMMIT;
