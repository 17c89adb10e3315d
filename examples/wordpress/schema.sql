-- WordPress's user tables on MariaDB/MySQL, as WordPress creates them (the columns sqlfeed reads,
-- same names and types). Roles live in wp_usermeta under wp_capabilities, PHP-serialized.
CREATE TABLE wp_users (
  ID              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_login      VARCHAR(60) NOT NULL DEFAULT '',
  user_email      VARCHAR(100) NOT NULL DEFAULT '',
  user_registered DATETIME NOT NULL,
  user_status     INT NOT NULL DEFAULT 0,
  display_name    VARCHAR(250) NOT NULL DEFAULT '',
  KEY user_login_key (user_login),
  KEY user_registered_id (user_registered, ID)
);

CREATE TABLE wp_usermeta (
  umeta_id   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id    BIGINT UNSIGNED NOT NULL DEFAULT 0,
  meta_key   VARCHAR(255) DEFAULT NULL,
  meta_value LONGTEXT,
  KEY user_id (user_id),
  KEY meta_key (meta_key(191))
);
