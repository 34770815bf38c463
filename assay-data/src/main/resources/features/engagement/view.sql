-- Digital engagement and its trend, and contact with the bank (complaints, calls), up to the day.
WITH e AS (
    SELECT customer_id, event_type, :as_of - CAST(event_time AS DATE) AS age_days
    FROM digital_events
    WHERE CAST(event_time AS DATE) > :as_of - 90
), counts AS (
    SELECT customer_id,
           count(*) FILTER (WHERE event_type = 'LOGIN' AND age_days < 30) AS logins_30d,
           count(*) FILTER (WHERE event_type = 'APP_OPEN' AND age_days < 30) AS app_opens_30d,
           count(*) FILTER (WHERE age_days < 7) AS digital_events_7d,
           count(*) FILTER (WHERE age_days < 30) AS digital_events_30d,
           count(*) FILTER (WHERE age_days >= 30 AND age_days < 60) AS digital_events_prev_30d,
           min(age_days) FILTER (WHERE event_type IN ('LOGIN', 'APP_OPEN')) AS days_since_login,
           count(*) FILTER (WHERE event_type = 'COMPLAINT') AS complaints_90d,
           count(*) FILTER (WHERE event_type = 'CONTACT') AS contacts_90d,
           count(*) FILTER (WHERE event_type = 'PAYMENT_SETUP') AS payment_setups_90d
    FROM e GROUP BY customer_id
)
SELECT c.customer_id,
       coalesce(n.logins_30d, 0) AS logins_30d,
       coalesce(n.app_opens_30d, 0) AS app_opens_30d,
       coalesce(n.digital_events_7d, 0) AS digital_events_7d,
       coalesce(n.digital_events_30d, 0) AS digital_events_30d,
       CAST(n.digital_events_30d AS DOUBLE) / nullif(n.digital_events_prev_30d, 0) AS engagement_trend,
       n.days_since_login AS days_since_login,
       coalesce(n.complaints_90d, 0) AS complaints_90d,
       coalesce(n.contacts_90d, 0) AS contacts_90d,
       coalesce(n.payment_setups_90d, 0) AS payment_setups_90d
FROM customers c
LEFT JOIN counts n USING (customer_id)
