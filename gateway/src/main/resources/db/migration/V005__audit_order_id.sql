-- What a limit-check said about its checkout (issue #13): the order, the merchant category and the channel.
-- NULL when the request named none.
ALTER TABLE decision_audit
  ADD COLUMN order_id          text,
  ADD COLUMN merchant_category text,
  ADD COLUMN channel           text;
