-- Products are now also found by their producer's registration number (tax code): append it,
-- folded the way productSearchText folds it (numbers are stored without spaces, in upper case).
UPDATE products AS p
SET search_folded = p.search_folded || ' ' || lower(pr.registration_number)
FROM producers AS pr
WHERE pr.id = p.producer_id;
