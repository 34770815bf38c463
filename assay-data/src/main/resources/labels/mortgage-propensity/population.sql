-- Active customers who hold no mortgage with the bank at the end of the as-of day.
WITH mortgage AS (
    SELECT DISTINCT customer_id
    FROM accounts_history
    WHERE product_code = 'MORTGAGE' AND status = 'OPEN' AND business_date > :as_of - 7
)
SELECT c.customer_id,
       CASE WHEN c.status <> 'ACTIVE' THEN 'already_left'
            WHEN m.customer_id IS NOT NULL THEN 'already_holds_mortgage' END AS exclusion
FROM customers c
LEFT JOIN mortgage m USING (customer_id)
