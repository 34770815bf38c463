-- Who the customer is as of the day: the latest customer row (rows arrive only when something
-- changes), with tenure and age moved on by the months and years since that row was written.
SELECT customer_id,
       gender,
       CASE WHEN age_now < 26 THEN '18-25' WHEN age_now < 36 THEN '26-35' WHEN age_now < 51 THEN '36-50'
            WHEN age_now < 66 THEN '51-65' ELSE '66+' END AS age_band,
       segment,
       region,
       tenure_months + datediff('month', business_date, :as_of) AS tenure_months,
       household_size,
       CASE income_band WHEN 'LOW' THEN 1 WHEN 'MIDDLE' THEN 2 WHEN 'HIGH' THEN 3 ELSE 4 END AS income_band_rank,
       CAST(employment IN ('EMPLOYED', 'SELF_EMPLOYED') AS INTEGER) AS is_employed,
       CAST(employment = 'RETIRED' AS INTEGER) AS is_retired,
       CAST(employment = 'STUDENT' AS INTEGER) AS is_student
FROM (SELECT *, age + datediff('year', business_date, :as_of) AS age_now FROM customers)
