-- Closed or dormant on any day in (as_of, as_of + 90]; customer rows arrive when something changes.
WITH left_bank AS (
    SELECT customer_id, bool_or(status IN ('CLOSED', 'DORMANT')) AS gone
    FROM customers_history
    WHERE business_date > :as_of AND business_date <= :horizon_end
    GROUP BY customer_id
)
SELECT c.customer_id, coalesce(l.gone, false) AS label
FROM customers c
LEFT JOIN left_bank l USING (customer_id)
