-- Customers still active at the end of the as-of day.
SELECT customer_id, CASE WHEN status <> 'ACTIVE' THEN 'already_left' END AS exclusion
FROM customers
