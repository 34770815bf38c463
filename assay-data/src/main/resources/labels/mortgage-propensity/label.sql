-- A mortgage opened on any day in (as_of, as_of + 90].
WITH opened AS (
    SELECT DISTINCT customer_id
    FROM products
    WHERE action = 'OPENED' AND product_code = 'MORTGAGE' AND business_date > :as_of AND business_date <= :horizon_end
)
SELECT c.customer_id, o.customer_id IS NOT NULL AS label
FROM customers c
LEFT JOIN opened o USING (customer_id)
