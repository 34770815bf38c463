-- Below zero on any day in (as_of, as_of + 40]: the end-of-day balance of the current account.
SELECT customer_id, bool_or(balance < 0) AS label
FROM accounts_history
WHERE product_code = 'CURRENT' AND business_date > :as_of AND business_date <= :horizon_end
GROUP BY customer_id
