-- Regions from province to grid (docs/regions.md). Levels are named; the path runs from the province; the parent
-- follows from the code, so a county may be stored before its prefecture (a root) and is joined to it by code
-- alone when the prefecture is loaded: parent_code no longer references a stored row.
ALTER TABLE region DROP CONSTRAINT region_parent_code_fkey;
ALTER TABLE region ALTER COLUMN level TYPE VARCHAR(10)
    USING (CASE level WHEN 1 THEN 'COUNTY' WHEN 2 THEN 'TOWNSHIP' WHEN 3 THEN 'VILLAGE' ELSE 'GRID' END);
ALTER TABLE region ADD CONSTRAINT region_level_known
    CHECK (level IN ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'GRID'));
UPDATE region SET path = left(code, 2) || '/' || left(code, 4) || '/' || path,
                  parent_code = coalesce(parent_code, left(code, 4));
ALTER TABLE region ALTER COLUMN path TYPE VARCHAR(80);
CREATE INDEX region_level ON region (level);
