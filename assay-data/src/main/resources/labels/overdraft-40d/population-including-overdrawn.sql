-- Active customers with an open current account, overdrawn at the as-of day or not.
WITH current_account AS (
    SELECT DISTINCT customer_id
    FROM accounts_history
    WHERE product_code = 'CURRENT' AND status = 'OPEN' AND business_date > :as_of - 7
)
SELECT c.customer_id,
       CASE WHEN c.status <> 'ACTIVE' THEN 'already_left'
            WHEN a.customer_id IS NULL THEN 'no_current_account' END AS exclusion
FROM customers c
LEFT JOIN current_account a USING (customer_id)
