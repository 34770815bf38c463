-- Active customers with an open current account who are not overdrawn at the end of the as-of day.
WITH current_account AS (
    SELECT customer_id, arg_max(balance, business_date) AS balance
    FROM accounts_history
    WHERE product_code = 'CURRENT' AND status = 'OPEN' AND business_date > :as_of - 7
    GROUP BY customer_id
)
SELECT c.customer_id,
       CASE WHEN c.status <> 'ACTIVE' THEN 'already_left'
            WHEN a.customer_id IS NULL THEN 'no_current_account'
            WHEN a.balance < 0 THEN 'already_overdrawn' END AS exclusion
FROM customers c
LEFT JOIN current_account a USING (customer_id)
