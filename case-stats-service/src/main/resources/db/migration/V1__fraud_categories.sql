-- The fraud category catalogue. The four focus categories of the seed campaign plans come first
-- (网上贷款、网上投资或博彩、网上刷单、网购退赔), then the other common ones.
CREATE TABLE fraud_category (
    code       VARCHAR(50)  PRIMARY KEY,
    name_zh    VARCHAR(100) NOT NULL,
    name_en    VARCHAR(100) NOT NULL,
    focus      BOOLEAN      NOT NULL,
    sort_order SMALLINT     NOT NULL UNIQUE
);

INSERT INTO fraud_category (code, name_zh, name_en, focus, sort_order) VALUES
    ('ONLINE_LOAN',               '网上贷款',             'Fake online loans',                      TRUE,  1),
    ('INVESTMENT_GAMBLING',       '网上投资或博彩',       'Online investment or gambling',          TRUE,  2),
    ('ORDER_BRUSHING',            '网上刷单',             'Order brushing (click farming)',         TRUE,  3),
    ('SHOPPING_REFUND',           '网购退赔',             'Online shopping refund scams',           TRUE,  4),
    ('IMPERSONATING_OFFICIALS',   '冒充公检法及政府机关', 'Impersonating police or officials',      FALSE, 5),
    ('FAKE_CUSTOMER_SERVICE',     '冒充电商物流客服',     'Fake e-commerce or courier service',     FALSE, 6),
    ('ROMANCE_INVESTMENT',        '网络婚恋交友',         'Romance and dating scams',               FALSE, 7),
    ('FAKE_CREDIT_REPAIR',        '虚假征信',             'Fake credit record repair',              FALSE, 8),
    ('IMPERSONATING_ACQUAINTANCE','冒充领导熟人',         'Impersonating a boss or acquaintance',   FALSE, 9),
    ('GAME_TRADING',              '网络游戏产品虚假交易', 'Fake online game item trading',          FALSE, 10),
    ('OTHER',                     '其他',                 'Other',                                  FALSE, 99);
