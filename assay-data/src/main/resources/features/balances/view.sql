-- Level, trend and volatility of the current account over 7, 30 and 90 days, days below zero,
-- overdraft usage, and savings growth; from each day's end-of-day balances up to the as-of day.
WITH daily AS (
    SELECT customer_id, business_date,
           sum(CASE WHEN product_code = 'CURRENT' THEN balance END) AS current_balance,
           sum(CASE WHEN product_code = 'CURRENT' THEN credit_limit END) AS current_limit,
           sum(CASE WHEN product_code = 'SAVINGS' THEN balance END) AS savings_balance
    FROM accounts_history
    WHERE business_date > :as_of - 90 AND product_code IN ('CURRENT', 'SAVINGS')
    GROUP BY customer_id, business_date
), days AS (
    SELECT customer_id, business_date, :as_of - business_date AS age_days,
           CAST(current_balance AS DOUBLE) AS b, CAST(coalesce(current_limit, 0) AS DOUBLE) AS lim,
           CAST(coalesce(savings_balance, 0) AS DOUBLE) AS s
    FROM daily WHERE current_balance IS NOT NULL
)
SELECT customer_id,
       arg_max(b, business_date) AS balance_now,
       avg(b) FILTER (WHERE age_days < 7) AS balance_avg_7d,
       avg(b) FILTER (WHERE age_days < 30) AS balance_avg_30d,
       avg(b) AS balance_avg_90d,
       min(b) FILTER (WHERE age_days < 30) AS balance_min_30d,
       max(b) FILTER (WHERE age_days < 30) AS balance_max_30d,
       coalesce(stddev_pop(b) FILTER (WHERE age_days < 30), 0) AS balance_volatility_30d,
       coalesce(stddev_pop(b), 0) AS balance_volatility_90d,
       -- a slope needs two days: a customer who joined yesterday has none yet
       CASE WHEN count(*) FILTER (WHERE age_days < 30) > 1
            THEN regr_slope(b, -CAST(age_days AS DOUBLE)) FILTER (WHERE age_days < 30) ELSE 0 END AS balance_trend_30d,
       CASE WHEN count(*) > 1 THEN regr_slope(b, -CAST(age_days AS DOUBLE)) ELSE 0 END AS balance_trend_90d,
       count(*) FILTER (WHERE b < 0 AND age_days < 30) AS days_below_zero_30d,
       count(*) FILTER (WHERE b < 0) AS days_below_zero_90d,
       arg_max(lim, business_date) AS overdraft_limit,
       CASE WHEN arg_max(lim, business_date) > 0
            THEN greatest(0, -arg_max(b, business_date)) / arg_max(lim, business_date) ELSE 0 END AS overdraft_usage_now,
       coalesce(max(CASE WHEN lim > 0 THEN greatest(0, -b) / lim ELSE 0 END) FILTER (WHERE age_days < 30), 0)
           AS overdraft_usage_max_30d,
       arg_max(s, business_date) AS savings_now,
       arg_max(s, business_date) - arg_max(s, business_date) FILTER (WHERE age_days >= 30) AS savings_growth_30d
FROM days
GROUP BY customer_id
