-- A small WordPress site: three users and their roles.
INSERT INTO wp_users (ID, user_login, user_email, user_registered, display_name) VALUES
  (1, 'admin', 'admin@blog.example', '2026-01-05 10:00:00', 'Site Admin'),
  (2, 'editor', 'ed@blog.example', '2026-02-10 09:30:00', 'Ed Itor'),
  (3, 'writer', 'wr@blog.example', '2026-03-01 14:15:00', 'Wri Ter');

INSERT INTO wp_usermeta (user_id, meta_key, meta_value) VALUES
  (1, 'wp_capabilities', 'a:1:{s:13:"administrator";b:1;}'),
  (2, 'wp_capabilities', 'a:2:{s:6:"editor";b:1;s:6:"author";b:1;}'),
  (3, 'wp_capabilities', 'a:1:{s:6:"author";b:1;}'),
  (3, 'nickname', 'writer');
