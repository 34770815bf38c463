-- Products held as of the day (each account's latest listing in the week up to it), and the
-- products opened and closed in the 90 days up to it.
WITH listed AS (
    SELECT customer_id, account_id, arg_max(product_code, business_date) AS product_code, arg_max(status, business_date) AS status
    FROM accounts_history
    WHERE business_date > :as_of - 7
    GROUP BY customer_id, account_id
), held AS (
    SELECT customer_id,
           count(*) FILTER (WHERE status = 'OPEN') AS products_held,
           count(*) FILTER (WHERE status = 'OPEN' AND product_code = 'SAVINGS') AS has_savings,
           count(*) FILTER (WHERE status = 'OPEN' AND product_code = 'CREDIT_CARD') AS has_credit_card,
           count(*) FILTER (WHERE status = 'OPEN' AND product_code = 'PERSONAL_LOAN') AS has_personal_loan,
           count(*) FILTER (WHERE status = 'OPEN' AND product_code = 'MORTGAGE') AS has_mortgage
    FROM listed GROUP BY customer_id
), events AS (
    SELECT customer_id,
           count(*) FILTER (WHERE action = 'OPENED') AS products_opened_90d,
           count(*) FILTER (WHERE action = 'CLOSED') AS products_closed_90d
    FROM products
    WHERE business_date > :as_of - 90
    GROUP BY customer_id
)
SELECT c.customer_id,
       coalesce(h.products_held, 0) AS products_held,
       least(coalesce(h.has_savings, 0), 1) AS has_savings,
       least(coalesce(h.has_credit_card, 0), 1) AS has_credit_card,
       least(coalesce(h.has_personal_loan, 0), 1) AS has_personal_loan,
       least(coalesce(h.has_mortgage, 0), 1) AS has_mortgage,
       coalesce(e.products_opened_90d, 0) AS products_opened_90d,
       coalesce(e.products_closed_90d, 0) AS products_closed_90d
FROM customers c
LEFT JOIN held h USING (customer_id)
LEFT JOIN events e USING (customer_id)
