-- Regions from province to grid (fanzha.region.*.v2): levels are named, and the parent follows from the code.
ALTER TABLE region_view ALTER COLUMN level TYPE VARCHAR(10)
    USING (CASE level WHEN 1 THEN 'COUNTY' WHEN 2 THEN 'TOWNSHIP' WHEN 3 THEN 'VILLAGE' ELSE 'GRID' END);
UPDATE region_view SET parent_code = coalesce(parent_code, left(code, 4));
