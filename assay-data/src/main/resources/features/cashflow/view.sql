-- Money in and out over 30 and 90 days: income against spending, salary (detected, regular,
-- changed), gambling and cash shares, direct-debit load, fees, and notary or real-estate payments.
WITH t AS (
    SELECT customer_id, booking_date, :as_of - booking_date AS age_days, CAST(amount AS DOUBLE) AS amount, category
    FROM transactions
    WHERE booking_date > :as_of - 90
), salaries AS (
    SELECT customer_id, booking_date, amount,
           row_number() OVER (PARTITION BY customer_id ORDER BY booking_date DESC, amount DESC) AS newest
    FROM t WHERE category IN ('SALARY', 'PENSION') AND amount > 0
), salary AS (
    SELECT customer_id,
           count(*) AS salary_payments_90d,
           min(:as_of - booking_date) AS days_since_salary,
           max(amount) FILTER (WHERE newest = 1) / nullif(max(amount) FILTER (WHERE newest = 2), 0) - 1 AS salary_last_change,
           stddev_pop(amount) / nullif(avg(amount), 0) AS salary_variation
    FROM salaries GROUP BY customer_id
), flows AS (
    SELECT customer_id,
           coalesce(sum(amount) FILTER (WHERE amount > 0 AND age_days < 30), 0) AS income_30d,
           coalesce(-sum(amount) FILTER (WHERE amount < 0 AND age_days < 30), 0) AS spending_30d,
           coalesce(-sum(amount) FILTER (WHERE amount < 0 AND age_days >= 30 AND age_days < 60), 0) AS spending_prev_30d,
           coalesce(-sum(amount) FILTER (WHERE category = 'GAMBLING' AND amount < 0 AND age_days < 30), 0) AS gambling_30d,
           coalesce(-sum(amount) FILTER (WHERE category = 'ATM' AND amount < 0 AND age_days < 30), 0) AS cash_30d,
           coalesce(-sum(amount) FILTER (WHERE category IN ('DIRECT_DEBIT', 'UTILITIES', 'INSURANCE', 'RENT', 'MORTGAGE_PAYMENT',
               'LOAN_REPAYMENT') AND amount < 0 AND age_days < 30), 0) AS debits_30d,
           count(*) FILTER (WHERE age_days < 30) AS transactions_30d,
           count(*) FILTER (WHERE category = 'FEE') AS fees_90d,
           count(*) FILTER (WHERE category = 'NOTARY') AS notary_payments_90d,
           count(*) FILTER (WHERE category = 'REAL_ESTATE') AS real_estate_payments_90d,
           coalesce(sum(abs(amount)) FILTER (WHERE category IN ('NOTARY', 'REAL_ESTATE')), 0) AS property_amount_90d
    FROM t GROUP BY customer_id
)
SELECT c.customer_id,
       coalesce(f.income_30d, 0) AS income_30d,
       coalesce(f.spending_30d, 0) AS spending_30d,
       f.income_30d / nullif(f.spending_30d, 0) AS income_to_spending_30d,
       f.spending_30d / nullif(f.spending_prev_30d, 0) AS spending_trend,
       CAST(coalesce(s.salary_payments_90d, 0) > 0 AS INTEGER) AS salary_detected,
       coalesce(s.salary_payments_90d, 0) AS salary_payments_90d,
       s.days_since_salary AS days_since_salary,
       s.salary_variation AS salary_variation,
       s.salary_last_change AS salary_last_change,
       coalesce(f.gambling_30d / nullif(f.spending_30d, 0), 0) AS gambling_share_30d,
       coalesce(f.cash_30d / nullif(f.spending_30d, 0), 0) AS cash_share_30d,
       f.debits_30d / nullif(f.income_30d, 0) AS debit_load_30d,
       coalesce(f.transactions_30d, 0) AS transactions_30d,
       coalesce(f.fees_90d, 0) AS fees_90d,
       coalesce(f.notary_payments_90d, 0) AS notary_payments_90d,
       coalesce(f.real_estate_payments_90d, 0) AS real_estate_payments_90d,
       coalesce(f.property_amount_90d, 0) AS property_amount_90d
FROM customers c
LEFT JOIN flows f USING (customer_id)
LEFT JOIN salary s USING (customer_id)
